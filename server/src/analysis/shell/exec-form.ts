// The exec form `["program", "arg"]`: a JSON array of strings, exactly as Docker decides it.

export interface ExecElement {
  /** Indices [start, end) of the quoted literal in the joined instruction text. */
  start: number;
  end: number;
  value: string;
}

function isJsonSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

/**
 * The elements of a JSON array of strings, or null when `text` is anything else: Docker then runs
 * the text with the shell, so a malformed `["a", b]` is shell form.
 */
export function parseExecForm(text: string): ExecElement[] | null {
  let index = skipSpaces(text, 0);
  if (text[index] !== '[') return null;
  index = skipSpaces(text, index + 1);
  const elements: ExecElement[] = [];
  if (text[index] === ']') return skipSpaces(text, index + 1) === text.length ? elements : null;
  for (;;) {
    const element = readString(text, index);
    if (!element) return null;
    elements.push(element);
    index = skipSpaces(text, element.end);
    if (text[index] === ',') index = skipSpaces(text, index + 1);
    else if (text[index] === ']') return skipSpaces(text, index + 1) === text.length ? elements : null;
    else return null;
  }
}

function skipSpaces(text: string, from: number): number {
  let index = from;
  while (index < text.length && isJsonSpace(text[index])) index++;
  return index;
}

function readString(text: string, start: number): ExecElement | null {
  if (text[start] !== '"') return null;
  let index = start + 1;
  while (index < text.length && text[index] !== '"') {
    if (text.charCodeAt(index) < 0x20) return null; // JSON forbids raw control characters
    index += text[index] === '\\' ? 2 : 1;
  }
  if (index >= text.length) return null;
  try {
    // The literal is delimited above, so JSON.parse only decodes its escapes (and rejects bad ones).
    const value: unknown = JSON.parse(text.slice(start, index + 1));
    return typeof value === 'string' ? { start, end: index + 1, value } : null;
  } catch {
    return null;
  }
}
