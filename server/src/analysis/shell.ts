// Parses RUN scripts (and shell-form CMD/ENTRYPOINT) into commands with exact document ranges, once,
// so that rules never re-split strings.
//
// Conventions of the result (see shell-types.ts for the shapes):
// - A redirection is ONE word covering the operator and its target: raw `> /dev/null`, value
//   `>/dev/null` (operator + the target's value); `2>&1`; `<<EOF` for a heredoc operator.
// - `$(…)`, `${…}` and backtick substitutions stay in a word's value as written; the commands
//   inside `$(…)`, `<(…)` and backticks are parsed too and come first (they run first), `nested`.
// - `heredocs` bodies are the exact document text (tabs of `<<-` kept). The body of `RUN <<EOF` is
//   the script (form 'heredoc'); the body given to a shell (`RUN bash -ex <<EOF`) is parsed into
//   nested commands after that shell's command; bodies given to other programs are not parsed.
// - A file with `# escape=\`` is taken to use PowerShell/cmd: backslash is an ordinary character
//   and the backtick escapes, both for Docker's line continuations and inside the script.
import type { Range } from './rule';
import type { ShellCommand, ShellWord, HeredocBody, RunScript } from './shell-types';
import { createContext, documentRange, type ParseContext } from './shell/context';
import { parseExecForm } from './shell/exec-form';
import { checkBodyEnd, findHeredocBody, readsScriptFromStdin, runsAsShellScript, type HeredocOperator } from './shell/heredoc';
import { afterLineBreak, documentSlice, documentSpan, joinContinuations, type InstructionLine } from './shell/mapped-text';
import { CommandParser } from './shell/parser';

export type * from './shell-types';

export interface ScriptSource {
  /** Full document text and its line start offsets (see lineStarts() in text-edits.ts). */
  text: string;
  lineStarts: number[];
  /** Document offsets [start, end) of the script part of the instruction: after the keyword and after flags such as --mount=… . */
  start: number;
  end: number;
  /** The parser directive escape character: '\\' by default, '`' with `# escape=\``. */
  escapeCharacter: string;
  /** Heredocs dockerfile-ast found on the instruction (name + content range), if any. */
  heredocs: Array<{ name: string; contentStart: number; contentEnd: number }>;
}

interface LocatedHeredoc {
  body: HeredocBody;
  contentStart: number;
  contentEnd: number;
}

/** Parses the script of one instruction. Never throws: what it cannot understand sets `incomplete`. */
export function parseScript(source: ScriptSource): RunScript {
  const start = clamp(source.start, 0, source.text.length);
  const end = clamp(source.end, start, source.text.length);
  const escape = source.escapeCharacter === '`' ? '`' : '\\';
  const context = createContext(source.text, source.lineStarts, escape);
  const range = documentRange(context, start, end);
  try {
    const line = joinContinuations(source.text, start, end, escape);
    return parseExec(line, context, range) ?? parseShell(source, line, context, range);
  } catch {
    // A parser bug must not take the linter down: report the script as not understood.
    return { form: 'shell', commands: [], execArgs: [], heredocs: [], range, incomplete: true };
  }
}

function clamp(value: number, low: number, high: number): number {
  return Number.isFinite(value) ? Math.max(low, Math.min(high, Math.trunc(value))) : low;
}

// Scripts are built with their fields written out in one order (no spreads), so that every RunScript
// and ShellCommand shares one shape and the rules' reads of them stay fast.

function parseExec(line: InstructionLine, context: ParseContext, range: Range): RunScript | null {
  const elements = parseExecForm(line.chars);
  if (!elements) return null;
  const execArgs = elements.map((element): ShellWord => {
    const [start, end] = documentSpan(line, element.start, element.end);
    const raw = context.text.slice(start, end);
    return { value: element.value, raw, range: documentRange(context, start, end), quoted: true, hasExpansion: false };
  });
  const commands: ShellCommand[] = [];
  if (execArgs.length > 0) {
    commands.push({
      assignments: [],
      program: execArgs[0],
      args: execArgs.slice(1),
      range: { start: execArgs[0].range.start, end: execArgs[execArgs.length - 1].range.end },
      separator: null,
      separatorRange: null,
      nested: false,
      redirections: [],
    });
  }
  return { form: 'exec', commands, execArgs, heredocs: [], range, incomplete: false };
}

