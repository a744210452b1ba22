import type { DockerfileModel, InstructionInfo, Stage } from '../model-types';
import { defineRule, type Fix, type TextEdit } from '../rule';
import { findLaterCleanup, type LaterCleanup } from './support/later-cleanup';
import {
  appendCommandsEdit,
  canShrinkAllWithoutJoining,
  combineInsertions,
  hasCustomShell,
  rangeContains,
  removeItemsEdit,
} from './support/run-edits';

export default defineRule({
  id: 'cleanup-in-later-layer',
  code: 'LW103',
  aliases: {},
  category: 'size',
  severity: 'warning',
  appliesTo: 'shipped-stages',
  docs: {
    summary: 'A RUN that only deletes files an earlier RUN created: it adds a layer and saves nothing.',
    rationale: [
      'Each RUN is a layer, and a layer never shrinks later: deleting files in a later RUN only hides them',
      'behind deletion markers while the earlier layer still ships their bytes (apt lists, package caches,',
      'downloaded archives). Delete them in the RUN that created them, with `&&`, so they never reach a layer.',
    ].join('\n'),
    examples: {
      invalid: [
        'FROM alpine:3.20\nRUN wget -O /tmp/tool.tgz https://example.com/tool.tgz && tar -xzf /tmp/tool.tgz -C /opt\nRUN rm -f /tmp/tool.tgz\n',
      ],
      valid: [
        'FROM alpine:3.20\nRUN wget -O /tmp/tool.tgz https://example.com/tool.tgz \\\n    && tar -xzf /tmp/tool.tgz -C /opt \\\n    && rm -f /tmp/tool.tgz\n',
        'FROM nginx:1.27\nRUN rm /etc/nginx/conf.d/default.conf\n',
      ],
    },
  },
  fix: {
    availability: 'sometimes',
    safety: 'safe',
    reason:
      'Not offered when the files were created in another stage or by a heredoc or exec-form RUN, when an instruction in between (COPY into the same place, USER, VOLUME…) would make the earlier deletion behave differently, or when removing the RUN would leave two short RUNs side by side.',
  },
  create(context) {
    const { model } = context;
    // Planned on the first cleanup of a stage: most analyses have none.
    let foldsByStage: Map<Stage, StageFold | null> | null = null;
    return {
      RUN(run, stage) {
        const cleanup = findLaterCleanup(model, stage, run);
        if (!cleanup) return;
        foldsByStage ??= new Map();
        if (!foldsByStage.has(stage)) foldsByStage.set(stage, planStageFold(model, stage));
        const fold = foldsByStage.get(stage) ?? null;
        context.report({
          range: run.keywordRange,
          message: `this deletion adds a layer and saves nothing: fold it into the RUN that created the files (line ${cleanup.creator.range.start.line + 1})`,
          fixes: fold && fold.runs.includes(run) ? [fold.fix] : [],
        });
      },
    };
  },
});

/** The one fix shared by every later cleanup of a stage it folds, and the cleanup RUNs it folds. */
interface StageFold {
  runs: InstructionInfo[];
  fix: Fix;
}

/**
 * Folds every later cleanup of the stage that can be folded, all in one fix: folded one at a time, each
 * fold would edit next to the last one, and a cleanup that cannot go alone (its removal would bring two
 * RUNs together) often can along with its neighbour. Cleanups are added until none more fits.
 */
function planStageFold(model: DockerfileModel, stage: Stage): StageFold | null {
  // The SHELL check walks the stage: asked only of the cleanups that could move.
  const candidates = stage.instructions
    .filter((instruction) => instruction.keyword === 'RUN')
    .map((run) => findLaterCleanup(model, stage, run))
    .filter((cleanup): cleanup is LaterCleanup => cleanup?.moves != null && !hasCustomShell(stage, cleanup.run));
  if (candidates.length === 0) return null;
  const all = foldFix(model, stage, candidates);
  if (all) return { runs: candidates.map((cleanup) => cleanup.run), fix: all };
  let chosen: LaterCleanup[] = [];
  let fix: Fix | null = null;
  for (let added = true; added; ) {
    added = false;
    for (const candidate of candidates.filter((cleanup) => !chosen.includes(cleanup))) {
      const tried = candidates.filter((cleanup) => cleanup === candidate || chosen.includes(cleanup));
      const tryFix = foldFix(model, stage, tried);
      if (!tryFix) continue;
      [chosen, fix, added] = [tried, tryFix, true];
    }
  }
  return fix ? { runs: chosen.map((cleanup) => cleanup.run), fix } : null;
}

/** Appends each cleanup command to the RUN it belongs in and removes it (or the whole RUN) where it was. */
function foldFix(model: DockerfileModel, stage: Stage, cleanups: readonly LaterCleanup[]): Fix | null {
  const moves = cleanups.flatMap((cleanup) => cleanup.moves ?? []);
  const folded = cleanups.map((cleanup) => cleanup.run);
  const targets = [...new Set(moves.map((move) => move.target))];
  // A cleanup RUN that another one is folded into would be edited twice.
  if (targets.some((target) => folded.includes(target))) return null;
  const movedTo = (target: InstructionInfo) => moves.filter((move) => move.target === target);
  const edits: TextEdit[] = [];
  for (const target of targets) {
    const append = appendCommandsEdit(model, target, movedTo(target).map((move) => move.text));
    if (!append) return null;
    edits.push(append);
  }
  const lengthened = targets.filter((target) => topLevelCount(target) + movedTo(target).length > 2);
  const removedCounts = new Map(cleanups.map((cleanup) => [cleanup.run, cleanup.moves?.length ?? 0]));
  if (!canShrinkAllWithoutJoining(model, stage, removedCounts, lengthened)) return null;
  for (const cleanup of cleanups) {
    const removal = removeItemsEdit(model, cleanup.run, (item) => moves.some((move) => rangeContains(move.item, item)));
    if (!removal) return null;
    edits.push(removal);
  }
  const title =
    cleanups.length === 1
      ? 'Fold the cleanup into the RUN that created the files'
      : `Fold the ${cleanups.length} later cleanups into the RUNs that created the files`;
  return { title, safety: 'safe', edits: combineInsertions(edits) };
}

function topLevelCount(run: InstructionInfo): number {
  return run.script?.commands.filter((command) => !command.nested && command.program !== null).length ?? 0;
}
