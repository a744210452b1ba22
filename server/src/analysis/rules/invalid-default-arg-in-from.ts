import { defineRule } from '../rule';
import { imageWithDefaults, isValidImageReference } from './support/stages-from-defaults';

export default defineRule({
  id: 'invalid-default-arg-in-from',
  code: 'LW349',
  aliases: { buildkit: 'InvalidDefaultArgInFrom' },
  category: 'correctness',
  severity: 'error',
  appliesTo: 'all-stages',
  docs: {
    summary: 'With the ARG defaults, a FROM line is an empty or invalid image reference.',
    rationale: [
      'A plain `docker build` (no `--build-arg`) should work. `ARG TAG` without a default makes `FROM busybox:${TAG}`',
      'read `busybox:`, which Docker rejects. Give the ARG a default, or a fallback in place (`${TAG:-1.36}`). An ARG',
      'that may stay empty is fine when the reference is valid without it (`busybox:stable${VARIANT}`).',
    ].join('\n'),
    examples: {
      invalid: ['ARG TAG\nFROM busybox:${TAG}\n'],
      valid: ['ARG TAG=1.36\nFROM busybox:${TAG}\n', 'ARG VARIANT\nFROM busybox:stable${VARIANT}\n', 'ARG TAG\nFROM alpine:${TAG:-3.20}\n'],
    },
    differences: 'FROM lines that use an undeclared variable are left to undefined-arg-in-from; platform ARGs count as set.',
  },
  fix: { availability: 'never', safety: 'unsafe', reason: 'The right default (a tag, an image) is the author\'s choice.' },
  create(context) {
    return {
      stage(stage) {
        const expansion = imageWithDefaults(context.model, stage);
        if (!expansion) return;
        const isStage = context.model.stages.some((other) => other.index < stage.index && other.name?.toLowerCase() === expansion.image.toLowerCase());
        if (isStage || isValidImageReference(expansion.image)) return;
        const shown = expansion.image === '' ? 'an empty image name' : `'${expansion.image}', not a valid image reference`;
        const advice = expansion.unsetArgs.length > 0
          ? `give ${expansion.unsetArgs.map((name) => `ARG ${name}`).join(', ')} a default, or use \${${expansion.unsetArgs[0]}:-<default>}`
          : 'correct the ARG defaults';
        context.report({ range: stage.base.range, message: `Without --build-arg this FROM reads ${shown}: ${advice}.` });
      },
    };
  },
});
