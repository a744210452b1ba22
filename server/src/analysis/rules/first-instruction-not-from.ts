import { defineRule } from '../rule';

export default defineRule({
  id: 'first-instruction-not-from',
  code: 'LW319',
  aliases: { hadolint: 'DL3061' },
  category: 'correctness',
  severity: 'error',
  appliesTo: 'all-stages',
  docs: {
    summary: 'An instruction other than ARG before the first FROM.',
    rationale: [
      'A Dockerfile starts with parser directives, comments, the ARGs that FROM may use, and then FROM.',
      'Any other instruction before the first FROM has no stage to belong to, and the build fails with',
      '"no build stage in current context".',
    ].join('\n'),
    examples: {
      invalid: ['LABEL org.opencontainers.image.title=app\nFROM alpine:3.20\n'],
      valid: ['# syntax=docker/dockerfile:1\nARG ALPINE_VERSION=3.20\nFROM alpine:${ALPINE_VERSION}\n'],
    },
  },
  fix: { availability: 'never', safety: 'suggestion', reason: 'Which stage the instruction belongs to is for the author to decide.' },
  create(context) {
    return {
      global(instruction) {
        if (instruction.keyword === 'ARG' && !instruction.onbuild) return;
        context.report({
          range: instruction.keywordRange,
          message: `${instruction.onbuild ? 'ONBUILD' : instruction.keyword} before the first FROM: only ARG may come before FROM (move it into a stage)`,
        });
      },
    };
  },
});
