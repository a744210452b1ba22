// The calls of one RUN script, read once for the whole layer estimate. A RUN is asked about a dozen
// tools (apt, apk, rm, npm, pip, go…) and calls one or two of them: the names it calls, listed once,
// answer every question about an absent tool without searching the script (or looking its index up
// again), and each present tool's calls are searched once however many subcommands are asked about.
import type { RunScript } from '../shell-types';
import { findCalls, invocationOf, NO_CALLS, type SubcommandCall, type ToolSpec } from '../rules/support/commands';
import { findInstallCalls, type InstallCall, type InstallSyntax } from '../rules/support/pinning-command-line';

export class RunCalls {
  /**
   * The programs the estimator prices by, one per call in script order (a program called twice is
   * listed twice): names the shell expands left out, `pip3` → pip, `python3.12` → python. A RUN makes
   * a handful of calls: a list is cheaper than a set, and a question asked of it a few times stays
   * linear in the script however long it is.
   */
  readonly programs: readonly string[];
  /** The program name of every call, as findCalls names them (wrappers looked through), in script order. */
  private readonly names: readonly string[];
  /** The calls of each tool the script calls, made the first time the tool is asked about. */
  private byTool: Map<ToolSpec, readonly SubcommandCall[]> | null = null;

  constructor(readonly script: RunScript) {
    const names: string[] = [];
    const programs: string[] = [];
    for (const command of script.commands) {
      const invocation = invocationOf(command);
      if (!invocation) continue;
      names.push(invocation.name);
      if (!invocation.program.hasExpansion) programs.push(pricedName(invocation.name));
    }
    this.names = names;
    this.programs = programs;
  }

  /** True when `programs` holds any of these names. */
  callsPriced(names: readonly string[]): boolean {
    for (const name of names) if (this.programs.includes(name)) return true;
    return false;
  }

  /** True when the script calls any of these programs (the names findCalls looks for). */
  callsAny(programs: readonly string[]): boolean {
    for (const program of programs) if (this.names.includes(program)) return true;
    return false;
  }

  /**
   * What findCalls(script, tool, subcommands) finds, the tool's calls read once per script. Callers must
   * not change the list: without subcommands it is the shared one.
   */
  of(tool: ToolSpec, subcommands?: readonly string[]): readonly SubcommandCall[] {
    const calls = this.callsOf(tool);
    if (subcommands === undefined || calls.length === 0) return calls;
    // Filtering keeps the document order the whole list is in.
    return calls.filter((call) => isOneOf(call, subcommands));
  }

  /** True when `of(tool, subcommands)` finds a call (without listing them). */
  has(tool: ToolSpec, subcommands: readonly string[]): boolean {
    for (const call of this.callsOf(tool)) if (isOneOf(call, subcommands)) return true;
    return false;
  }

  /** findInstallCalls(script, syntax), skipped when no called program can be the tool. */
  installs(syntax: InstallSyntax): InstallCall[] {
    for (const name of this.names) {
      // `python -m pip` is found under python's name: any python* may be the tool then.
      if (syntax.programs.test(name) || (syntax.pythonModule !== undefined && name.startsWith('python'))) return findInstallCalls(this.script, syntax);
    }
    return [];
  }

  private callsOf(tool: ToolSpec): readonly SubcommandCall[] {
    // Cheap test first: most tools asked about are not called, and need no entry in the map.
    if (!this.callsAny(tool.programs)) return NO_CALLS;
    this.byTool ??= new Map();
    let calls = this.byTool.get(tool);
    if (calls === undefined) {
      calls = findCalls(this.script, tool);
      this.byTool.set(tool, calls);
    }
    return calls;
  }
}

function isOneOf(call: SubcommandCall, subcommands: readonly string[]): boolean {
  return call.subcommand !== null && subcommands.includes(call.subcommand.value);
}

function pricedName(name: string): string {
  if (name.startsWith('pip')) return name.replace(/^pip\d.*$/, 'pip');
  return name.startsWith('python') ? name.replace(/^python\d.*$/, 'python') : name;
}
