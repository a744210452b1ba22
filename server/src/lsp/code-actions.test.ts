import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver';
import { analyze } from '../analysis/engine';
import type { Finding } from '../analysis/rule';
import { applyTextEdits } from '../analysis/text-edits';
import { codeActionsFor, findingFor, minimalEdit } from './code-actions';
import { findingToDiagnostic } from './diagnostics';
import type { DocumentAnalysis } from './document-analysis';
import { toPortableAnalysis } from './portable-analysis';

function roundTrip(before: string, after: string) {
  const document = TextDocument.create('file:///Dockerfile', 'dockerfile', 1, before);
  const edit = minimalEdit(document, before, after);
  assert.equal(applyTextEdits(before, [edit]), after);
  return edit;
}

describe('minimalEdit', () => {
  it('replaces only the changed middle of the text', () => {
    const edit = roundTrip('FROM node\nADD . /app\nCMD ["node"]\n', 'FROM node\nCOPY . /app\nCMD ["node"]\n');
    assert.deepEqual(edit.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } });
    assert.equal(edit.newText, 'COPY');
  });

  it('handles insertions, deletions and identical texts', () => {
    assert.equal(roundTrip('RUN a\n', 'RUN a\nUSER node\n').newText, 'USER node\n');
    assert.equal(roundTrip('RUN a\nRUN b\n', 'RUN a\n').newText, '');
    assert.equal(roundTrip('same', 'same').newText, '');
    roundTrip('', 'FROM scratch\n');
  });

  it('never splits a CRLF or a surrogate pair', () => {
    const crlf = roundTrip('RUN a\r\nRUN b\r\n', 'RUN a\nRUN b\r\n');
    assert.deepEqual(crlf.range.start, { line: 0, character: 5 });
    assert.equal(crlf.newText, '\n');
    const emoji = roundTrip('# 😀\n', '# 😁\n');
    assert.equal(emoji.newText, '😁');
  });
});

describe('codeActionsFor', () => {
  const text = 'FROM debian:12\nADD . /app\n';
  const range = { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } };
  const edit = { range, newText: 'COPY' };
  const finding: Finding = {
    rule: 'example',
    code: 'LW999',
    aliases: {},
    severity: 'warning',
    message: 'an example finding',
    range,
    fixes: [
      { title: 'A suggestion', safety: 'suggestion', edits: [edit] },
      { title: 'An unsafe fix', safety: 'unsafe', edits: [edit] },
      { title: 'The safe fix', safety: 'safe', edits: [edit] },
    ],
    docsUrl: 'https://example.invalid/docs/example.md',
  };
  const document = TextDocument.create('file:///Dockerfile', 'dockerfile', 3, text);
  const result = toPortableAnalysis(analyze(text));
  const analysis: DocumentAnalysis = { kind: 'analysed', result: { ...result, findings: [...result.findings, finding] } };
  const diagnostic = findingToDiagnostic(finding, 3, result.findings.length);
  const quickFixes = (diagnostics: Diagnostic[]) =>
    codeActionsFor(document, analysis, { diagnostics, only: ['quickfix'] }, { documentChanges: true }, false);

  it('offers every fix of the finding the diagnostic names, and prefers only the safe one', () => {
    const actions = quickFixes([diagnostic]);
    assert.deepEqual(
      actions.map((action) => [action.title, action.isPreferred]),
      [
        ['A suggestion', false],
        ['An unsafe fix', false],
        ['The safe fix', true],
      ],
    );
    const change = actions[0].edit?.documentChanges?.[0];
    assert.ok(change && 'textDocument' in change);
    assert.equal(change.textDocument.version, 3, 'the edit is refused if the document changed since');
  });

  it('finds the finding by code, message and range when the diagnostic is of another version', () => {
    const stale = findingToDiagnostic(finding, 2, 0);
    assert.equal(findingFor(stale, 3, analysis.result.findings), finding);
    const moved = { ...stale, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } } };
    assert.equal(findingFor(moved, 3, analysis.result.findings), undefined);
    assert.deepEqual(quickFixes([moved]), []);
  });
});
