// CMD, ENTRYPOINT and HEALTHCHECK: an image keeps only the last of each, so earlier ones in a stage do nothing.
import type { InstructionInfo, Stage } from '../../model-types';
import type { Fix, Report } from '../../rule';
import { deleteInstructionEdit } from './run-edits';

/** Instructions of the stage that a later one of the same keyword overrides (ONBUILD triggers excluded). */
export function overriddenInstructions(stage: Stage, keyword: string): InstructionInfo[] {
  return stage.instructions.filter((instruction) => instruction.keyword === keyword && !instruction.onbuild).slice(0, -1);
}

/** The instructions of which an image keeps only the last. */
const SINGLE_INSTRUCTIONS: ReadonlySet<string> = new Set(['CMD', 'ENTRYPOINT', 'HEALTHCHECK']);

/** Asked for every instruction of a stage: each stage's overridden ones are found once per analysis. */
const overriddenByStage = new WeakMap<Stage, Map<string, readonly InstructionInfo[]>>();

/** True when a CMD, ENTRYPOINT or HEALTHCHECK is replaced by a later one of its stage: it never runs. */
export function isOverridden(stage: Stage, instruction: InstructionInfo): boolean {
  if (!SINGLE_INSTRUCTIONS.has(instruction.keyword)) return false;
  let byKeyword = overriddenByStage.get(stage);
  if (byKeyword === undefined) {
    byKeyword = new Map();
    overriddenByStage.set(stage, byKeyword);
  }
  let overridden = byKeyword.get(instruction.keyword);
  if (overridden === undefined) {
    overridden = overriddenInstructions(stage, instruction.keyword);
    byKeyword.set(instruction.keyword, overridden);
  }
  return overridden.includes(instruction);
}

/**
 * One report per instruction a later one of the same keyword overrides. Each carries the same unsafe fix,
 * which deletes all of them at once: deleting them one by one would leave the next overridden one in the
 * place just edited.
 */
export function overriddenReports(stage: Stage, keyword: string): Report[] {
  const all = stage.instructions.filter((instruction) => instruction.keyword === keyword && !instruction.onbuild);
  if (all.length < 2) return [];
  const overridden = all.slice(0, -1);
  const winner = all[all.length - 1].range.start.line + 1;
  const fix: Fix = {
    title: overridden.length === 1 ? `Remove the ${keyword} without effect (line ${winner} wins)` : `Remove the ${overridden.length} ${keyword}s without effect (line ${winner} wins)`,
    safety: 'unsafe',
    edits: overridden.map(deleteInstructionEdit),
  };
  const fixes = joinsRuns(stage, overridden) ? [] : [fix];
  return overridden.map((instruction) => ({
    range: instruction.keywordRange,
    message: `This ${keyword} has no effect: the ${keyword} on line ${winner} replaces it. Keep one ${keyword} per stage`,
    fixes,
  }));
}

/**
 * True when deleting the instructions would leave two RUNs next to each other that were not: that is a
 * layer-merging question (LW104) the author should answer, not a side effect of removing dead code.
 */
function joinsRuns(stage: Stage, removed: readonly InstructionInfo[]): boolean {
  const isRun = (instruction: InstructionInfo | undefined) => instruction?.keyword === 'RUN' && !instruction.onbuild;
  const kept = stage.instructions.filter((instruction) => !removed.includes(instruction));
  return kept.some((instruction, index) => {
    const next = kept[index + 1];
    return isRun(instruction) && isRun(next) && stage.instructions.indexOf(next!) !== stage.instructions.indexOf(instruction) + 1;
  });
}

/** The `fix.reason` of the three rules. */
export const OVERRIDDEN_FIX_REASON = [
  'Deletes the instructions without effect; unsafe because the author may have meant an earlier one to win.',
  'Not offered when the deletion would bring two RUN instructions together: whether to merge them is',
  'consecutive-run\'s (LW104) question.',
].join(' ');
