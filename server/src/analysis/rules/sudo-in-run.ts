import type { DockerfileModel, InstructionInfo, Stage } from '../model-types';
import { defineRule, type Fix } from '../rule';
import type { ShellCommand } from '../shell-types';
import { baseName } from './support/commands';
import { instructionArguments } from './support/instruction-args';
import { textAt } from './support/run-edits';
import { deleteWordsEdit } from './support/security-edits';
import { nearestBefore } from './support/stage-history';
import { isRootUser } from './support/users';

export default defineRule({
  id: 'sudo-in-run',
  code: 'LW206',
  aliases: { hadolint: 'DL3004', trivy: 'AVD-DS-0010', checkov: 'CKV2_DOCKER_1' },
  category: 'security',
  severity: 'warning',
  appliesTo: 'all-stages',
  docs: {
    summary: '`sudo` in a RUN instruction.',
    rationale: [
      'A RUN step runs as the current USER, and builds are not interactive: switch users with `USER root`',
      'before the steps that need root and `USER app` after them. sudo needs a package, a sudoers entry and',
      'often a TTY, behaves differently from the shell (it resets the environment and PATH), and left in the',
      'image it is a ready-made privilege escalation for whoever gets a shell in the container.',
    ].join('\n'),
    examples: {
      invalid: ['FROM debian:12-slim\nRUN sudo apt-get update\n'],
      valid: ['FROM debian:12-slim\nRUN apt-get update\n', 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends sudo\n'],
    },
  },
  fix: {
    availability: 'sometimes',
    safety: 'unsafe',
    reason: [
      'Offered only when the step already runs as root, sudo gets no options and the shell-form script parses',
      'without doubt, by removing `sudo`. Unsafe',
      'because sudo resets the environment and PATH, which the command may have relied on.',
    ].join(' '),
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run, stage) {
        for (const command of run.script?.commands ?? []) {
          const program = command.program;
          if (!program || baseName(program.value) !== 'sudo') continue;
          const next = command.args[0];
          let fix: Fix | null = null;
          if (next && !next.value.startsWith('-') && !run.onbuild && runsAsRoot(stage, run) && readsTheSameWithout(model, run, command)) {
            const edit = deleteWordsEdit(model, program.range);
            if (edit) fix = { title: 'Remove sudo (the step already runs as root)', safety: 'unsafe', edits: [edit] };
          }
          context.report({
            range: program.range,
            message: 'sudo in RUN: steps run as the current USER; put `USER root` before the steps that need root instead of calling sudo',
            fixes: fix ? [fix] : [],
          });
        }
      },
    };
  },
});

/** True when the last USER before `instruction` (in the stage or the stages it is built on) is root, or the image's default is. */
function runsAsRoot(stage: Stage, instruction: InstructionInfo): boolean {
  const last = nearestBefore(stage, instruction, 'USER');
  if (last === null) return stage.facts.defaultUser === 'root';
  const user = instructionArguments(last)[0]?.value;
  return user !== undefined && isRootUser(user);
}

/**
 * True when the script still parses the same without `sudo`: a shell script (not a JSON array) the parser
 * understood, and no `(` follows (`sudo su ( … )` would become the definition of a function `su`).
 */
function readsTheSameWithout(model: DockerfileModel, run: InstructionInfo, command: ShellCommand): boolean {
  const script = run.script;
  if (!script || script.incomplete || script.form === 'exec') return false;
  return !textAt(model, { start: command.range.end, end: script.range.end }).trimStart().startsWith('(');
}
