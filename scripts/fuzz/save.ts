// Saves one failing input per failure cause: <cause>.dockerfile (the exact input, bytes as
// generated), <cause>.min.dockerfile (shrunk to the lines that still fail the same way) and
// <cause>.txt (seed, cause and the full report, e.g. the text before and after a fix).
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fuzzInput } from './inputs';
import { shrinkFailure } from './shrink';
import type { FailureGroup } from './worker';

export interface SavedFailure {
  input: string;
  /** Absent for hangs, crashes and slow analyses, which are not re-run. */
  minimized?: string;
}

function isShrinkable(group: FailureGroup): boolean {
  if (group.first.kind === 'fix' || group.first.kind === 'internal-error') return true;
  return group.first.kind === 'throw' && !/^(hang|crash):/.test(group.signature);
}

export function saveFailure(directory: string, group: FailureGroup): SavedFailure {
  mkdirSync(directory, { recursive: true });
  const hash = createHash('sha1').update(group.signature).digest('hex').slice(0, 8);
  const slug = `${group.first.kind}-${group.first.rule ?? 'engine'}-${hash}`.replace(/[^\w.-]+/g, '_');
  const inputPath = join(directory, `${slug}.dockerfile`);
  const input = fuzzInput(group.firstSeed);
  writeFileSync(inputPath, input, 'utf8');
  let minimized: string | undefined;
  if (isShrinkable(group)) {
    minimized = join(directory, `${slug}.min.dockerfile`);
    writeFileSync(minimized, shrinkFailure(input, group.signature), 'utf8');
  }
  writeFileSync(
    join(directory, `${slug}.txt`),
    `seed: ${group.firstSeed}\ncause: ${group.signature}\nmessage: ${group.first.message}\n\n${group.first.detail}\n`,
    'utf8',
  );
  return { input: inputPath, minimized };
}
