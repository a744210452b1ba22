import type { InstructionInfo, Stage } from '../model-types';
import { defineRule } from '../rule';
import { isHeredocSource, pathKind, unquote } from './support/correctness-paths';
import { nearestBefore } from './support/stage-history';
import { instructionArguments, type ArgumentWord } from './support/instruction-args';
import { textAt } from './support/run-edits';

export default defineRule({
  id: 'copy-relative-destination-without-workdir',
  code: 'LW321',
  aliases: { hadolint: 'DL3045' },
  category: 'correctness',
  severity: 'warning',
  appliesTo: 'all-stages',
  docs: {
    summary: 'COPY or ADD to a relative destination while no WORKDIR is set in the stage.',
    rationale: [
      'A relative destination is resolved against the working directory, which without a WORKDIR is',
      'whatever the base image chose — often `/`, so `COPY . .` spreads your sources over the root',
      'filesystem, and a base image update can move them. Set `WORKDIR /app` first, or copy to an absolute path.',
    ].join('\n'),
    examples: {
      invalid: ['FROM node:20-slim\nCOPY . .\n'],
      valid: ['FROM node:20-slim\nWORKDIR /app\nCOPY . .\n', 'FROM node:20-slim\nCOPY package.json /app/\n'],
    },
    differences: 'ADD is judged too; a WORKDIR in a stage this one is built FROM counts, as in hadolint.',
  },
  fix: {
    availability: 'never',
    safety: 'suggestion',
    reason: 'The right directory is the author\'s choice; adding a WORKDIR also moves every later RUN and CMD.',
  },
  create(context) {
    const { model } = context;
    const check = (instruction: InstructionInfo, stage: Stage) => {
      if (instruction.onbuild) return;
      const args = instructionArguments(instruction);
      if (args.length < 2) return;
      const destination = destinationOf(args);
      if (!destination) return;
      // The text as written: `C:\app` must not lose its backslash to escape processing.
      if (pathKind(textAt(model, destination.range)) !== 'relative') return;
      if (nearestBefore(stage, instruction, 'WORKDIR') !== null) return;
      context.report({
        range: destination.range,
        message: `${instruction.keyword} to the relative path ${unquote(destination.value)} with no WORKDIR set: add WORKDIR (e.g. /app) before it or use an absolute destination`,
      });
    };
    return { COPY: check, ADD: check };
  },
});

/**
 * The destination word. With a heredoc source (`COPY <<EOF /etc/app.conf`) the parser's arguments run on
 * into the body, so the destination is the last word on the instruction's own line.
 */
function destinationOf(args: readonly ArgumentWord[]): ArgumentWord | null {
  if (!args.some((argument) => isHeredocSource(argument.value))) return args[args.length - 1];
  const firstLine = args[0].range.start.line;
  const onFirstLine = args.filter((argument) => argument.range.start.line === firstLine);
  const last = onFirstLine[onFirstLine.length - 1];
  return isHeredocSource(last.value) ? null : last;
}
