// The README lists the current snippets (scripts/snippet-table.ts --write regenerates the section).
// Sizes are not compared: they follow the estimator and its data, which change on their own.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadSnippets, prefixOf, repoRoot } from './snippet-catalog';
import { currentSection, readmeWithSection, renderSnippetSection, SNIPPETS_END, SNIPPETS_START, withoutSizes } from './snippet-table';

const snippets = loadSnippets();
const rendered = renderSnippetSection(snippets);

describe('README snippet section', () => {
  it('lists every snippet with its final base image (run scripts/snippet-table.ts --write when this fails)', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const section = currentSection(readme);
    assert.ok(section !== null, `README.md has the markers ${SNIPPETS_START} and ${SNIPPETS_END}`);
    assert.equal(withoutSizes(section), withoutSizes(rendered));
  });

  it('renders one row per snippet, with a size for every full Dockerfile', () => {
    for (const snippet of snippets) assert.ok(rendered.includes(`| \`${prefixOf(snippet)}\` |`), `${prefixOf(snippet)} has a row`);
    const sizeCells = rendered.split('\n').filter((line) => line.startsWith('| `lw-') && line.split('|').length === 6);
    assert.equal(sizeCells.length, snippets.filter((snippet) => !snippet.isFragment).length);
    for (const line of sizeCells) assert.match(line, /\| ([≈≥] [\d.]+ [KMGT]?B est\.|size unknown) \|$/);
  });

  it('ignores a size that changed but not a snippet that is missing', () => {
    const firstRow = rendered.split('\n').find((line) => line.startsWith('| `lw-') && line.split('|').length === 6) as string;
    const resized = rendered.replace(firstRow, firstRow.replace(/\| [^|]+ \|$/, '| ≈ 999 MB est. |'));
    assert.notEqual(resized, rendered);
    assert.equal(withoutSizes(resized), withoutSizes(rendered));
    assert.notEqual(withoutSizes(rendered.replace(`${firstRow}\n`, '')), withoutSizes(rendered));
  });

  it('replaces only what lies between the markers', () => {
    const readme = `# Title\n\n${SNIPPETS_START}\nold\n${SNIPPETS_END}\n\n## Rules\n`;
    assert.equal(readmeWithSection(readme, 'new\n'), `# Title\n\n${SNIPPETS_START}\nnew\n${SNIPPETS_END}\n\n## Rules\n`);
    assert.equal(readmeWithSection('# no markers\n', 'new\n'), null);
  });
});
