import { parseImageRef } from '../images';
import type { ImageRef } from '../model-types';
import { defineRule, type Range, type RuleContext } from '../rule';
import { isTrusted, registryOf, trustedRegistries } from './support/security-registries';

const EXAMPLE_OPTIONS = { ruleOptions: { trustedRegistries: ['docker.io', 'gcr.io'] } };

export default defineRule({
  id: 'untrusted-registry',
  code: 'LW212',
  aliases: { hadolint: 'DL3026' },
  category: 'security',
  severity: 'error',
  appliesTo: 'all-stages',
  docs: {
    summary: 'An image comes from a registry outside the configured allow-list (off unless `trustedRegistries` is set).',
    rationale: [
      'Organisations that mirror and scan their base images want every build to pull from those registries',
      'only: an image from anywhere else skips the scanning, the licence review and the availability',
      'guarantees. List the allowed registries in the `trustedRegistries` rule option (`docker.io` is Docker',
      'Hub; `*.example.com` allows subdomains; `ghcr.io/my-org` allows one organisation). Build stages are',
      'judged too, since their images run during the build. The examples below run with',
      '`trustedRegistries: ["docker.io", "gcr.io"]`.',
    ].join('\n'),
    examples: {
      invalid: ['FROM quay.io/prometheus/busybox:latest\nUSER nobody\n'],
      valid: ['FROM node:20-slim\nUSER node\n', 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\n'],
    },
    exampleOptions: EXAMPLE_OPTIONS,
    differences: [
      'Like hadolint, scratch and earlier stages are never reported and all spellings of Docker Hub count as',
      '`docker.io`. Also judged: images named by `COPY --from=<image>` and `RUN --mount=from=<image>`, which',
      'hadolint does not check; and entries may name a path prefix (`ghcr.io/my-org`).',
    ].join(' '),
  },
  fix: {
    availability: 'never',
    safety: 'unsafe',
    reason: 'The same image may not exist in a trusted registry, and only the author knows the mirror to use.',
  },
  create(context) {
    const entries = trustedRegistries(context.options.trustedRegistries);
    if (!entries) return {};
    const stageNames = new Set(context.model.stages.map((stage) => stage.name?.toLowerCase()).filter((name): name is string => !!name));
    const checkReference = (text: string, range: Range) => {
      if (/^\d+$/.test(text) || stageNames.has(text.toLowerCase()) || text.includes('$')) return;
      report(context, parseImageRef(text, range), entries);
    };
    return {
      stage(stage) {
        if (stage.baseStage || stage.base.isScratch || stage.base.hasUnresolvedVariables) return;
        report(context, stage.base, entries);
      },
      COPY(copy) {
        const from = copy.flags.find((flag) => flag.name === 'from');
        if (from?.value && from.valueRange) checkReference(from.value, from.valueRange);
      },
      RUN(run) {
        for (const flag of run.flags) {
          const image = flag.name === 'mount' ? flag.options.from : undefined;
          if (image && flag.value && flag.valueRange && !image.includes('$')) checkReference(image, optionRange(flag.value, flag.valueRange, `from=${image}`));
        }
      },
    };
  },
});

function report(context: RuleContext, ref: ImageRef, entries: readonly string[]): void {
  if (ref.isScratch || isTrusted(ref, entries)) return;
  context.report({
    range: ref.range,
    message: `${ref.resolved} comes from ${registryOf(ref)}, which is not in trustedRegistries (${entries.join(', ')}): pull it from a trusted registry or mirror`,
  });
}

/** The range of `from=<image>`'s image inside a one-line flag value; the whole value otherwise. */
function optionRange(value: string, valueRange: Range, option: string): Range {
  const at = value.indexOf(option);
  if (at === -1 || valueRange.start.line !== valueRange.end.line) return valueRange;
  const start = valueRange.start.character + at + 'from='.length;
  return { start: { line: valueRange.start.line, character: start }, end: { line: valueRange.start.line, character: start + option.length - 'from='.length } };
}
