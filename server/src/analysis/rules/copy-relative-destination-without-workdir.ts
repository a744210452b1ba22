import type { InstructionInfo, Stage } from '../model-types';
import { defineRule } from '../rule';
import { instructionsBefore, pathKind, unquote } from './support/correctness-paths';
import { instructionArguments } from './support/instruction-args';
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
      const destination = args[args.length - 1];
      // The text as written: `C:\app` must not lose its backslash to escape processing.
      if (pathKind(textAt(model, destination.range)) !== 'relative') return;
      if (instructionsBefore(stage, instruction).some((other) => other.keyword === 'WORKDIR')) return;
      context.report({
        range: destination.range,
        message: `${instruction.keyword} to the relative path ${unquote(destination.value)} with no WORKDIR set: add WORKDIR (e.g. /app) before it or use an absolute destination`,
      });
    };
    return { COPY: check, ADD: check };
  },
});
