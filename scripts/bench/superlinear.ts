// Where dockerfile-ast stops being linear. The parser ends with Dockerfile.organizeComments(), which
// for every comment walks every build stage and recomputes that stage's range: the cost grows with
// (comments × FROMs), not with bytes. Many Dockerfiles pasted into one file have both in proportion
// to the length, so the parse turns quadratic; a small file of alternating comments and FROMs is
// just as slow. This study shows both, and the same text parsed as separate files.
import { DockerfileParser } from 'dockerfile-ast';
import { concatenatedDockerfileParts } from '../../test/corpus/synthetic';
import { bytes, ms, table, timeOnce } from './stats';

export interface ShapeCounts {
  comments: number;
  froms: number;
}

/** Whole-line comments and FROM lines, counted the cheap way (a line scan, no parse). */
export function shapeCounts(text: string): ShapeCounts {
  let comments = 0;
  let froms = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const trimmed = line.trimStart();
    if (trimmed.startsWith('#')) comments++;
    else if (/^from\s/i.test(trimmed)) froms++;
  }
  return { comments, froms };
}

function parseTime(text: string): number {
  return timeOnce(() => DockerfileParser.parse(text));
}

function triggerRows(pairs: readonly number[]): string[][] {
  const rows: string[][] = [];
  for (const count of pairs) {
    const shapes: Array<[string, string]> = [
      ['comment + FROM', '# note\nFROM alpine\n'.repeat(count)],
      ['FROM only', 'FROM alpine\nRUN true\n'.repeat(count)],
      ['comments, 1 FROM', `FROM alpine\n${'# note\nRUN true\n'.repeat(count)}`],
    ];
    for (const [shape, text] of shapes) {
      const { comments, froms } = shapeCounts(text);
      rows.push([shape, String(count), bytes(text.length), `${comments} × ${froms}`, ms(parseTime(text))]);
    }
  }
  return rows;
}

function concatenationRows(sizes: readonly number[]): string[][] {
  return sizes.map((size) => {
    const parts = concatenatedDockerfileParts(size);
    const text = parts.join('\n');
    const { comments, froms } = shapeCounts(text);
    const separately = timeOnce(() => parts.forEach((part) => DockerfileParser.parse(part)));
    return [bytes(text.length), String(comments), String(froms), ms(parseTime(text)), ms(separately)];
  });
}

export function runSuperlinearStudy(big: boolean, log: (line: string) => void): string {
  log('  timing the dockerfile-ast trigger shapes…');
  // Warm the parser up first, so the first row does not pay for the JIT.
  for (let i = 0; i < 5; i++) DockerfileParser.parse('# note\nFROM alpine\nRUN true\n'.repeat(300));
  const trigger = triggerRows(big ? [1_000, 2_000, 4_000, 8_000] : [1_000, 2_000, 4_000]);
  log('  timing concatenated Dockerfiles…');
  const concatenated = concatenationRows(
    big ? [256 * 1024, 512 * 1024, 1024 * 1024, 2 * 1024 * 1024, 4 * 1024 * 1024] : [128 * 1024, 256 * 1024, 512 * 1024],
  );
  return [
    'dockerfile-ast superlinearity: the cost follows comments × FROMs, not bytes',
    '',
    table(['shape', 'repeats', 'size', 'comments × FROMs', 'parse'], trigger),
    '',
    table(['concatenated size', 'comments', 'FROMs', 'parse as one file', 'parse as separate files'], concatenated),
    big ? '' : '\n(run `npm run bench -- --big` for the 8,000-pair shape and the 1–4 MB concatenations: minutes)',
  ].join('\n');
}
