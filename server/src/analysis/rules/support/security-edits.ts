// Removing words from a command line (a flag, an option and its value, a `sudo` prefix) without leaving
// double spaces, empty continuation lines or a dangling escape behind.
import type { DockerfileModel } from '../../model-types';
import type { Range, TextEdit } from '../../rule';
import { offsetAt, positionAt } from '../../text-edits';

const BLANK = /[ \t]/;

/**
 * Deletes the text from `first` to `last` (one word, or an option and its value) and the blanks on one side.
 * null when the words are the only thing on the last line of a continued command (the escape on the line
 * above would then continue into the next instruction).
 */
export function deleteWordsEdit(model: DockerfileModel, first: Range, last: Range = first): TextEdit | null {
  const { text, lineStarts } = model;
  const start = offsetAt(text, lineStarts, first.start);
  const end = offsetAt(text, lineStarts, last.end);
  let before = start;
  while (before > 0 && BLANK.test(text[before - 1])) before--;
  if (before > 0 && text[before - 1] !== '\n' && text[before - 1] !== '\r') return edit(model, before, end);
  // The words start a line: take the blanks after them instead, or the whole line when nothing else is on it.
  let after = end;
  while (after < text.length && BLANK.test(text[after])) after++;
  const rest = text.slice(after);
  const escapeThenBreak = new RegExp(`^${escapeRegExp(model.escapeCharacter)}[ \\t]*(\\r\\n|\\n|\\r)`);
  const lineBreak = escapeThenBreak.exec(rest);
  if (lineBreak) return edit(model, before, after + lineBreak[0].length);
  if (rest === '' || /^(\r\n|\n|\r)/.test(rest)) return null;
  return edit(model, start, after);
}

function edit(model: DockerfileModel, from: number, to: number): TextEdit {
  return { range: { start: positionAt(model.lineStarts, from), end: positionAt(model.lineStarts, to) }, newText: '' };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
