import { defineRule } from '../rule';
import type { InstructionInfo } from '../model-types';
import { pathKind } from './support/correctness-paths';
import { keywordInstructionsBefore } from './support/stage-history';
import { instructionArguments } from './support/instruction-args';
import { textAt } from './support/run-edits';

export default defineRule({
  id: 'relative-workdir',
  code: 'LW306',
  aliases: { hadolint: 'DL3000', buildkit: 'WorkdirRelativePath' },
  category: 'correctness',
  severity: 'warning',
  appliesTo: 'all-stages',
  docs: {
    summary: 'A relative WORKDIR with no absolute WORKDIR before it: where it points depends on the base image.',
    rationale: [
      'A relative WORKDIR is resolved against the working directory inherited from the base image. If that',
      'image sets (or later changes) its own WORKDIR, `WORKDIR app` silently lands somewhere else, and every',
      'COPY and RUN after it with it. Start each stage chain with an absolute path such as `WORKDIR /app`.',
    ].join('\n'),
    examples: {
      invalid: ['FROM nginx:1.27\nWORKDIR usr/share/nginx/html\nCOPY public .\n'],
      valid: [
        'FROM nginx:1.27\nWORKDIR /usr/share/nginx/html\nCOPY public .\n',
        'FROM node:20-slim\nWORKDIR /app\nWORKDIR src\n',
        'FROM node:20-slim\nARG APP_DIR=/app\nWORKDIR $APP_DIR\n',
      ],
    },
    differences: [
      'Follows BuildKit: a relative WORKDIR after an absolute one in the same stage (or a stage it is built',
      'FROM) is well defined and not reported; hadolint (DL3000) reports every relative WORKDIR. Paths that',
      'start with a variable are not judged, as in both tools, nor a path whose opening quote is not closed.',
    ].join(' '),
  },
  fix: {
    availability: 'always',
    safety: 'unsafe',
    reason: 'Unsafe: the fix makes the path absolute from `/`, which changes the directory when the base image has a WORKDIR of its own.',
  },
  create(context) {
    const { model } = context;
    const writtenWorkdir = (workdir: InstructionInfo) => {
      const argument = instructionArguments(workdir)[0];
      return argument ? textAt(model, argument.range) : '';
    };
    return {
      WORKDIR(workdir, stage) {
        if (workdir.onbuild) return;
        const argument = instructionArguments(workdir)[0];
        // The text as written: `C:\app` must not lose its backslash to escape processing.
        const written = argument ? textAt(model, argument.range) : '';
        if (!argument || pathKind(written) !== 'relative') return;
        const earlier = keywordInstructionsBefore(stage, workdir, ['WORKDIR']);
        if (earlier.some((other) => pathKind(writtenWorkdir(other)) !== 'relative')) return;
        // A quote the path does not close is a parse error of its own, not a path to judge.
        const quote = /^["']/.test(written) ? written[0] : '';
        if (quote && (written.length < 2 || !written.endsWith(quote))) return;
        const inner = quote ? written.slice(1, -1) : written;
        // Only the start of the path is rewritten (`./` dropped, `/` added after the opening quote).
        const dotSlashes = /^(\.\/)*/.exec(inner)![0];
        const absolute = `/${inner.slice(dotSlashes.length)}`;
        const start = argument.range.start;
        const prefix = { start, end: { line: start.line, character: start.character + quote.length + dotSlashes.length } };
        context.report({
          range: argument.range,
          message: `Relative WORKDIR ${inner} depends on the base image's working directory: use an absolute path such as ${absolute}`,
          fixes: [{ title: `Use ${absolute}`, safety: 'unsafe', edits: [{ range: prefix, newText: `${quote}/` }] }],
        });
      },
    };
  },
});
