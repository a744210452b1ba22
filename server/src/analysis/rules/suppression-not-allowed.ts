// Suppressions live in the engine, so the engine reports this rule's findings itself (see engine.ts,
// disallowedSuppressionFindings): this file holds the rule's metadata and the wording of its finding.
import { defineRule, type Report } from '../rule';
import type { Suppression } from '../suppressions';

const SCOPE_WORDS: Record<Suppression['scope'], string> = {
  instruction: 'the next instruction',
  stage: 'the rest of the stage',
  file: 'the whole file',
};

export function suppressionNotAllowedReport(suppression: Suppression): Report {
  const names = suppression.names.join(', ');
  return {
    range: suppression.range,
    message: `Suppressions are not allowed in this project: this comment would silence ${names} for ${SCOPE_WORDS[suppression.scope]}; fix the finding instead`,
  };
}

export default defineRule({
  id: 'suppression-not-allowed',
  code: 'LW501',
  aliases: { hadolint: 'DL1001' },
  category: 'style',
  severity: 'warning',
  appliesTo: 'all-stages',
  docs: {
    summary: 'With `layerwise.allowSuppressions: false`, every suppression comment is reported instead of honoured.',
    rationale: [
      'Some teams forbid silencing the linter: a finding must be fixed, or the rule turned off for everyone',
      'in the shared configuration where a reviewer sees it. With the setting `layerwise.allowSuppressions`',
      'set to `false` (or `disable-ignore-pragma: true` in `.hadolint.yaml`), `# layerwise ignore=…`,',
      '`# layerwise stage ignore=…`, `# layerwise global ignore=…`, the same `# hadolint …` comments and',
      "BuildKit's `# check=skip=…` no longer silence anything, and each one is reported by this rule.",
      'With the default setting this rule reports nothing.',
    ].join('\n'),
    differences: [
      "hadolint's DL1001 reports only `# hadolint ignore=` comments and still honours them; this rule",
      'reports every kind of suppression, and the suppressions it reports are not honoured.',
    ].join('\n'),
    examples: {
      invalid: ['FROM alpine:3.20\n# hadolint ignore=DL3018\nRUN apk add --no-cache curl\n'],
      valid: ['FROM alpine:3.20\nRUN apk add --no-cache curl=8.14.1-r2\n'],
    },
    exampleOptions: { allowSuppressions: false },
  },
  fix: {
    availability: 'never',
    safety: 'suggestion',
    reason: 'Deleting the comment brings back the finding it silenced, which needs a real fix.',
  },
  create() {
    return {};
  },
});
