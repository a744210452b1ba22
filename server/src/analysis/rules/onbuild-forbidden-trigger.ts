import type { InstructionInfo } from '../model-types';
import { defineRule } from '../rule';

export default defineRule({
  id: 'onbuild-forbidden-trigger',
  code: 'LW323',
  aliases: { hadolint: 'DL3043' },
  category: 'correctness',
  severity: 'error',
  appliesTo: 'all-stages',
  docs: {
    summary: 'ONBUILD with FROM, MAINTAINER or ONBUILD as its trigger, which Docker does not allow.',
    rationale: [
      'ONBUILD stores an instruction to run in images built FROM this one. FROM, MAINTAINER and ONBUILD',
      'itself cannot be stored that way: the build fails with "ONBUILD ONBUILD isn\'t allowed" (and the like).',
    ].join('\n'),
    examples: {
      invalid: ['FROM alpine:3.20\nONBUILD FROM debian:12-slim\n', 'FROM alpine:3.20\nONBUILD ONBUILD RUN echo hi\n'],
      valid: ['FROM alpine:3.20\nONBUILD COPY . /app/\n'],
    },
  },
  fix: { availability: 'never', safety: 'suggestion', reason: 'What the trigger was meant to do is for the author to decide.' },
  create(context) {
    const check = (instruction: InstructionInfo) => {
      if (!instruction.onbuild) return;
      context.report({
        range: instruction.keywordRange,
        message: `ONBUILD cannot trigger ${instruction.keyword}: the build fails. Remove it, or move it out of ONBUILD`,
      });
    };
    return { FROM: check, MAINTAINER: check, ONBUILD: check, global: check };
  },
});
