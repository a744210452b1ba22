import { defineRule } from '../rule';

export default defineRule({
  id: 'constant-platform-flag',
  code: 'LW351',
  aliases: { buildkit: 'FromPlatformFlagConstDisallowed' },
  category: 'correctness',
  severity: 'info',
  appliesTo: 'all-stages',
  docs: {
    summary: '`FROM --platform=` with a constant value.',
    rationale: [
      'A constant `--platform=linux/amd64` pins the stage to one platform: the Dockerfile can no longer build a',
      'multi-platform image, and on an arm64 machine it runs under emulation, slowly. Leave the platform to',
      '`docker build --platform`, or use `$BUILDPLATFORM` for stages that cross-compile. A stage whose name says',
      'which platform it is for (`AS build-arm64`, picked with `FROM build-${TARGETARCH}`) is deliberate and not reported.',
    ].join('\n'),
    examples: {
      invalid: ['FROM --platform=linux/amd64 alpine:3.20 AS base\nRUN apk add --no-cache git\n'],
      valid: [
        'FROM alpine:3.20 AS base\nRUN apk add --no-cache git\n',
        'FROM --platform=${BUILDPLATFORM} alpine:3.20 AS base\nRUN apk add --no-cache git\n',
        'FROM --platform=linux/amd64 alpine:3.20 AS build_amd64\nRUN echo amd64\n\nFROM --platform=linux/arm64 alpine:3.20 AS build_arm64\nRUN echo arm64\n\nARG TARGETARCH\nFROM build_${TARGETARCH} AS build\nRUN echo done\n',
      ],
    },
  },
  fix: { availability: 'never', safety: 'unsafe', reason: 'Removing the flag changes the platform the stage is built for.' },
  create(context) {
    return {
      FROM(from, stage) {
        const flag = from.flags.find((candidate) => candidate.name.toLowerCase() === 'platform');
        if (!flag || !flag.value || flag.value.includes('$') || !flag.valueRange) return;
        if (stage.name !== null && namesPlatform(stage.name, flag.value)) return;
        context.report({
          range: flag.valueRange,
          message: `FROM --platform flag should not use constant value "${flag.value}": it pins this stage to one platform. Drop it (pass --platform to docker build) or use $BUILDPLATFORM.`,
        });
      },
    };
  },
});

/** `build_arm64` for `linux/arm64`: the name shows the stage exists for that platform. */
function namesPlatform(stageName: string, platform: string): boolean {
  const name = stageName.toLowerCase();
  return platform
    .toLowerCase()
    .split(/[/,]/)
    .some((part) => part.length > 1 && name.includes(part));
}