function parseShell(source: ScriptSource, line: InstructionLine, context: ParseContext, range: Range): RunScript {
  const parser = new CommandParser(line, context, false);
  parser.parse();
  const operators = parser.lexer.heredocs;
  const heredocs = locateHeredocs(source, line, operators, context);
  const script = heredocs.length > 0 && isHeredocOnly(context.commands) ? heredocs[0] : null;
  if (script) {
    // `RUN <<EOF`: Docker runs the body itself; the `<<EOF` line is not a command.
    context.commands = runsAsShellScript(script.body.content) ? parseBody(source.text, script, context, false) : [];
  } else if (heredocs.length > 0) {
    context.commands = withShellStdinBodies(source.text, context, heredocs);
  }
  return {
    form: script ? 'heredoc' : 'shell',
    commands: context.commands,
    execArgs: [],
    heredocs: heredocs.map((heredoc) => heredoc.body),
    range,
    incomplete: context.incomplete,
  };
}

/** Parses a heredoc body as shell, returning its commands (the context's list is left as it was). */
function parseBody(text: string, heredoc: LocatedHeredoc, context: ParseContext, nested: boolean): ShellCommand[] {
  const outer = context.commands;
  context.commands = [];
  new CommandParser(documentSlice(text, heredoc.contentStart, heredoc.contentEnd), context, nested).parse();
  const body = context.commands;
  context.commands = outer;
  return body;
}

/**
 * `RUN bash -ex <<EOF`: the body is the script the shell reads from stdin, so its commands are
 * parsed too and follow that shell's command, nested. Bodies given to other programs stay text.
 */
function withShellStdinBodies(text: string, context: ParseContext, heredocs: LocatedHeredoc[]): ShellCommand[] {
  const operators = context.commands
    .flatMap((command) => command.redirections.filter(isHeredocOperator).map((redirection) => ({ command, at: redirection.range.start })))
    .sort((a, b) => a.at.line - b.at.line || a.at.character - b.at.character);
  const bodies = new Map<ShellCommand, LocatedHeredoc>();
  operators.forEach(({ command }, index) => {
    const heredoc = heredocs[index];
    const reads = command.program && readsScriptFromStdin(command.program.value, command.args.map((arg) => arg.value));
    if (heredoc && reads && !bodies.has(command)) bodies.set(command, heredoc);
  });
  return context.commands.flatMap((command) => {
    const body = bodies.get(command);
    return body ? [command, ...parseBody(text, body, context, true)] : [command];
  });
}

function isHeredocOperator(redirection: ShellWord): boolean {
  return /^\d*<<(?!<)/.test(redirection.value);
}

function isHeredocOnly(commands: ShellCommand[]): boolean {
  if (commands.length !== 1) return false;
  const [command] = commands;
  const [redirection] = command.redirections;
  return (
    !command.program &&
    command.assignments.length === 0 &&
    command.redirections.length === 1 &&
    isHeredocOperator(redirection)
  );
}

/**
 * Finds the body of each heredoc operator of the instruction line, in order: the ranges
 * dockerfile-ast reported when it has one of that name, else by scanning the lines that follow.
 */
function locateHeredocs(
  source: ScriptSource,
  line: InstructionLine,
  operators: readonly HeredocOperator[],
  context: ParseContext,
): LocatedHeredoc[] {
  const { text } = source;
  const unused = [...source.heredocs];
  let cursor = afterLineBreak(text, line.lineBreak);
  return operators.map((operator) => {
    const index = unused.findIndex((heredoc) => heredoc.name === operator.name);
    let contentStart: number;
    let contentEnd: number;
    if (index >= 0) {
      const [provided] = unused.splice(index, 1);
      contentStart = clamp(provided.contentStart, 0, text.length);
      contentEnd = clamp(provided.contentEnd, contentStart, text.length);
      const bodyEnd = checkBodyEnd(text, contentEnd, operator);
      if (!bodyEnd.terminated) context.incomplete = true;
      cursor = bodyEnd.next;
    } else {
      const location = findHeredocBody(text, cursor, text.length, operator);
      if (!location.terminated) context.incomplete = true;
      ({ contentStart, contentEnd } = location);
      cursor = location.next;
    }
    const content = text.slice(contentStart, contentEnd);
    const contentRange = contentEnd > contentStart ? documentRange(context, contentStart, contentEnd) : null;
    return { body: { name: operator.name, content, contentRange }, contentStart, contentEnd };
  });
}
