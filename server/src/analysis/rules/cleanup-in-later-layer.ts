import type { DockerfileModel, InstructionInfo, Stage } from '../model-types';
import { defineRule, type Fix, type TextEdit } from '../rule';
import { findLaterCleanup, type LaterCleanup } from './support/later-cleanup';
import { appendCommandsEdit, canShrinkWithoutJoining, combineInsertions, hasCustomShell, rangeContains, removeItemsEdit } from './support/run-edits';

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
    return {
      RUN(run, stage) {
        const cleanup = findLaterCleanup(model, stage, run);
        if (!cleanup) return;
        const fix = hasCustomShell(stage, run) ? null : foldFix(model, stage, cleanup);
        context.report({
          range: run.keywordRange,
          message: `this deletion adds a layer and saves nothing: fold it into the RUN that created the files (line ${cleanup.creator.range.start.line + 1})`,
          fixes: fix ? [fix] : [],
        });
      },
    };
  },
});

/** Appends each cleanup command to the RUN it belongs in and removes it (or the whole RUN) here. */
function foldFix(model: DockerfileModel, stage: Stage, cleanup: LaterCleanup): Fix | null {
  const moves = cleanup.moves;
  if (!moves) return null;
  const edits: TextEdit[] = [];
  const targets = [...new Set(moves.map((move) => move.target))];
  const movedTo = (target: InstructionInfo) => moves.filter((move) => move.target === target);
  for (const target of targets) {
    const commands = movedTo(target).map((move) => move.text);
    const append = appendCommandsEdit(model, target, commands);
    if (!append) return null;
    edits.push(append);
  }
  const lengthened = targets.filter((target) => topLevelCount(target) + movedTo(target).length > 2);
  if (!canShrinkWithoutJoining(model, stage, cleanup.run, moves.length, lengthened)) return null;
  const removal = removeItemsEdit(model, cleanup.run, (item) => moves.some((move) => rangeContains(move.item, item)));
  if (!removal) return null;
  edits.push(removal);
  return { title: 'Fold the cleanup into the RUN that created the files', safety: 'safe', edits: combineInsertions(edits) };
}

function topLevelCount(run: InstructionInfo): number {
  return run.script?.commands.filter((command) => !command.nested && command.program !== null).length ?? 0;
}
