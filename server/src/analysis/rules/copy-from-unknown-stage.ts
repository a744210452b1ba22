import { defineRule, type Report } from '../rule';
import { resolveReference, stageReferencesIn, type StageReference } from './support/stages-references';
import { closestName } from './support/stages-names';
import type { DockerfileModel, Stage } from '../model-types';

export default defineRule({
  id: 'copy-from-unknown-stage',
  code: 'LW340',
  aliases: { hadolint: 'DL3022' },
  category: 'correctness',
  severity: 'warning',
  appliesTo: 'all-stages',
  docs: {
    summary: '`COPY --from` (or `RUN --mount=from=`) names no stage defined before it.',
    rationale: [
      'A `--from` value is a stage only when a stage of that name (or index) is defined *above* the instruction.',
      'Anything else is looked up as an image: a misspelt stage name, or a stage defined further down, makes',
      'BuildKit try to pull an image of that name from Docker Hub, and the build fails with a confusing',
      '"pull access denied" (or, worse, succeeds with someone else\'s image). An image with a tag or digest',
      '(`--from=nginx:1.27`) is fine and is not reported.',
    ].join('\n'),
    examples: {
      invalid: [
        'FROM golang:1.22 AS build\nRUN go build -o /out/app .\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=biuld /out/app /app\n',
        'FROM scratch\nCOPY --from=build /app /app\n\nFROM golang:1.22 AS build\nRUN go build -o /app .\n',
      ],
      valid: [
        'FROM golang:1.22 AS build\nRUN go build -o /out/app .\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\n',
        'FROM alpine:3.20\nCOPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/\n',
      ],
    },
    differences: [
      'hadolint reports every value that is not a stage name, including images written with a tag',
      '(`--from=nginx:1.27`) and stage indexes (`--from=0`); those are valid and not reported here. A bare word',
      'that is no stage is still reported: it is either a typo or an untagged (`latest`) image, unless it is a',
      'named build context (`--build-context name=…`), where the finding can be suppressed. Also checks',
      '`RUN --mount=from=…`. Values with variables and ONBUILD triggers (which name stages of another build)',
      'are not judged.',
    ].join(' '),
  },
  fix: { availability: 'sometimes', safety: 'unsafe', reason: 'Offered only for a near-miss of an earlier stage name, which may not be what was meant.' },
  create(context) {
    return {
      stage(stage) {
        for (const reference of stageReferencesIn(stage)) {
          const resolved = resolveReference(context.model, reference.value, stage);
          if (resolved.kind === 'later') {
            context.report({ range: reference.range, message: laterMessage(reference, resolved.stage) });
          } else if (resolved.kind === 'unknown') {
            reportUnknown(context.model, reference, stage, context.report);
          }
        }
      },
    };
  },
});

function flagName(reference: StageReference): string {
  return reference.via === 'copy' ? 'COPY --from' : 'RUN --mount=from';
}

function laterMessage(reference: StageReference, target: Stage): string {
  const what = /^\d+$/.test(reference.value) ? `Stage ${reference.value}` : `Stage '${reference.value}'`;
  return `${what} is defined later (line ${target.from.range.start.line + 1}): ${flagName(reference)} only reads stages defined above it, otherwise it looks for an image of that name. Move that stage above this one.`;
}

function reportUnknown(model: DockerfileModel, reference: StageReference, stage: Stage, report: (report: Report) => void): void {
  if (/^\d+$/.test(reference.value)) {
    report({ range: reference.range, message: `There is no stage ${reference.value} in this Dockerfile (stages count from 0): name a stage defined above this one.` });
    return;
  }
  const earlierNames = model.stages.filter((other) => other.index < stage.index && other.name !== null).map((other) => other.name as string);
  const suggestion = closestName(reference.value, earlierNames);
  const hint = suggestion ? ` (did you mean '${suggestion}'?)` : '';
  report({
    range: reference.range,
    message: `No stage named '${reference.value}' is defined above${hint}: ${flagName(reference)} will pull an image called '${reference.value}' instead. Name an earlier stage, or give the image a tag (${reference.value}:<version>).`,
    fixes: suggestion ? [{ title: `Use stage '${suggestion}'`, safety: 'unsafe', edits: [{ range: reference.range, newText: suggestion }] }] : [],
  });
}
