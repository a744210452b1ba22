// What the size rules need to know about the place a RUN runs in: the instructions before it (in its
// stage and the stages it is built on), the variables they set, and who the RUN runs as.
import type { InstructionInfo, Stage } from '../../model-types';
import type { Position } from '../../rule';
import type { RunScript } from '../../shell-types';
import { compareRangeStarts } from './commands';
import { instructionArguments, instructionText } from './instruction-args';
import { matchedBefore, nearestBefore, nearestMatchBefore } from './stage-history';
import { isRootUser } from './users';

const DECLARATIONS = ['ENV', 'ARG'];

/**
 * The value an ENV or ARG before the RUN gives the variable (the nearest one wins), or the value a
 * `NAME=value` word in the script gives it; null when nothing sets it.
 */
export function variableSetting(stage: Stage, run: InstructionInfo, name: string): string | null {
  const inScript = run.script ? assignmentIn(run.script, name) : null;
  if (inScript !== null) return inScript;
  // The last declaration before the RUN wins.
  const declaration = nearestMatchBefore(stage, run, `declares ${name}`, DECLARATIONS, (instruction) => declaredValue(instruction, name) !== null);
  return declaration === null ? null : declaredValue(declaration, name);
}

/** `ENV NAME=value`, `ENV NAME value`, `ARG NAME=value` (an ARG without a default sets nothing). */
function declaredValue(instruction: InstructionInfo, name: string): string | null {
  const args = instructionArguments(instruction).map((argument) => argument.value);
  for (const [index, word] of args.entries()) {
    if (word.startsWith(`${name}=`)) return word.slice(name.length + 1);
    // The legacy `ENV NAME value` form: one variable, the rest is its value.
    if (word === name && index === 0 && instruction.keyword === 'ENV' && args.length > 1 && !args[1].includes('=')) {
      return args.slice(1).join(' ');
    }
  }
  return null;
}

function assignmentIn(script: RunScript, name: string): string | null {
  const prefix = `${name}=`;
  for (const command of script.commands) {
    for (const words of [command.assignments, command.args]) {
      for (const word of words) if (word.value.startsWith(prefix)) return word.value.slice(prefix.length);
    }
  }
  return null;
}

/** True when an instruction before the RUN (or the RUN itself) has text matching the pattern. */
export function writtenBefore(stage: Stage, run: InstructionInfo, pattern: RegExp, keywords: readonly string[] = ['RUN']): boolean {
  if (hasText(run, pattern, keywords)) return true;
  const key = `text ${pattern.source} ${pattern.flags} in ${keywords.join(' ')}`;
  return matchedBefore(stage, run, key, keywords, (instruction) => hasText(instruction, pattern, keywords));
}

function hasText(instruction: InstructionInfo, pattern: RegExp, keywords: readonly string[]): boolean {
  return keywords.includes(instruction.keyword) && pattern.test(instructionText(instruction));
}

/** True when the RUN runs as root: no USER before it (and the image's default is root or unknown) or USER root. */
export function runsAsRoot(stage: Stage, run: InstructionInfo): boolean {
  const user = nearestBefore(stage, run, 'USER');
  if (!user) return stage.facts.defaultUser === null || isRootUser(stage.facts.defaultUser);
  const name = instructionArguments(user)[0]?.value;
  return name !== undefined && isRootUser(name);
}

export function isAfter(position: Position, reference: Position): boolean {
  return compareRangeStarts({ start: position }, { start: reference }) >= 0;
}

/** RUNs with more chained commands than this are never merged by consecutive-run (LW104). */
const MERGEABLE_COMMANDS = 2;

function topLevelCommands(run: InstructionInfo): number {
  return run.script?.commands.filter((command) => !command.nested && command.program !== null).length ?? 0;
}

/**
 * True when a fix that makes the RUN unmergeable (more than two commands, or flags of its own) could cut a
 * row of consecutive RUNs in two: LW104 would then report two groups where it reported one. `added` is the
 * number of commands the fix appends (0 for a fix that changes the flags).
 */
export function couldSplitRunGroup(stage: Stage, run: InstructionInfo, added: number): boolean {
  const count = topLevelCommands(run);
  if (count > MERGEABLE_COMMANDS) return false;
  if (added > 0 && count + added <= MERGEABLE_COMMANDS) return false;
  const index = stage.instructions.indexOf(run);
  const isRun = (offset: number) => {
    const other = stage.instructions[index + offset];
    return other !== undefined && other.keyword === 'RUN' && !other.onbuild;
  };
  return isRun(-2) && isRun(-1) && isRun(1) && isRun(2);
}
