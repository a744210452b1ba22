import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from './engine';
import { buildModel } from './model';
import type { Finding } from './rule';
import { suppressionFixes } from './suppression-edits';
import { applyTextEdits } from './text-edits';

/** A finding of the real catalog on that line, so the suppression is checked against the real engine. */
function findingOn(text: string, line: number): Finding {
  const finding = analyze(text, { estimateSizes: false }).findings.find((candidate) => candidate.range.start.line === line);
  assert.ok(finding, `no finding on line ${line} of:\n${text}`);
  return finding;
}

function applied(text: string, finding: Finding, index: number): string {
  const fix = suppressionFixes(finding, buildModel(text))[index];
  assert.ok(fix, `no fix #${index}`);
  assert.equal(fix.safety, 'suggestion', 'never bulk-applied');
  return applyTextEdits(text, fix.edits);
}

function assertSilenced(text: string, code: string, line: number): void {
  const remaining = analyze(text, { estimateSizes: false }).findings.filter((finding) => finding.code === code && finding.range.start.line === line);
  assert.deepEqual(remaining, [], `still reported after the fix:\n${text}`);
}

const ADD_LOCAL = 'ADD app.sh /usr/local/bin/app.sh';

describe('suppressionFixes', () => {
  const text = ['# syntax=docker/dockerfile:1', '', 'FROM alpine:3.20 AS build', 'RUN true', '  ' + ADD_LOCAL, ''].join('\n');
  const finding = () => findingOn(text, 4);

  it('offers the instruction, the stage and the file, narrowest first', () => {
    const fixes = suppressionFixes(finding(), buildModel(text));
    assert.deepEqual(
      fixes.map((fix) => fix.title.replace(/^Ignore \S+ \(\S+\) /, '')),
      ['for this instruction', 'for this stage', 'in this file'],
    );
  });

  it('writes the instruction comment above it, indented like it, and silences the finding', () => {
    const { code } = finding();
    const after = applied(text, finding(), 0);
    assert.equal(after.split('\n')[4], `  # layerwise ignore=${code} <reason>`);
    assertSilenced(after, code, 5);
  });

  it('writes the stage comment above the FROM', () => {
    const { code } = finding();
    const after = applied(text, finding(), 1);
    assert.equal(after.split('\n')[2], `# layerwise stage ignore=${code} <reason>`);
    assertSilenced(after, code, 5);
  });

  it('writes the file comment after the parser directives, which must stay first', () => {
    const { code } = finding();
    const after = applied(text, finding(), 2);
    assert.deepEqual(after.split('\n').slice(0, 2), ['# syntax=docker/dockerfile:1', `# layerwise global ignore=${code} <reason>`]);
    assert.equal(buildModel(after).directives[0]?.name, 'syntax');
    assertSilenced(after, code, 5);
  });

  it('adds the code to a comment of the same scope that is already there', () => {
    const withComment = ['FROM alpine:3.20', '# layerwise ignore=LW999 known', ADD_LOCAL, ''].join('\n');
    const target = findingOn(withComment, 2);
    const after = applied(withComment, target, 0);
    assert.equal(after.split('\n')[1], `# layerwise ignore=LW999,${target.code} known`);
    const global = ['# layerwise global ignore=LW999', 'FROM alpine:3.20', ADD_LOCAL, ''].join('\n');
    const globalTarget = findingOn(global, 2);
    assert.equal(applied(global, globalTarget, 2).split('\n')[0], `# layerwise global ignore=LW999,${globalTarget.code}`);
  });

  it('keeps CRLF line breaks', () => {
    const crlf = 'FROM alpine:3.20\r\n' + ADD_LOCAL + '\r\n';
    const target = findingOn(crlf, 1);
    assert.equal(applied(crlf, target, 0), `FROM alpine:3.20\r\n# layerwise ignore=${target.code} <reason>\r\n${ADD_LOCAL}\r\n`);
  });

  it('offers only the file scope for a finding outside any instruction', () => {
    const fixes = suppressionFixes({ code: 'LW999', rule: 'x', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } } }, buildModel('FROM alpine:3.20\n# note\n'));
    assert.equal(fixes.length, 1);
    assert.match(fixes[0].title, /in this file$/);
  });
});
