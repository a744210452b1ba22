import { defineRule } from '../rule';
import { RESERVED_STAGE_NAMES } from './support/stages-names';

export default defineRule({
  id: 'reserved-stage-name',
  code: 'LW343',
  aliases: { buildkit: 'ReservedStageName' },
  category: 'correctness',
  severity: 'error',
  appliesTo: 'all-stages',
  docs: {
    summary: 'A stage is named `scratch` or `context`, words Docker reserves.',
    rationale: [
      '`scratch` is the empty image and `context` names the build context: a stage with one of these names makes',
      '`FROM scratch` or `COPY --from=context` ambiguous, and BuildKit rejects or misreads it. Pick another name.',
    ].join('\n'),
    examples: {
      invalid: ['FROM alpine:3.20 AS scratch\nRUN echo hi\n', 'FROM alpine:3.20 AS context\nRUN echo hi\n'],
      valid: ['FROM alpine:3.20 AS builder\nRUN echo hi\n'],
    },
  },
  fix: { availability: 'never', safety: 'unsafe', reason: 'A new name is the author\'s choice.' },
  create(context) {
    return {
      stage(stage) {
        if (stage.name === null || stage.nameRange === null || !RESERVED_STAGE_NAMES.has(stage.name.toLowerCase())) return;
        context.report({
          range: stage.nameRange,
          message: `'${stage.name.toLowerCase()}' is reserved and cannot name a stage: choose another name (for example '${stage.name.toLowerCase()}-stage').`,
        });
      },
    };
  },
});
