import type { DockerfileModel, InstructionInfo, Stage } from '../model-types';
import { defineRule, type Fix } from '../rule';
import { commentLines } from '../suppressions';
import type { ShellCommand } from '../shell-types';
import { compareRangeStarts, invocationOf } from './support/commands';
import { nearestBefore } from './support/stage-history';
import { instructionArguments } from './support/instruction-args';
import { keywordInFileCase } from './support/keyword-case';

const BASH_PIPEFAIL_SHELL = 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]';
/** Shells whose pipelines do not follow POSIX sh rules: pipefail means nothing there. */
const NON_POSIX_SHELLS = /(^|[\\/])(pwsh|powershell|cmd)(\.exe)?$/i;

export default defineRule({
  id: 'pipe-without-pipefail',
  code: 'LW322',
  aliases: { hadolint: 'DL4006' },
  category: 'correctness',
  severity: 'warning',
  appliesTo: 'all-stages',
  docs: {
    summary: 'A RUN with a pipe, without `pipefail`: a failure before the last `|` goes unnoticed.',
    rationale: [
      'A pipeline succeeds when its last command does. `RUN curl -fsSL https://example.com/install.sh | sh`',
      'passes even when curl fails (sh happily runs an empty script), and `wget -O - … | tar x` can leave a',
      'half-built image that fails much later. With `pipefail` the pipeline fails when any part fails. Set it',
      'for the stage with `SHELL ["/bin/bash", "-o", "pipefail", "-c"]`, or start the RUN with',
      '`set -o pipefail &&` where /bin/sh supports it (busybox ash on Alpine does; dash on Debian may not).',
    ].join('\n'),
    examples: {
      invalid: ['FROM debian:12-slim\nRUN curl -fsSL https://example.com/install.sh | sh\n'],
      valid: [
        'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/install.sh | sh\n',
        'FROM alpine:3.20\nRUN set -o pipefail && wget -qO- https://example.com/install.sh | sh\n',
      ],
    },
    differences: [
      'A `set -o pipefail` (or `set -euo pipefail`) in the RUN before the pipe counts, and images without a',
      'shell or with a Windows shell are not judged. Heredoc scripts and ONBUILD triggers are not judged.',
    ].join(' '),
  },
  fix: {
    availability: 'sometimes',
    safety: 'suggestion',
    reason: [
      'A suggestion, only when the base image is known: `set -o pipefail &&` for Alpine (busybox ash), a bash',
      'SHELL for Debian, Ubuntu and RPM-based images. The SHELL instruction also changes the shell of every',
      'later RUN and shell-form CMD of the stage.',
    ].join(' '),
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run, stage) {
        const script = run.script;
        if (run.onbuild || !script || script.form !== 'shell' || script.heredocs.length > 0) return;
        if (stage.facts.hasShell === false || stage.facts.distro === 'windows' || model.escapeCharacter === '`') return;
        const firstPipe = script.commands.find((command) => command.separator === '|');
        if (!firstPipe?.separatorRange || shellHasPipefail(stage, run)) return;
        if (script.commands.some((command) => setsPipefail(command) && compareRangeStarts(command.range, firstPipe.range) < 0)) return;
        context.report({
          range: firstPipe.separatorRange,
          message: 'A failure before this `|` is ignored: the pipeline succeeds when its last command does. Set pipefail (SHELL ["/bin/bash", "-o", "pipefail", "-c"] or `set -o pipefail &&`)',
          fixes: pipefailFix(model, run, stage),
        });
      },
    };
  },
});

/** True when the SHELL in force for the RUN sets pipefail, or is not a POSIX shell. */
function shellHasPipefail(stage: Stage, run: InstructionInfo): boolean {
  const last = nearestBefore(stage, run, 'SHELL');
  if (!last) return false;
  const words = instructionArguments(last).map((word) => word.value);
  return words.includes('pipefail') || NON_POSIX_SHELLS.test(words[0] ?? '');
}

/** `set -o pipefail`, `set -euo pipefail`, `set -eo pipefail -x`. */
function setsPipefail(command: ShellCommand): boolean {
  const invocation = invocationOf(command);
  if (invocation?.name !== 'set') return false;
  const index = invocation.args.findIndex((word) => word.value === 'pipefail');
  return index > 0 && /^-[A-Za-z]*o$/.test(invocation.args[index - 1].value);
}

function pipefailFix(model: DockerfileModel, run: InstructionInfo, stage: Stage): Fix[] {
  const manager = stage.facts.packageManager;
  if (manager === 'apk' && run.script) {
    const at = run.script.range.start;
    return [{ title: 'Start the RUN with set -o pipefail', safety: 'suggestion', edits: [{ range: { start: at, end: at }, newText: 'set -o pipefail && ' }] }];
  }
  if (manager === 'apt' || manager === 'dnf' || manager === 'yum' || manager === 'zypper') {
    const indent = /^[ \t]*/.exec(model.lines[run.range.start.line] ?? '')?.[0] ?? '';
    const at = { line: firstCommentLineAbove(model, run), character: 0 };
    const shell = BASH_PIPEFAIL_SHELL.replace(/^SHELL/, keywordInFileCase(model, 'SHELL'));
    return [{ title: `Add ${BASH_PIPEFAIL_SHELL} before this RUN`, safety: 'suggestion', edits: [{ range: { start: at, end: at }, newText: `${indent}${shell}${model.lineEnding}` }] }];
  }
  return [];
}

/**
 * Where a line inserted before `run` goes: above the comments right over it, so a `# hadolint ignore=…` or
 * `# layerwise ignore=…` written for the RUN still applies to the RUN, not to the inserted SHELL.
 */
function firstCommentLineAbove(model: DockerfileModel, run: InstructionInfo): number {
  const comments = new Set(commentLines(model));
  // A comment between the continuation lines of an earlier instruction belongs to that instruction.
  const floor = Math.max(-1, ...model.instructions.filter((other) => other.range.end.line < run.range.start.line).map((other) => other.range.end.line));
  let first = run.range.start.line;
  for (let line = first - 1; line > floor; line--) {
    if (comments.has(line)) first = line;
    else if ((model.lines[line] ?? '').trim() !== '') break;
  }
  return first;
}
