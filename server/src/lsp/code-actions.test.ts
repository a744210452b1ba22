import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyTextEdits } from '../analysis/text-edits';
import { minimalEdit } from './code-actions';

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
