// The text the shell sees, with the document offset of every character, so that words found in
// the joined text get exact document ranges even when they span Dockerfile line continuations.

export interface MappedText {
  readonly chars: string;
  /** Document offset of each character of `chars`. */
  readonly offsets: ArrayLike<number>;
  /** Document offset just past the text, for empty spans at its end. */
  readonly endOffset: number;
}

export interface InstructionLine extends MappedText {
  /** Document offset of the line break that ended the instruction's line (or of the script end). */
  readonly lineBreak: number;
}

/** Document offsets [start, end) of the characters [from, to) of a mapped text. */
export function documentSpan(source: MappedText, from: number, to: number): [number, number] {
  const start = from < source.chars.length ? source.offsets[from] : source.endOffset;
  const end = to > from ? source.offsets[to - 1] + 1 : start;
  return [start, end];
}

/** A slice of the document mapped to itself (heredoc bodies: Docker hands them to the shell verbatim). */
export function documentSlice(text: string, start: number, end: number): MappedText {
  const offsets = new Int32Array(end - start);
  for (let i = 0; i < offsets.length; i++) offsets[i] = start + i;
  return { chars: text.slice(start, end), offsets, endOffset: end };
}

export function isLineBreak(ch: string): boolean {
  return ch === '\n' || ch === '\r';
}

/** Offset of the first line break at or after `from`, or `limit`. */
export function lineEndAt(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit && !isLineBreak(text[i])) i++;
  return i;
}

/** Offset of the next line's start, given the offset of a line break (\n, \r\n or a lone \r). */
export function afterLineBreak(text: string, lineBreak: number): number {
  if (text[lineBreak] === '\r' && text[lineBreak + 1] === '\n') return lineBreak + 2;
  return lineBreak < text.length ? lineBreak + 1 : lineBreak;
}

function isBlank(ch: string): boolean {
  return ch === ' ' || ch === '\t';
}

function firstNonBlank(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isBlank(text[i])) i++;
  return i;
}

/**
 * Joins an instruction's continuation lines as Docker does before the shell sees the text: the
 * escape character (optionally followed by blanks) at the end of a line joins the next line, and
 * blank lines and comment lines inside the continued instruction are dropped. Stops at the end of
 * the first line that is not continued: heredoc bodies, if any, follow it.
 */
export function joinContinuations(text: string, start: number, end: number, escape: string): InstructionLine {
  const pieces: string[] = [];
  const offsets = new Int32Array(Math.max(0, end - start));
  let length = 0;
  let lineStart = start;
  let first = true;
  while (lineStart < end) {
    const lineEnd = lineEndAt(text, lineStart, end);
    const contentStart = firstNonBlank(text, lineStart, lineEnd);
    const skippable = !first && (contentStart === lineEnd || text[contentStart] === '#');
    if (!skippable) {
      let trimmed = lineEnd;
      while (trimmed > lineStart && isBlank(text[trimmed - 1])) trimmed--;
      const continued = trimmed > lineStart && text[trimmed - 1] === escape;
      const keepEnd = continued ? trimmed - 1 : lineEnd;
      pieces.push(text.slice(lineStart, keepEnd));
      for (let i = lineStart; i < keepEnd; i++) offsets[length++] = i;
      if (!continued) return { chars: pieces.join(''), offsets, endOffset: keepEnd, lineBreak: lineEnd };
    }
    first = false;
    if (lineEnd >= end) break;
    lineStart = afterLineBreak(text, lineEnd);
  }
  const last = Math.max(start, Math.min(end, text.length));
  return { chars: pieces.join(''), offsets, endOffset: last, lineBreak: last };
}
