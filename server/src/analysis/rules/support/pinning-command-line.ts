// Which words of a package-manager command line name packages. The version-pinning rules (LW403–LW411)
// judge only those words, so an option's value (`apt-get -t bookworm-backports`, `pip -i URL`,
// `apk --virtual .deps`) must never be taken for a package: each tool's option table says which
// options take a value, and the parser below reads the command line the way that tool does.
import type { RunScript, ShellWord } from '../../shell-types';
import { calledPrograms, callsAny, compareRangeStarts, invocationOf, type Invocation } from './commands';

/** How one tool reads its options. */
export interface OptionTable {
  /** Options written `-o value` or `--option value`. */
  withValue: ReadonlySet<string>;
  /**
   * When given, the tool's parser lets any option it does not know as a flag take the next word as its
   * value (npm's and Go's parsers do): only these options (and `--no-…`) are read as flags.
   */
  flags?: ReadonlySet<string>;
  /** getopt style: `-yq` is `-y -q` and `-tbookworm` is `-t bookworm`. False where `-race` is one option. */
  bundlesShortOptions: boolean;
}

export interface ParsedOption {
  /** As written before any `=`: `-t`, `--target-release`. */
  name: string;
  value: string | null;
  word: ShellWord;
}

export interface ParsedArguments {
  options: ParsedOption[];
  operands: ShellWord[];
}

/** How a package manager is called to install packages. */
export interface InstallSyntax {
  /** The program names (base names), e.g. /^(apt-get|apt)$/. */
  programs: RegExp;
  /** Also found as `python -m <module>` (pip). */
  pythonModule?: string;
  /** Subcommand paths that install: [['install'], ['i']] or [['module', 'install']]. */
  installSubcommands: ReadonlyArray<readonly string[]>;
  /** Options before the subcommand. */
  globalOptions: OptionTable;
  /** Options after the subcommand (tools usually accept the global ones there too: list them). */
  installOptions: OptionTable;
}

export interface InstallCall {
  invocation: Invocation;
  /** The subcommand words as written (`install`, or `module` `install`). */
  subcommand: ShellWord[];
  /** Every option on the command line, before and after the subcommand. */
  options: ParsedOption[];
  /** The operands after the subcommand: the package words. */
  packages: ShellWord[];
}

function takesValue(table: OptionTable, name: string): boolean {
  return table.withValue.has(name) || (table.flags !== undefined && !table.flags.has(name) && !name.startsWith('--no-'));
}

/**
 * Reads one option word (and possibly the next) at `index` into `options`; returns the number of words
 * consumed. It appends rather than returning a list: it runs for every option of every install call.
 */
function readOption(words: readonly ShellWord[], index: number, table: OptionTable, options: ParsedOption[]): number {
  const word = words[index];
  const text = word.value;
  const next = words[index + 1];
  const isLong = text.startsWith('--') || !table.bundlesShortOptions;
  if (isLong) {
    const equals = text.indexOf('=');
    if (equals !== -1) {
      options.push({ name: text.slice(0, equals), value: text.slice(equals + 1), word });
      return 1;
    }
    // A parser that guesses values for unknown options still leaves a following option alone.
    const nextIsValue = next !== undefined && (table.withValue.has(text) || !next.value.startsWith('-'));
    if (takesValue(table, text) && nextIsValue) {
      options.push({ name: text, value: next.value, word });
      return 2;
    }
    options.push({ name: text, value: null, word });
    return 1;
  }
  for (let at = 1; at < text.length; at++) {
    const name = `-${text[at]}`;
    if (!table.withValue.has(name)) {
      options.push({ name, value: null, word });
      continue;
    }
    const attached = text.slice(at + 1);
    if (attached !== '') {
      options.push({ name, value: attached, word });
      return 1;
    }
    options.push({ name, value: next === undefined ? null : next.value, word });
    return next === undefined ? 1 : 2;
  }
  return 1;
}

function isOptionWord(word: ShellWord): boolean {
  return word.value.startsWith('-') && word.value !== '-' && !word.hasExpansion;
}

/** Splits words into options (with their values) and operands; everything after `--` is an operand. */
export function parseArguments(words: readonly ShellWord[], table: OptionTable): ParsedArguments {
  const result: ParsedArguments = { options: [], operands: [] };
  let index = 0;
  while (index < words.length) {
    const word = words[index];
    if (word.value === '--') {
      result.operands.push(...words.slice(index + 1));
      break;
    }
    if (!isOptionWord(word)) {
      result.operands.push(word);
      index++;
      continue;
    }
    index += readOption(words, index, table, result.options);
  }
  return result;
}

/** Options up to the first operand, and that operand's index (words.length when there is none). */
function leadingOptions(words: readonly ShellWord[], start: number, table: OptionTable): { options: ParsedOption[]; operandIndex: number } {
  const options: ParsedOption[] = [];
  let index = start;
  while (index < words.length && isOptionWord(words[index]) && words[index].value !== '--') {
    index += readOption(words, index, table, options);
  }
  if (words[index]?.value === '--') index++;
  return { options, operandIndex: index };
}

