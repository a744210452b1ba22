// Exec (JSON) form of CMD, ENTRYPOINT and RUN: what Docker accepts as JSON, what only looks like it
// (and silently runs as a shell command), and how to write a simple shell command as exec form.
import type { InstructionInfo } from '../../model-types';
import type { ShellCommand } from '../../shell-types';

/** One string of a JSON-looking array, as written. */
export interface LenientElement {
  /** The value the author meant: quotes removed, JSON escapes resolved, invalid escapes kept literally. */
  value: string;
  quote: '"' | "'";
  /** True when the string is not valid JSON (single quotes, or a backslash JSON does not accept). */
  invalidJson: boolean;
}

export type ExecFormProblem = 'single-quotes' | 'invalid-escape' | 'missing-comma' | 'trailing-comma' | 'extra-bracket' | 'trailing-text';

/** An argument text that was meant as exec form but is not valid JSON. */
export interface BrokenExecForm {
  elements: LenientElement[];
  problems: ExecFormProblem[];
  /** Length of the array text, `[` to `]` included. */
  arrayLength: number;
  /** What follows the array (trimmed). */
  rest: string;
}

const SIMPLE_JSON_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * Reads `text` as a JSON array that tolerates single quotes, bad escapes, missing or trailing commas and text
 * after `]`. Returns null when the text is not array-like at all or when it could be a shell test
 * (`[ "$a" = b ]`): exec form is assumed only for `["…` with no space, or for two or more comma-separated strings.
 */
export function brokenExecForm(text: string): BrokenExecForm | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith('[') || isValidExecForm(trimmed)) return null;
  const elements: LenientElement[] = [];
  const problems = new Set<ExecFormProblem>();
  let commas = 0;
  let index = skipSpace(trimmed, 1);
  let expectValue = true;
  for (;;) {
    const char = trimmed[index];
    if (char === undefined) return null;
    if (char === ']') {
      if (!expectValue || elements.length === 0) break;
      problems.add('trailing-comma');
      break;
    }
    if (char === ',' && !expectValue) {
      commas++;
      expectValue = true;
      index = skipSpace(trimmed, index + 1);
      continue;
    }
    if (char !== '"' && char !== "'") return null;
    if (!expectValue) problems.add('missing-comma');
    const element = readString(trimmed, index);
    if (!element) return null;
    elements.push(element.element);
    if (element.element.quote === "'") problems.add('single-quotes');
    else if (element.element.invalidJson) problems.add('invalid-escape');
    expectValue = false;
    index = skipSpace(trimmed, element.end);
  }
  const spaceAfterBracket = /\s/.test(trimmed[1] ?? '');
  if (elements.length === 0 || (spaceAfterBracket && (elements.length < 2 || commas === 0))) return null;
  const rest = trimmed.slice(index + 1).trim();
  if (/^\]+$/.test(rest)) problems.add('extra-bracket');
  else if (rest !== '') problems.add('trailing-text');
  return { elements, problems: [...problems], arrayLength: index + 1, rest };
}

/** Docker's own test: the whole text (continuations joined) is a JSON array of strings. */
export function isValidExecForm(text: string): boolean {
  try {
    const parsed: unknown = JSON.parse(text.trim());
    return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string');
  } catch {
    return false;
  }
}

function skipSpace(text: string, index: number): number {
  while (index < text.length && /\s/.test(text[index])) index++;
  return index;
}

function readString(text: string, start: number): { element: LenientElement; end: number } | null {
  const quote = text[start] as '"' | "'";
  let value = '';
  let invalidJson = quote === "'";
  for (let index = start + 1; index < text.length; index++) {
    const char = text[index];
    if (char === quote) {
      // A string with a backslash JSON rejects was not written with JSON escapes in mind (`C:\app\run.exe`):
      // every backslash in it is meant literally.
      const literal = invalidJson && quote === '"' ? text.slice(start + 1, index) : value;
      return { element: { value: literal, quote, invalidJson }, end: index + 1 };
    }
    if (char !== '\\' || quote === "'") {
      value += char;
      continue;
    }
    const next = text[index + 1];
    if (next !== undefined && next in SIMPLE_JSON_ESCAPES) {
      value += SIMPLE_JSON_ESCAPES[next];
      index++;
    } else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(index + 2, index + 6))) {
      value += String.fromCharCode(parseInt(text.slice(index + 2, index + 6), 16));
      index += 5;
    } else {
      // `C:\app` — JSON rejects `\a`; the author meant the backslash itself.
      value += char;
      invalidJson = true;
    }
  }
  return null;
}

/** `["a", "b"]` with JSON escaping. */
export function execFormText(values: readonly string[]): string {
  return `[${values.map((value) => JSON.stringify(value)).join(', ')}]`;
}

/** Shell builtins and keywords that are no program exec form could start. */
const SHELL_ONLY = new Set([
  '.', ':', 'alias', 'bg', 'break', 'cd', 'continue', 'eval', 'exit', 'export', 'fg', 'jobs', 'local', 'read',
  'readonly', 'return', 'set', 'shift', 'source', 'trap', 'ulimit', 'umask', 'unalias', 'unset', 'wait',
  'if', 'then', 'else', 'elif', 'fi', 'for', 'while', 'until', 'do', 'done', 'case', 'esac', '!', '{', '}',
  'time', 'function', 'select', 'coproc', '[[', ']]',
]);

/**
 * The exec-form words of a shell-form script that is one plain command: no operators, redirections,
 * assignments, expansions, globs or `~`. A leading `exec` is dropped (exec form already replaces the shell).
 * null when the shell does something exec form would not.
 */
export function execFormWords(instruction: InstructionInfo): string[] | null {
  const script = instruction.script;
  if (!script || script.form !== 'shell' || script.incomplete || script.heredocs.length > 0) return null;
  if (script.commands.length !== 1) return null;
  const command: ShellCommand = script.commands[0];
  if (command.nested || command.assignments.length > 0 || command.redirections.length > 0 || !command.program) return null;
  let words = [command.program, ...command.args];
  if (words[0].value === 'exec' && !words[0].quoted) words = words.slice(1);
  if (words.length === 0 || SHELL_ONLY.has(words[0].value)) return null;
  for (const word of words) {
    if (word.hasExpansion || word.value.includes('$') || word.value.includes('`')) return null;
    if (!word.quoted && /[*?[\]~{}]/.test(word.raw)) return null;
    if (/[;&|<>()#]/.test(word.raw) && !word.quoted) return null;
  }
  return words.map((word) => word.value);
}
