// CMD, ENTRYPOINT and HEALTHCHECK: an image keeps only the last of each, so earlier ones in a stage do nothing.
import type { Stage } from '../../model-types';
import type { Fix, Report } from '../../rule';
import { deleteInstructionEdit } from './run-edits';

/**
 * One report per instruction a later one of the same keyword overrides (ONBUILD triggers excluded). Each
 * carries the same unsafe fix, which deletes all of them at once: deleting them one by one would leave the
 * next overridden one in the place just edited.
 */
export function overriddenReports(stage: Stage, keyword: string): Report[] {
  const all = stage.instructions.filter((instruction) => instruction.keyword === keyword && !instruction.onbuild);
  const overridden = all.slice(0, -1);
  if (overridden.length === 0) return [];
  const winner = all[all.length - 1].range.start.line + 1;
  const fix: Fix = {
    title: overridden.length === 1 ? `Remove the ${keyword} without effect (line ${winner} wins)` : `Remove the ${overridden.length} ${keyword}s without effect (line ${winner} wins)`,
    safety: 'unsafe',
    edits: overridden.map(deleteInstructionEdit),
  };
  return overridden.map((instruction) => ({
    range: instruction.keywordRange,
    message: `This ${keyword} has no effect: the ${keyword} on line ${winner} replaces it. Keep one ${keyword} per stage`,
    fixes: [fix],
  }));
}
