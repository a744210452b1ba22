import type { DockerfileModel, InstructionInfo, Stage } from '../model-types';
import { defineRule, type Fix, type Range, type TextEdit } from '../rule';
import {
  isAptUpdateInstallPair,
  laterRunReliesOnAptLists,
  nextInstruction,
  uncleanedAptUpdate,
  updatesWithoutInstall,
} from './support/apt-lists';
import { findCalls, operands } from './support/commands';
import { APT_LISTS, APT_LISTS_CLEANUP, aptUpdates, leavesNoAptLists } from './support/package-managers';
import { isSameOrAncestor, normalizePath, RM } from './support/paths';
import { appendCommandsEdit, canShrinkWithoutJoining, hasCustomShell, mergeRunsEdits, rangeContains, removeItemsEdit } from './support/run-edits';

const FIX_TITLE = 'Merge RUN with cleanup';

export default defineRule({
  id: 'apt-lists-not-cleaned',
  code: 'LW101',
  aliases: { hadolint: 'DL3009' },
  category: 'size',
  severity: 'warning',
  appliesTo: 'shipped-stages',
  docs: {
    summary: '`apt-get update` leaves the apt package lists in the layer.',
    rationale: [
      '`apt-get update` downloads the package lists into `/var/lib/apt/lists`: about 20 MB on the official',
      'Debian images (more where the lists are stored uncompressed). They are only needed while installing.',
      'A layer never shrinks later, so the lists must be removed in the same RUN that downloaded them:',
      '`apt-get update && apt-get install -y … && rm -rf /var/lib/apt/lists/*`. A `rm` in a later RUN adds a',
      'layer of deletion markers and saves nothing. `apt-get dist-clean` (apt 2.7+) or a',
      '`RUN --mount=type=cache,target=/var/lib/apt/lists` also keep the lists out of the image.',
    ].join('\n'),
    examples: {
      invalid: [
        'FROM debian:bookworm-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\n',
        'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends ca-certificates\n',
      ],
      valid: [
        'FROM debian:bookworm-slim\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl \\\n    && rm -rf /var/lib/apt/lists/*\n',
        'FROM debian:bookworm-slim\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y --no-install-recommends curl\n',
      ],
    },
    differences:
      'Judges only the stages whose layers are shipped: a builder stage may keep its lists. A cleanup in a later RUN does not count (hadolint accepts it).',
  },
  fix: {
    availability: 'sometimes',
    safety: 'safe',
    reason:
      'Not offered for heredoc or exec-form RUNs, when the update is not followed by the RUN that installs, or when a later RUN installs without updating (removing the lists would break it).',
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run, stage) {
        const update = uncleanedAptUpdate(run);
        if (!update) return;
        const later = laterListsCleanup(stage, run);
        const where = later ? `: the cleanup on line ${later.run.range.start.line + 1} runs in a later layer and saves nothing` : '';
        const fix = mergeWithCleanupFix(model, stage, run, later);
        context.report({
          range: update.command.range,
          message: `\`${update.name} update\` keeps ~20 MB of apt lists in this layer${where}; remove them in the same RUN (\`${APT_LISTS_CLEANUP}\`)`,
          fixes: fix ? [fix] : [],
        });
      },
    };
  },
});

interface ListsCleanup {
  run: InstructionInfo;
  /** The `rm` command's range. */
  item: Range;
}

/** The first later RUN of the stage with an `rm` that only removes the apt lists (before any new update). */
function laterListsCleanup(stage: Stage, run: InstructionInfo): ListsCleanup | null {
  for (const later of stage.instructions.slice(stage.instructions.indexOf(run) + 1)) {
    if (later.keyword !== 'RUN' || !later.script || later.onbuild !== run.onbuild) continue;
    if (aptUpdates(later.script).length > 0) return null;
    const listsOnly = findCalls(later.script, RM).find((call) => {
      const paths = operands(call);
      return paths.length > 0 && paths.every((path) => !path.hasExpansion && isSameOrAncestor(APT_LISTS, normalizePath(path.value)));
    });
    if (listsOnly) return { run: later, item: listsOnly.command.range };
  }
  return null;
}

/**
 * Merges `RUN apt-get update` with the install RUN after it (or uses the RUN that already does both),
 * appends the cleanup and folds a later lists-only cleanup into it.
 */
function mergeWithCleanupFix(
  model: DockerfileModel,
  stage: Stage,
  run: InstructionInfo,
  later: ListsCleanup | null,
): Fix | null {
  if (hasCustomShell(stage, run)) return null;
  const next = nextInstruction(stage, run);
  const layer = updatesWithoutInstall(run) ? (next && isAptUpdateInstallPair(run, next) ? [run, next] : null) : [run];
  if (!layer) return null;
  const last = layer[layer.length - 1];
  const alreadyCleaned = leavesNoAptLists(last);
  if (!alreadyCleaned && laterRunReliesOnAptLists(model, stage, last)) return null;
  const cleanup = alreadyCleaned ? [] : [APT_LISTS_CLEANUP];
  const edits: TextEdit[] = [];
  if (layer.length > 1) {
    const merged = mergeRunsEdits(model, layer, cleanup);
    if (!merged) return null;
    edits.push(...merged);
  } else if (cleanup.length > 0) {
    const append = appendCommandsEdit(model, run, cleanup);
    if (!append) return null;
    edits.push(append);
  }
  // The merged RUN has at least three commands (update, install, cleanup), so it pairs with nothing.
  if (later && !layer.includes(later.run) && canShrinkWithoutJoining(model, stage, later.run, 1, layer)) {
    const removal = removeItemsEdit(model, later.run, (item) => rangeContains(item, later.item));
    if (removal) edits.push(removal);
  }
  return edits.length > 0 ? { title: FIX_TITLE, safety: 'safe', edits } : null;
}
