// The calls of one RUN script, read once for the whole layer estimate. A RUN is asked about a dozen
// tools (apt, apk, rm, npm, pip, go…) and calls one or two of them: knowing which programs it calls
// lets every question about an absent tool be answered without searching the script, and each tool's
// calls are searched once however many subcommands are asked about.
import type { RunScript } from '../shell-types';
import { compareRangeStarts, firstOperandIndex, invocationOf, type Invocation, type SubcommandCall, type ToolSpec } from '../rules/support/commands';
import { findInstallCalls, type InstallCall, type InstallSyntax } from '../rules/support/pinning-command-line';

const NO_CALLS: readonly SubcommandCall[] = Object.freeze([]);

export class RunCalls {
  /** The programs the estimator prices by: names the shell expands left out, `pip3` → pip, `python3.12` → python. */
  readonly programs = new Set<string>();
  /** Every invocation (wrappers looked through) by program name, as findCalls names them, in script order. */
  private readonly byName = new Map<string, Invocation[]>();
  private readonly byTool = new Map<ToolSpec, readonly SubcommandCall[]>();

  constructor(readonly script: RunScript) {
    for (const command of script.commands) {
      const invocation = invocationOf(command);
      if (!invocation) continue;
      const name = invocation.name;
      const named = this.byName.get(name);
      if (named) named.push(invocation);
      else this.byName.set(name, [invocation]);
      if (invocation.program.hasExpansion) continue;
      this.programs.add(name.startsWith('pip') ? name.replace(/^pip\d.*$/, 'pip') : name.startsWith('python') ? name.replace(/^python\d.*$/, 'python') : name);
    }
  }

  /** True when the script calls any of these programs (the names findCalls looks for). */
  callsAny(programs: readonly string[]): boolean {
    for (const program of programs) if (this.byName.has(program)) return true;
    return false;
  }

  /**
   * What findCalls(script, tool, subcommands) finds, the tool's calls read once per script. Callers must
   * not change the list: without subcommands it is the shared one.
   */
  of(tool: ToolSpec, subcommands?: readonly string[]): readonly SubcommandCall[] {
    let calls = this.byTool.get(tool);
    if (calls === undefined) {
      calls = this.readCalls(tool);
      this.byTool.set(tool, calls);
    }
    if (subcommands === undefined || calls.length === 0) return calls;
    // Filtering keeps the document order the whole list is in.
    return calls.filter((call) => call.subcommand !== null && subcommands.includes(call.subcommand.value));
  }

  /** findInstallCalls(script, syntax), skipped when no called program can be the tool. */
  installs(syntax: InstallSyntax): InstallCall[] {
    for (const name of this.byName.keys()) {
      // `python -m pip` is found under python's name: any python* may be the tool then.
      if (syntax.programs.test(name) || (syntax.pythonModule !== undefined && name.startsWith('python'))) return findInstallCalls(this.script, syntax);
    }
    return [];
  }

  private readCalls(tool: ToolSpec): readonly SubcommandCall[] {
    const present = tool.programs.filter((program) => this.byName.has(program));
    if (present.length === 0) return NO_CALLS;
    const invocations = present.length === 1 ? (this.byName.get(present[0]) as Invocation[]) : this.inScriptOrder(present);
    const calls = invocations.map((invocation): SubcommandCall => {
      const subcommandIndex = firstOperandIndex(invocation.args, tool.optionsWithValue);
      return { ...invocation, subcommand: invocation.args[subcommandIndex] ?? null, subcommandIndex };
    });
    // Nested commands (`$(…)`, subshells) are listed where they run; findCalls answers in document order.
    return calls.length > 1 ? calls.sort((a, b) => compareRangeStarts(a.command.range, b.command.range)) : calls;
  }

  private inScriptOrder(programs: readonly string[]): Invocation[] {
    const found: Invocation[] = [];
    for (const command of this.script.commands) {
      const invocation = invocationOf(command);
      if (invocation && programs.includes(invocation.name)) found.push(invocation);
    }
    return found;
  }
}
