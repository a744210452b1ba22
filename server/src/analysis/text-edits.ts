// Applying LSP-style text edits to a string: used by the engine's fix application and the tests.
import type { Position, Range, TextEdit } from './rule';

/** Offsets of the start of each line; handles \n, \r\n and lone \r as LSP does. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (ch === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

export function offsetAt(text: string, starts: number[], position: Position): number {
  if (position.line >= starts.length) return text.length;
  if (position.line < 0) return 0;
  const lineStart = starts[position.line];
  let lineEnd = position.line + 1 < starts.length ? starts[position.line + 1] : text.length;
  // As in LSP, a character past the end of the line means the end of the line, before its break.
  while (lineEnd > lineStart && (text[lineEnd - 1] === '\n' || text[lineEnd - 1] === '\r')) lineEnd--;
  return Math.max(lineStart, Math.min(lineStart + position.character, lineEnd));
}

export function positionAt(starts: number[], offset: number): Position {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low, character: offset - starts[low] };
}

/** The document text a range covers. */
export function textInRange(text: string, starts: number[], range: Range): string {
  return text.slice(offsetAt(text, starts, range.start), offsetAt(text, starts, range.end));
}

/**
 * Applies non-overlapping edits (all computed against `text`). Overlapping edits throw: callers that
 * combine fixes must drop overlapping ones first (see `selectNonOverlapping`).
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = lineStarts(text);
  const resolved = edits
    .map((edit) => ({
      start: offsetAt(text, starts, edit.range.start),
      end: offsetAt(text, starts, edit.range.end),
      newText: edit.newText,
    }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let result = '';
  let cursor = 0;
  for (const edit of resolved) {
    if (edit.start < cursor) throw new Error('overlapping text edits');
    result += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  return result + text.slice(cursor);
}

/** Offset spans of a group of edits, for overlap checks between fixes. */
export function editSpans(text: string, edits: readonly TextEdit[], starts = lineStarts(text)): Array<[number, number]> {
  return edits.map((edit) => [offsetAt(text, starts, edit.range.start), offsetAt(text, starts, edit.range.end)]);
}
