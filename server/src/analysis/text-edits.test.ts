import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyTextEdits, lineStarts, offsetAt, positionAt } from './text-edits';

describe('text edits', () => {
  it('finds line starts for LF, CRLF and lone CR', () => {
    assert.deepEqual(lineStarts('a\nb\r\nc\rd'), [0, 2, 5, 7]);
  });

  it('converts between offsets and positions, clamping past the end of a line', () => {
    const text = 'FROM a\r\nRUN b\n';
    const starts = lineStarts(text);
    assert.equal(offsetAt(text, starts, { line: 1, character: 2 }), 10);
    assert.equal(offsetAt(text, starts, { line: 0, character: 99 }), 6);
    assert.equal(offsetAt(text, starts, { line: 9, character: 0 }), text.length);
    assert.deepEqual(positionAt(starts, 10), { line: 1, character: 2 });
  });

  it('applies edits in any order and rejects overlapping ones', () => {
    const text = 'ADD a b\nADD c d\n';
    const edit = (line: number, newText: string) => ({
      range: { start: { line, character: 0 }, end: { line, character: 3 } },
      newText,
    });
    assert.equal(applyTextEdits(text, [edit(1, 'COPY'), edit(0, 'COPY')]), 'COPY a b\nCOPY c d\n');
    assert.throws(() => applyTextEdits(text, [edit(0, 'X'), edit(0, 'Y')]), /overlapping/);
  });
});
