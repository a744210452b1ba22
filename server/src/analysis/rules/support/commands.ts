// Finding program invocations (`apt-get install`, `apk add`, `rm -rf`) in a parsed RUN script.
// Rules never re-split strings: they read the words the shell parser produced.
import type { RunScript, ShellCommand, ShellWord } from '../../shell-types';
import { remembered } from '../../remembered';

/** A command with wrappers such as `sudo` or `env VAR=x` looked through. */
export interface Invocation {
  command: ShellCommand;
  /** The word naming the real program (after wrappers). */
  program: ShellWord;
  /** The program's base name: `/usr/bin/apt-get` → `apt-get`. */
  name: string;
  /** The words after the real program. */
  args: ShellWord[];
}

/** An invocation of a tool with a subcommand (`apt-get install`, `apk add`, `pip install`). */
export interface SubcommandCall extends Invocation {
  /** The first operand, or null when the tool was called without one. */
  subcommand: ShellWord | null;
  /** Index of the subcommand in `args` (args.length when there is none). */
  subcommandIndex: number;
}

/** How to read a tool's command line: its program names and the options that take a separate value. */
export interface ToolSpec {
  programs: readonly string[];
  /** Options written as `-o value` (not `-o=value`), whose value must not be taken for the subcommand. */
  optionsWithValue?: ReadonlySet<string>;
}

// Wrappers that run the next word as the program, with their options that take a value. A Map:
// the key is a word from the Dockerfile, which may be `toString` or `__proto__`.
const WRAPPERS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['sudo', new Set(['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U'])],
  ['env', new Set(['-u', '-C', '-S'])],
  ['exec', new Set(['-a'])],
  ['command', new Set<string>()],
  ['nohup', new Set<string>()],
]);

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

export function baseName(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? path : path.slice(slash + 1);
}

/** Every rule asks about the same commands: each is looked through once per analysis. */
const invocations = new WeakMap<ShellCommand, Invocation | null>();

/** The real program of a command; shared between rules, so frozen. */
export function invocationOf(command: ShellCommand): Invocation | null {
  return remembered(invocations, command, readFrozenInvocation);
}

function readFrozenInvocation(command: ShellCommand): Invocation | null {
  const invocation = readInvocation(command);
  return invocation && Object.freeze(invocation);
}

function readInvocation(command: ShellCommand): Invocation | null {
  if (!command.program) return null;
  let program = command.program;
  let args = command.args;
  for (let guard = 0; guard < 4; guard++) {
    const withValue = WRAPPERS.get(baseName(program.value));
    if (!withValue) break;
    let index = 0;
    while (index < args.length) {
      const word = args[index].value;
      if (withValue.has(word)) index += 2;
      else if (word.startsWith('-') || ASSIGNMENT.test(word)) index += 1;
      else break;
    }
    if (index >= args.length) break;
    program = args[index];
    args = args.slice(index + 1);
  }
  return { command, program, name: baseName(program.value), args };
}

/** Index of the first operand of `args`, skipping options and the values of options that take one. */
export function firstOperandIndex(args: readonly ShellWord[], optionsWithValue?: ReadonlySet<string>): number {
  let index = 0;
  while (index < args.length) {
    const word = args[index].value;
    if (word === '--') return index + 1;
    if (!word.startsWith('-') || word === '-') return index;
    index += optionsWithValue?.has(word) ? 2 : 1;
  }
  return args.length;
}

/** The answer for a script that calls none of the programs; the lists handed out are read-only. */
export const NO_CALLS: readonly never[] = Object.freeze([]);

/** The script's invocations by program name, each list in execution order. */
type InvocationIndex = ReadonlyMap<string, readonly Invocation[]>;

/**
 * Dozens of rules ask each RUN for the calls of one tool; most RUNs call none of them. Indexing a
 * script's invocations by name once lets each of those questions be a map lookup.
 */
const invocationIndexes = new WeakMap<RunScript, InvocationIndex>();

function invocationIndex(script: RunScript): InvocationIndex {
  return remembered(invocationIndexes, script, readInvocationIndex);
}

function readInvocationIndex(script: RunScript): InvocationIndex {
  const byName = new Map<string, Invocation[]>();
  for (const command of script.commands) {
    const invocation = invocationOf(command);
    if (!invocation) continue;
    const named = byName.get(invocation.name);
    if (named) named.push(invocation);
    else byName.set(invocation.name, [invocation]);
  }
  return byName;
}

/** The invocations of any of the programs in the script, nested ones included, in execution order. */
export function invocationsNamed(script: RunScript, programs: readonly string[]): readonly Invocation[] {
  const index = invocationIndex(script);
  if (index.size === 0) return NO_CALLS;
  let found: readonly Invocation[] = NO_CALLS;
  let programsFound = 0;
  for (const program of programs) {
    const named = index.get(program);
    if (named === undefined) continue;
    found = programsFound === 0 ? named : [...found, ...named];
    programsFound++;
  }
  if (programsFound <= 1) return found;
  // Calls of several of the programs: back to the script's own order.
  const wanted = new Set(found);
  return script.commands
    .map((command) => invocationOf(command))
    .filter((invocation): invocation is Invocation => invocation !== null && wanted.has(invocation));
}

/** True when the script calls any of the programs (wrappers such as sudo looked through). */
export function callsAny(script: RunScript, programs: readonly string[]): boolean {
  const index = invocationIndex(script);
  return index.size > 0 && programs.some((program) => index.has(program));
}

/** The names of the programs the script calls (wrappers such as sudo looked through), for tests a name lookup cannot do. */
export function calledPrograms(script: RunScript): Iterable<string> {
  return invocationIndex(script).keys();
}

/** Every invocation of the tool in the script, nested ones included, in document order. */
export function findCalls(script: RunScript, tool: ToolSpec, subcommands?: readonly string[]): readonly SubcommandCall[] {
  const invocations = invocationsNamed(script, tool.programs);
  // Most RUNs call none of the tool's programs: answered without allocating.
  if (invocations.length === 0) return NO_CALLS;
  const calls: SubcommandCall[] = [];
  for (const invocation of invocations) {
    const subcommandIndex = firstOperandIndex(invocation.args, tool.optionsWithValue);
    const subcommand = invocation.args[subcommandIndex] ?? null;
    if (subcommands && (!subcommand || !subcommands.includes(subcommand.value))) continue;
    const { command, program, name, args } = invocation;
    calls.push({ command, program, name, args, subcommand, subcommandIndex });
  }
  return calls.length > 1 ? calls.sort((a, b) => compareRangeStarts(a.command.range, b.command.range)) : calls;
}

/** True when any argument is one of the flags, as `--flag` or `--flag=value`. */
export function hasFlag(invocation: Invocation, ...flags: string[]): boolean {
  return invocation.args.some((word) => flags.some((flag) => word.value === flag || word.value.startsWith(`${flag}=`)));
}

/** The operands of a command: its words that are not options (everything after `--`). */
export function operands(invocation: Invocation, optionsWithValue?: ReadonlySet<string>): ShellWord[] {
  const result: ShellWord[] = [];
  let optionsEnded = false;
  for (let index = 0; index < invocation.args.length; index++) {
    const word = invocation.args[index];
    if (!optionsEnded && word.value === '--') optionsEnded = true;
    else if (!optionsEnded && word.value.startsWith('-') && word.value !== '-') {
      if (optionsWithValue?.has(word.value)) index++;
    } else result.push(word);
  }
  return result;
}

export function compareRangeStarts(a: { start: { line: number; character: number } }, b: typeof a): number {
  return a.start.line - b.start.line || a.start.character - b.start.character;
}
