// Which input each seed stands for: mostly one Dockerfile-shaped text, and every
// BIG_INPUT_EVERY-th seed a long one (tens to hundreds of KB) to hold the one-second bound.
import { createRandom } from '../../test/corpus/random';
import { dockerfileShapedText } from './generator';

export const BIG_INPUT_EVERY = 10_000;

function bigInput(seed: number): string {
  const random = createRandom(seed);
  const targetBytes = random.int(50, 400) * 1024;
  const parts: string[] = [];
  let size = 0;
  for (let part = 1; size < targetBytes; part++) {
    const text = dockerfileShapedText(seed * 1_000 + part);
    parts.push(text);
    size += text.length + 1;
  }
  return parts.join('\n');
}

/** Long inputs hold the time bound; their fixes are not verified (hundreds of re-analyses each). */
export function isBigInput(seed: number): boolean {
  return seed % BIG_INPUT_EVERY === 0;
}

export function fuzzInput(seed: number): string {
  return isBigInput(seed) ? bigInput(seed) : dockerfileShapedText(seed);
}