/** The subcommand path the call starts with, its words, and where the words after it begin. */
function matchSubcommand(
  args: readonly ShellWord[],
  syntax: InstallSyntax,
): { words: ShellWord[]; options: ParsedOption[]; rest: number } | null {
  const global = leadingOptions(args, 0, syntax.globalOptions);
  for (const path of syntax.installSubcommands) {
    const words: ShellWord[] = [];
    const options = [...global.options];
    let index = global.operandIndex;
    for (const expected of path) {
      if (words.length > 0) {
        const between = leadingOptions(args, index, syntax.installOptions);
        options.push(...between.options);
        index = between.operandIndex;
      }
      if (args[index]?.value !== expected) break;
      words.push(args[index]);
      index++;
    }
    if (words.length === path.length) return { words, options, rest: index };
  }
  return null;
}

/** Python options that take no value and may come before `-m`. */
const PYTHON_FLAGS = /^-[bBdEhiIOPqsSuvx]+$/;
const PYTHON_PROGRAM = /^python(\d+(\.\d+)*)?$/;

/** `python3 -m pip install …` read as `pip install …`; null when the invocation is not that module. */
function pythonModuleInvocation(invocation: Invocation, module: string): Invocation | null {
  if (!PYTHON_PROGRAM.test(invocation.name)) return null;
  let index = 0;
  while (index < invocation.args.length && PYTHON_FLAGS.test(invocation.args[index].value)) index++;
  const flag = invocation.args[index];
  const name = invocation.args[index + 1];
  if (flag?.value === '-m' && name?.value === module) {
    return { ...invocation, program: name, name: module, args: invocation.args.slice(index + 2) };
  }
  if (flag?.value === `-m${module}`) return { ...invocation, program: flag, name: module, args: invocation.args.slice(index + 1) };
  return null;
}

function asToolInvocation(invocation: Invocation, syntax: InstallSyntax): Invocation | null {
  if (syntax.programs.test(invocation.name)) return invocation;
  return syntax.pythonModule ? pythonModuleInvocation(invocation, syntax.pythonModule) : null;
}

/** True when one of the programs the script calls may be the tool (directly or as `python -m <module>`). */
function mayCallTool(script: RunScript, syntax: InstallSyntax): boolean {
  // Most syntaxes name their programs outright: a lookup in the script's index, no pattern to test.
  const names = literalPrograms(syntax);
  if (names !== null && syntax.pythonModule === undefined) return callsAny(script, names);
  for (const name of calledPrograms(script)) {
    if (syntax.programs.test(name) || (syntax.pythonModule !== undefined && PYTHON_PROGRAM.test(name))) return true;
  }
  return false;
}

/** `^(apt-get|apt|aptitude)$` or `^apk$`: a pattern that is only a list of names. */
const NAME_LIST_PATTERN = /^\^(?:\(([\w-]+(?:\|[\w-]+)*)\)|([\w-]+))\$$/;

/** The names a syntax's program pattern spells out, by syntax (a syntax is a constant: read once). */
const literalProgramsBySyntax = new WeakMap<InstallSyntax, readonly string[] | null>();

/** The program names the syntax's pattern matches when it is a plain list of names; null for a real pattern (`pip3.12`). */
function literalPrograms(syntax: InstallSyntax): readonly string[] | null {
  let names = literalProgramsBySyntax.get(syntax);
  if (names === undefined) {
    const list = syntax.programs.flags === '' ? NAME_LIST_PATTERN.exec(syntax.programs.source) : null;
    names = list === null ? null : (list[1] ?? list[2]).split('|');
    literalProgramsBySyntax.set(syntax, names);
  }
  return names;
}

/**
 * A script's install calls by syntax: the pinning rules, the cache rules and the size estimate ask a RUN
 * about the same package managers, and reading a command line's options is the costly part.
 */
const installCallsByScript = new WeakMap<RunScript, Map<InstallSyntax, readonly InstallCall[]>>();

/** Every install call of the tool in the script (nested commands included), in document order. */
export function findInstallCalls(script: RunScript, syntax: InstallSyntax): InstallCall[] {
  // Cheap test first: most RUNs call none of the package managers asked about.
  if (!mayCallTool(script, syntax)) return [];
  let bySyntax = installCallsByScript.get(script);
  if (bySyntax === undefined) {
    bySyntax = new Map();
    installCallsByScript.set(script, bySyntax);
  }
  let calls = bySyntax.get(syntax);
  if (calls === undefined) {
    calls = readInstallCalls(script, syntax);
    bySyntax.set(syntax, calls);
  }
  // The calls are shared between rules; the list is each caller's own.
  return calls.slice();
}

function readInstallCalls(script: RunScript, syntax: InstallSyntax): InstallCall[] {
  const calls: InstallCall[] = [];
  for (const command of script.commands) {
    const found = invocationOf(command);
    const invocation = found && asToolInvocation(found, syntax);
    if (!invocation) continue;
    const subcommand = matchSubcommand(invocation.args, syntax);
    if (!subcommand) continue;
    const after = parseArguments(invocation.args.slice(subcommand.rest), syntax.installOptions);
    calls.push({
      invocation,
      subcommand: subcommand.words,
      options: [...subcommand.options, ...after.options],
      packages: after.operands,
    });
  }
  return calls.sort((a, b) => compareRangeStarts(a.invocation.command.range, b.invocation.command.range));
}

/** The value of the last of these options on the call, '' for a flag without one; null when absent. */
export function optionValue(call: InstallCall, ...names: string[]): string | null {
  const found = call.options.filter((option) => names.includes(option.name));
  if (found.length === 0) return null;
  return found[found.length - 1].value ?? '';
}
