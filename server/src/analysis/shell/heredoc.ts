// Locating heredoc bodies: the lines after the operator's line, up to a line equal to the delimiter.
import { afterLineBreak, isLineBreak, lineEndAt } from './mapped-text';

/** A `<<NAME`, `<<-NAME` or `<<"NAME"` operator met by the lexer, waiting for its body. */
export interface HeredocOperator {
  name: string;
  /** `<<-`: leading tabs are stripped from body lines and from the delimiter line. */
  stripTabs: boolean;
}

export interface BodyLocation {
  contentStart: number;
  /** End of the body, before the line break that precedes the delimiter line. */
  contentEnd: number;
  /** Where the text after the delimiter line starts. */
  next: number;
  terminated: boolean;
}

function isDelimiterLine(text: string, lineStart: number, lineEnd: number, operator: HeredocOperator): boolean {
  let i = lineStart;
  if (operator.stripTabs) while (i < lineEnd && text[i] === '\t') i++;
  return lineEnd - i === operator.name.length && text.startsWith(operator.name, i);
}

/** Scans [from, limit) of `text` for the body of `operator`; unterminated bodies run to `limit`. */
export function findHeredocBody(text: string, from: number, limit: number, operator: HeredocOperator): BodyLocation {
  let lineStart = from;
  while (lineStart < limit) {
    const lineEnd = lineEndAt(text, lineStart, limit);
    if (isDelimiterLine(text, lineStart, lineEnd, operator)) {
      const contentEnd = lineStart === from ? from : lineBreakBefore(text, lineStart);
      return { contentStart: from, contentEnd, next: Math.min(afterLineBreak(text, lineEnd), limit), terminated: true };
    }
    if (lineEnd >= limit) break;
    lineStart = afterLineBreak(text, lineEnd);
  }
  return { contentStart: from, contentEnd: limit, next: limit, terminated: false };
}

function lineBreakBefore(text: string, lineStart: number): number {
  let i = lineStart - 1;
  if (text[i] === '\n' && text[i - 1] === '\r') i--;
  return i;
}

/** Whether a body ending at `contentEnd` (as reported by dockerfile-ast) is closed by its delimiter line, and what follows. */
export function checkBodyEnd(text: string, contentEnd: number, operator: HeredocOperator): { terminated: boolean; next: number } {
  const lineStart = isLineBreak(text[contentEnd] ?? '') ? afterLineBreak(text, contentEnd) : contentEnd;
  const lineEnd = lineEndAt(text, lineStart, text.length);
  if (!isDelimiterLine(text, lineStart, lineEnd, operator)) return { terminated: false, next: text.length };
  return { terminated: true, next: afterLineBreak(text, lineEnd) };
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh']);

/**
 * Whether Docker hands a heredoc script to a POSIX shell: bodies without a shebang run with the
 * default shell; `#!/usr/bin/env python3` and the like run another interpreter.
 */
export function runsAsShellScript(body: string): boolean {
  if (!body.startsWith('#!')) return true;
  const words = body.slice(2, lineEndAt(body, 2, body.length)).trim().split(/[ \t]+/);
  const interpreter = basename(words[0] ?? '') === 'env' ? words.find((w, i) => i > 0 && !w.startsWith('-')) : words[0];
  return SHELLS.has(basename(interpreter ?? ''));
}

/**
 * Whether a program reads its script from stdin, so that a heredoc given to it is a shell script:
 * `bash`, `sh -ex`, `bash -o pipefail -s`; not `bash -c '…'` nor `sh script.sh`.
 */
export function readsScriptFromStdin(program: string, args: readonly string[]): boolean {
  if (!SHELLS.has(basename(program))) return false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-o' || arg === '+o') i++;
    else if (/^--[a-z-]+$/i.test(arg)) continue;
    else if (!/^[-+][a-z]*$/i.test(arg) || (arg.startsWith('-') && arg.includes('c'))) return false;
  }
  return true;
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
