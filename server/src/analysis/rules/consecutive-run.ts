import type { DockerfileModel, InstructionInfo, Stage } from '../model-types';
import { defineRule } from '../rule';
import { isAptUpdateInstallPair } from './support/apt-lists';
import { isCleanupCommand, isCleanupOnly } from './support/later-cleanup';
import { canAppendTo, haveSameRunSettings, isPlainShellRun, mergeRunsEdits } from './support/run-edits';
import { certainlyWithoutShell } from './support/security-shell-less';

/** RUNs with more chained commands than this are treated as deliberate layers (as hadolint does). */
const MAX_COMMANDS_TO_MERGE = 2;

export default defineRule({
  id: 'consecutive-run',
  code: 'LW104',
  aliases: { hadolint: 'DL3059' },
  category: 'size',
  severity: 'info',
  appliesTo: 'shipped-stages',
  docs: {
    summary: 'Consecutive RUN instructions that could be one layer.',
    rationale: [
      'Each RUN adds a layer with its own metadata and file-system diff, and files changed by several RUNs',
      'are stored once per layer. Short consecutive RUNs are usually clearer and smaller as one RUN joined with',
      '`&&`. Separate RUNs do have a use: each is cached on its own, so a slow step that rarely changes can',
      'stay in its own layer. Merge when the steps belong together.',
    ].join('\n'),
    examples: {
      invalid: ['FROM alpine:3.20\nRUN mkdir -p /app/data\nRUN chmod 700 /app/data\n'],
      valid: [
        'FROM alpine:3.20\nRUN mkdir -p /app/data \\\n    && chmod 700 /app/data\n',
        'FROM alpine:3.20\nRUN mkdir -p /app/data\nWORKDIR /app\nRUN chmod 700 /app/data\n',
      ],
    },
    differences: [
      'Like hadolint, a RUN that chains more than two commands is taken as a deliberate layer (here cleanups at its',
      'end, such as `rm -rf /var/lib/apt/lists/*`, do not count), and RUNs with different flags are not merged. A RUN',
      'that only deletes does not make a group, but one between two RUNs of a group is merged with them.',
      'Unlike hadolint, only shipped stages are judged, one finding is given per group of consecutive RUNs,',
      'heredoc and exec-form RUNs are never merged, and the `apt-get update` / install pair and later cleanups',
      'are left to their own rules (LW101, LW103).',
    ].join(' '),
  },
  fix: {
    availability: 'sometimes',
    safety: 'unsafe',
    reason:
      'Merging changes what the build cache can reuse, so the fix is unsafe. It is not offered when a SHELL instruction changes the shell, or when a RUN has `;`, `||`, subshells or comments that `&&` would change.',
  },
  create(context) {
    const { model } = context;
    return {
      stageEnd(stage) {
        for (const group of consecutiveGroups(model, stage)) {
          // Without a shell no RUN can be joined with `&&` (LW213 reports the shell-form RUNs there).
          if (certainlyWithoutShell(stage, group[0])) continue;
          const first = group[0].range.start.line + 1;
          const last = group[group.length - 1].range.start.line + 1;
          const edits = mergeRunsEdits(model, group);
          context.report({
            range: group[1].keywordRange,
            message:
              group.length === 2
                ? `this RUN and the one before it (line ${first}) could be one layer: join them with \`&&\``
                : `the ${group.length} RUNs on lines ${first}–${last} could be one layer: join them with \`&&\``,
            fixes: edits ? [{ title: `Merge ${group.length} RUN instructions`, safety: 'unsafe', edits }] : [],
          });
        }
      },
    };
  },
});

/**
 * Groups of RUNs that follow each other and could be merged, with two or more that do more than delete.
 * A RUN that only deletes (LW103's finding) neither starts nor ends a group, but one between two members
 * stays inside it, merged with them: folding it into the RUN that made the files must not split a group.
 */
function consecutiveGroups(model: DockerfileModel, stage: Stage): InstructionInfo[][] {
  const kinds = runKinds(model, stage);
  const groups: InstructionInfo[][] = [];
  let current: InstructionInfo[] = [];
  let cleanups: InstructionInfo[] = [];
  for (let index = 0; index < stage.instructions.length; index++) {
    const instruction = stage.instructions[index];
    const kind = kinds[index];
    const previous = cleanups[cleanups.length - 1] ?? current[current.length - 1];
    if (previous && kind === 'cleanup' && haveSameRunSettings(previous, instruction)) {
      cleanups.push(instruction);
    } else if (previous && kind === 'mergeable' && haveSameRunSettings(previous, instruction) && !isAptUpdateInstallPair(previous, instruction)) {
      current.push(...cleanups, instruction);
      cleanups = [];
    } else {
      // The group ends here; this RUN may start the next one.
      if (current.length > 1) groups.push(current);
      current = kind === 'mergeable' ? [instruction] : [];
      cleanups = [];
    }
  }
  if (current.length > 1) groups.push(current);
  return groups;
}

/** What a RUN can be in a group: a cleanup-only RUN, a RUN that may join one, or neither. */
type RunKind = 'cleanup' | 'mergeable' | 'other';

/**
 * The kind of each instruction of the stage. Whether `&&` can be appended is read from the text, the
 * costly part, so it is asked last and only where the answer can matter: a group needs two RUNs side by
 * side, and a cleanup-only RUN only joins one between two of its RUNs.
 */
function runKinds(model: DockerfileModel, stage: Stage): RunKind[] {
  const instructions = stage.instructions;
  // Cheap test first: a RUN with no RUN beside it is in no group (its kind cannot matter to its neighbours either).
  const candidates = instructions.map((instruction, index) =>
    instruction.keyword === 'RUN' && (instructions[index - 1]?.keyword === 'RUN' || instructions[index + 1]?.keyword === 'RUN')
      ? candidateKind(instruction)
      : 'other',
  );
  return candidates.map((kind, index) => {
    if (kind === 'other') return 'other';
    const before = (candidates[index - 1] ?? 'other') !== 'other';
    const after = (candidates[index + 1] ?? 'other') !== 'other';
    const matters = kind === 'cleanup' ? before && after : before || after;
    return matters && canAppendTo(model, instructions[index]) ? kind : 'other';
  });
}

/**
 * The kind a RUN has when `&&` can be appended to it: shell form, ending cleanly (no `&`, `;` or comment at
 * the end). A RUN that is not cleanup-only may join a group when short; cleanups at its end are not counted
 * as steps: they belong to the step before them, and the fixes that append one (LW101, LW103) must not turn
 * a short RUN into a deliberate layer and split its group.
 */
function candidateKind(run: InstructionInfo): RunKind {
  if (run.keyword !== 'RUN' || run.onbuild || !run.script || !isPlainShellRun(run)) return 'other';
  if (isCleanupOnly(run)) return 'cleanup';
  // The top-level commands counted from the end, the trailing cleanups left out.
  const commands = run.script.commands;
  let steps = 0;
  let inTrailingCleanups = true;
  for (let index = commands.length - 1; index >= 0; index--) {
    const command = commands[index];
    if (command.nested || command.program === null) continue;
    if (inTrailingCleanups && isCleanupCommand(command)) continue;
    inTrailingCleanups = false;
    if (++steps > MAX_COMMANDS_TO_MERGE) return 'other';
  }
  return 'mergeable';
}
