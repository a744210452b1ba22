// The README's snippet section: each snippet, what it builds, its final base image and the estimated size
// of its final stage, as the estimator computes it.
//   node --import tsx scripts/snippet-table.ts           prints the section
//   node --import tsx scripts/snippet-table.ts --write   writes it between the README's snippets markers
//   node --import tsx scripts/snippet-table.ts --check   exits 1 when the README does not list the current
//                                                        snippets (sizes are not compared: see withoutSizes)
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  currentSection,
  readmeWithSection,
  renderSnippetSection,
  SNIPPETS_END,
  SNIPPETS_START,
  withoutSizes,
} from '../test/snippets/snippet-table';

const readmePath = join(resolve(__dirname, '..'), 'README.md');

function main(argv: readonly string[]): number {
  const section = renderSnippetSection();
  if (!argv.includes('--write') && !argv.includes('--check')) {
    process.stdout.write(section);
    return 0;
  }
  const readme = readFileSync(readmePath, 'utf8');
  const current = currentSection(readme);
  if (current === null) {
    console.error(`README.md needs the markers ${SNIPPETS_START} and ${SNIPPETS_END}`);
    return 2;
  }
  if (argv.includes('--check')) {
    if (withoutSizes(current) === withoutSizes(section)) return 0;
    console.error('The README snippet table is stale: run `node --import tsx scripts/snippet-table.ts --write`.');
    return 1;
  }
  if (current !== section) writeFileSync(readmePath, readmeWithSection(readme, section) as string);
  console.log(current === section ? 'README snippet table is up to date' : 'wrote the README snippet table');
  return 0;
}

process.exitCode = main(process.argv.slice(2));
