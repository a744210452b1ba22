import type { DockerfileModel, InstructionInfo, Stage } from '../model-types';
import { defineRule, type TextEdit } from '../rule';
import { findCalls, operands } from './support/commands';
import { APK_CACHE_PATHS, apkAddsWithCache, apkCacheWriters, leavesNoApkCache } from './support/package-managers';
import { isSameOrAncestor, normalizePath, RM } from './support/paths';
import { isCleanupOnly } from './support/later-cleanup';
import { canShrinkWithoutJoining, deleteInstructionEdit } from './support/run-edits';

export default defineRule({
  id: 'apk-add-without-no-cache',
  code: 'LW102',
  aliases: { hadolint: 'DL3019', trivy: 'AVD-DS-0025' },
  category: 'size',
  severity: 'warning',
  appliesTo: 'shipped-stages',
  docs: {
    summary: '`apk add` without `--no-cache` leaves the package index in the layer.',
    rationale: [
      'Without `--no-cache`, `apk add` stores the repository index (`APKINDEX`, about 2 MB for main and',
      'community) under `/var/cache/apk`, and it stays in the layer. `apk add --no-cache` fetches the index',
      'into memory and writes nothing, so there is nothing to clean afterwards. Removing `/var/cache/apk/*` in',
      'the same RUN or a `RUN --mount=type=cache,target=/var/cache/apk` also keeps the index out of the image.',
    ].join('\n'),
    examples: {
      invalid: ['FROM alpine:3.20\nRUN apk add curl\n'],
      valid: [
        'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
        'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n',
      ],
    },
    differences: 'Judges only the stages whose layers are shipped: a builder stage may keep its index.',
  },
  fix: { availability: 'always', safety: 'safe' },
  create(context) {
    const { model } = context;
    return {
      RUN(run, stage) {
        if (!run.script) return;
        // Cheap test first: most RUNs call no `apk add`.
        const adds = apkAddsWithCache(run.script);
        if (adds.length === 0 || leavesNoApkCache(run)) return;
        for (const call of adds) {
          const add = call.subcommand!;
          // In exec form the flag is one more JSON string.
          const flag = run.script.form === 'exec' ? ', "--no-cache"' : ' --no-cache';
          const edits: TextEdit[] = [{ range: { start: add.range.end, end: add.range.end }, newText: flag }];
          const fold = foldDeadCleanup(model, stage, run);
          if (fold) edits.push(fold);
          context.report({
            range: { start: call.program.range.start, end: add.range.end },
            message: '`apk add` keeps its package index (~2 MB) in this layer: add `--no-cache`',
            fixes: [{ title: fold ? 'Add --no-cache and drop the later cleanup' : 'Add --no-cache', safety: 'safe', edits }],
          });
        }
      },
    };
  },
});

/**
 * With `--no-cache`, a later `rm -rf /var/cache/apk/*` that only cleaned up after this call has nothing
 * left to remove: the fix drops it, when this call is the only thing in the stage that wrote the cache.
 * (Left in place, the useless RUN would stop being a later cleanup and become a plain extra layer.)
 */
function foldDeadCleanup(model: DockerfileModel, stage: Stage, run: InstructionInfo): TextEdit | null {
  const index = stage.instructions.indexOf(run);
  const writersBefore = [
    ...earlierInstructions(stage).filter((other) => other !== run),
    ...stage.instructions.slice(0, index),
  ].some((other) => other.keyword === 'RUN' && other.script && apkCacheWriters(other.script).length > 0);
  if (writersBefore || !run.script || apkCacheWriters(run.script).length !== 1) return null;
  for (const later of stage.instructions.slice(index + 1)) {
    if (later.keyword !== 'RUN' || !later.script || later.onbuild !== run.onbuild) continue;
    if (apkCacheWriters(later.script).length > 0) return null;
    const cleanup = findCalls(later.script, RM).find((rm) => {
      const paths = operands(rm);
      return paths.length > 0 && paths.every((path) => !path.hasExpansion && APK_CACHE_PATHS.some((cache) => isSameOrAncestor(cache, normalizePath(path.value))));
    });
    if (!cleanup) continue;
    // Only a RUN that does nothing else goes; deleting it must not leave two short RUNs side by side.
    if (!isCleanupOnly(later) || !canShrinkWithoutJoining(model, stage, later, Infinity)) return null;
    return deleteInstructionEdit(later);
  }
  return null;
}

/** Instructions of the stages this one is built on. */
function earlierInstructions(stage: Stage): InstructionInfo[] {
  const instructions: InstructionInfo[] = [];
  for (let base = stage.baseStage; base; base = base.baseStage) instructions.push(...base.instructions);
  return instructions;
}
