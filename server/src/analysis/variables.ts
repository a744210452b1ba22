// Build-argument substitution as Docker does it in FROM and in ARG defaults: `$NAME`, `${NAME}`,
// `${NAME:-word}`, `${NAME-word}`, `${NAME:+word}`, `${NAME+word}`. What depends on a value only the
// build knows (an ARG without a default, a platform ARG, an unsupported modifier) is left as written
// and reported as unresolved.

/** A variable's value: a string, or null when it is declared without a default. */
export type VariableValues = ReadonlyMap<string, string | null>;

export interface Expansion {
  value: string;
  /** True when some part could not be known before the build. */
  unresolved: boolean;
}

const NAME_START = /[A-Za-z_]/;
const NAME_PART = /[A-Za-z0-9_]/;

export function expandVariables(text: string, values: VariableValues, escapeCharacter = '\\'): Expansion {
  let value = '';
  let unresolved = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === escapeCharacter && text[i + 1] === '$') {
      value += '$';
      i += 2;
      continue;
    }
    if (ch !== '$') {
      value += ch;
      i++;
      continue;
    }
    const reference = readReference(text, i);
    if (reference === null) {
      value += ch;
      i++;
      continue;
    }
    const expanded = expandReference(reference, values, escapeCharacter);
    value += expanded.value;
    unresolved ||= expanded.unresolved;
    i = reference.end;
  }
  return { value, unresolved };
}

interface Reference {
  name: string;
  /** `:-`, `-`, `:+`, `+`, another modifier (unsupported), or null for none. */
  modifier: string | null;
  word: string;
  /** The text as written, kept when the reference cannot be resolved. */
  source: string;
  end: number;
}

function readReference(text: string, dollar: number): Reference | null {
  const next = text[dollar + 1];
  if (next === undefined) return null;
  if (next !== '{') {
    if (!NAME_START.test(next)) return null;
    let end = dollar + 2;
    while (end < text.length && NAME_PART.test(text[end])) end++;
    return { name: text.slice(dollar + 1, end), modifier: null, word: '', source: text.slice(dollar, end), end };
  }
  const close = findClosingBrace(text, dollar + 2);
  if (close < 0) return null;
  const body = text.slice(dollar + 2, close);
  const match = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+]|.+?)([\s\S]*))?$/.exec(body);
  if (!match) return { name: '', modifier: body, word: '', source: text.slice(dollar, close + 1), end: close + 1 };
  const modifier = match[2] ?? null;
  return { name: match[1], modifier, word: match[3] ?? '', source: text.slice(dollar, close + 1), end: close + 1 };
}

/** Nested `${…}` inside a default word (`${A:-${B}}`) is allowed, so braces are counted. */
function findClosingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function expandReference(reference: Reference, values: VariableValues, escapeCharacter: string): Expansion {
  const known = values.has(reference.name) ? values.get(reference.name) ?? null : null;
  const unknown: Expansion = { value: reference.source, unresolved: true };
  switch (reference.modifier) {
    case null:
      return known === null ? unknown : { value: known, unresolved: false };
    case ':-':
      return known === null || known === '' ? expandVariables(reference.word, values, escapeCharacter) : { value: known, unresolved: false };
    case '-':
      return known === null ? expandVariables(reference.word, values, escapeCharacter) : { value: known, unresolved: false };
    case ':+':
      if (known === null) return unknown;
      return known === '' ? { value: '', unresolved: false } : expandVariables(reference.word, values, escapeCharacter);
    case '+':
      return known === null ? unknown : expandVariables(reference.word, values, escapeCharacter);
    default:
      return unknown;
  }
}

export interface ArgDeclaration {
  name: string;
  /** The default as written, quotes removed; null when there is none. */
  defaultValue: string | null;
}

/**
 * The declarations of one ARG instruction (`ARG A=1 B="x y" C`), from its argument text. Line
 * continuations are joined and quotes removed, as Docker does before using the values.
 */
export function parseArgDeclarations(argumentText: string, escapeCharacter = '\\'): ArgDeclaration[] {
  const declarations: ArgDeclaration[] = [];
  for (const token of splitWords(argumentText, escapeCharacter)) {
    const equals = token.text.indexOf('=');
    const name = equals >= 0 ? token.text.slice(0, equals) : token.text;
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) continue;
    declarations.push({ name, defaultValue: equals >= 0 ? token.unquoted.slice(token.unquoted.indexOf('=') + 1) : null });
  }
  return declarations;
}

interface Word {
  /** As written. */
  text: string;
  /** Quotes removed, escapes resolved. */
  unquoted: string;
}

function splitWords(text: string, escapeCharacter: string): Word[] {
  const words: Word[] = [];
  let raw = '';
  let unquoted = '';
  let quote: string | null = null;
  const flush = (): void => {
    if (raw !== '') words.push({ text: raw, unquoted });
    raw = '';
    unquoted = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === escapeCharacter && quote !== "'") {
      const continuation = /^[ \t]*(\r\n|\r|\n)/.exec(text.slice(i + 1, i + 1 + 64));
      if (continuation) {
        i += continuation[0].length;
        continue;
      }
      if (i + 1 < text.length) {
        raw += ch + text[i + 1];
        unquoted += text[i + 1];
        i++;
        continue;
      }
    }
    if (quote !== null) {
      if (ch === quote) quote = null;
      else unquoted += ch;
      raw += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      raw += ch;
    } else if (/\s/.test(ch)) {
      flush();
    } else {
      raw += ch;
      unquoted += ch;
    }
  }
  flush();
  return words;
}
