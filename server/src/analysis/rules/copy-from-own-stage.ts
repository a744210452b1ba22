import { defineRule } from '../rule';
import { resolveReference, stageReferencesIn } from './support/stages-references';

export default defineRule({
  id: 'copy-from-own-stage',
  code: 'LW341',
  aliases: { hadolint: 'DL3023' },
  category: 'correctness',
  severity: 'error',
  appliesTo: 'all-stages',
  docs: {
    summary: '`COPY --from` (or `RUN --mount=from=`) names the stage it is in.',
    rationale: [
      'A stage cannot read from itself: it is not finished when the instruction runs. BuildKit then looks for',
      'an image of that name and the build fails (older builders silently copied from the half-built stage).',
      'To move files within a stage, use `RUN cp`; to read another stage, name that one.',
    ].join('\n'),
    examples: {
      invalid: ['FROM node:20-slim AS build\nRUN npm ci && npm run build\nCOPY --from=build /app/dist /srv\n'],
      valid: ['FROM node:20-slim AS build\nRUN npm ci && npm run build\n\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n'],
    },
    differences: 'Also recognises the stage\'s own index (`--from=0` in the first stage) and `RUN --mount=from=`; ONBUILD triggers are not judged.',
  },
  fix: { availability: 'never', safety: 'unsafe', reason: 'Which stage (or in-stage copy) was meant cannot be guessed.' },
  create(context) {
    return {
      stage(stage) {
        for (const reference of stageReferencesIn(stage)) {
          if (resolveReference(context.model, reference.value, stage).kind !== 'own') continue;
          const flag = reference.via === 'copy' ? 'COPY --from' : 'RUN --mount=from';
          context.report({
            range: reference.range,
            message: `${flag}=${reference.value} names this very stage, which is not built yet: name an earlier stage, or copy within the stage with RUN cp.`,
          });
        }
      },
    };
  },
});
