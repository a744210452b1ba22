// Package-manager calls that would stop at a "Continue? [y/N]" prompt: a build has no terminal, so the
// prompt reads end-of-file and the install aborts. Shared by the apt-get, yum, dnf and zypper rules.
import type { InstructionInfo } from '../../model-types';
import type { Range, RuleContext, RuleVisitor } from '../../rule';
import type { RunScript } from '../../shell-types';
import { callsAny, findCalls, invocationOf, type SubcommandCall, type ToolSpec } from './commands';

export interface NonInteractiveSpec {
  tool: ToolSpec;
  subcommands: readonly string[];
  /** True when the call's words already answer the prompt. */
  answered(call: SubcommandCall): boolean;
  /** Text in the Dockerfile that configures "yes" for every call (an apt.conf or yum.conf line). */
  configuredBy?: RegExp;
  /** The flag the fix inserts, and whether it goes after the program (global option) or after the subcommand. */
  flag: string;
  placement: 'after-program' | 'after-subcommand';
}

/** Short options given alone or bundled (`-y`, `-qy`): the letters, with repeats. */
export function shortOptionLetters(call: SubcommandCall): string {
  return call.args
    .filter((word) => /^-[A-Za-z0-9]+$/.test(word.value))
    .map((word) => word.value.slice(1))
    .join('');
}

/** True when any word is one of the options, alone or as `--option=value`. */
export function hasOption(call: SubcommandCall, ...options: string[]): boolean {
  return call.args.some((word) => options.some((option) => word.value === option || word.value.startsWith(`${option}=`)));
}

/** `yes | apt-get install …` answers every prompt. */
function fedByYes(script: RunScript, call: SubcommandCall): boolean {
  if (call.command.separator !== '|') return false;
  const index = script.commands.indexOf(call.command);
  const previous = index > 0 ? script.commands[index - 1] : null;
  const invocation = previous ? invocationOf(previous) : null;
  return invocation?.name === 'yes';
}

export function nonInteractiveVisitor(context: RuleContext, spec: NonInteractiveSpec): RuleVisitor {
  // Searching the whole file for the setting is left until a call needs it: most files have none.
  let configured: boolean | undefined;
  const isConfigured = () => (configured ??= spec.configuredBy?.test(context.model.text) ?? false);
  return {
    RUN(run: InstructionInfo) {
      // Exec form is left alone: a flag inserted there would need JSON quoting.
      if (!run.script || run.script.incomplete || run.script.form === 'exec') return;
      const script = run.script;
      // Cheap test first: most RUNs do not call this package manager.
      if (!callsAny(script, spec.tool.programs)) return;
      const calls = findCalls(script, spec.tool, spec.subcommands);
      if (calls.length === 0 || isConfigured()) return;
      for (const call of calls) {
        if (spec.answered(call) || fedByYes(script, call) || !call.subcommand) continue;
        const range: Range = { start: call.program.range.start, end: call.subcommand.range.end };
        const at = spec.placement === 'after-program' ? call.program.range.end : call.subcommand.range.end;
        const command = `${call.name} ${spec.placement === 'after-program' ? `${spec.flag} ${call.subcommand.value}` : `${call.subcommand.value} ${spec.flag}`}`;
        context.report({
          range,
          message: `\`${call.name} ${call.subcommand.value}\` will wait for a confirmation no one can give in a build: use \`${command}\``,
          fixes: [{ title: `Add ${spec.flag}`, safety: 'safe', edits: [{ range: { start: at, end: at }, newText: ` ${spec.flag}` }] }],
        });
      }
    },
  };
}
