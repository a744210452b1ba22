import { defineRule } from '../rule';

export default defineRule({
  id: 'duplicate-stage-name',
  code: 'LW342',
  aliases: { hadolint: 'DL3024', buildkit: 'DuplicateStageName' },
  category: 'correctness',
  severity: 'error',
  appliesTo: 'all-stages',
  docs: {
    summary: 'Two stages share a name.',
    rationale: [
      'Stage names are how `COPY --from`, `FROM <stage>` and `--target` find a stage. With two stages of the',
      'same name (compared without case, as Docker does) a reference cannot say which one it means, and',
      'BuildKit refuses the Dockerfile.',
    ].join('\n'),
    examples: {
      invalid: ['FROM debian:12 AS builder\nRUN apt-get update\n\nFROM golang:1.22 AS builder\nRUN go version\n'],
      valid: ['FROM debian:12 AS deb-builder\nRUN apt-get update\n\nFROM golang:1.22 AS go-builder\nRUN go version\n'],
    },
    differences: 'Names are compared without case (`Build` and `build` collide), as BuildKit does; hadolint compares them as written.',
  },
  fix: { availability: 'never', safety: 'unsafe', reason: 'Renaming a stage needs to know which of the references meant which stage.' },
  create(context) {
    const seen = new Map<string, number>();
    return {
      stage(stage) {
        if (stage.name === null || stage.nameRange === null) return;
        const key = stage.name.toLowerCase();
        const firstLine = seen.get(key);
        if (firstLine === undefined) {
          seen.set(key, stage.from.range.start.line + 1);
          return;
        }
        context.report({
          range: stage.nameRange,
          message: `Stage name '${stage.name}' is already used by the stage on line ${firstLine}: give each stage a unique name.`,
        });
      },
    };
  },
});
