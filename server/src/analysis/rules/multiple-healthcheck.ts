import { defineRule } from '../rule';
import { OVERRIDDEN_FIX_REASON, overriddenReports } from './support/correctness-duplicates';

export default defineRule({
  id: 'multiple-healthcheck',
  code: 'LW305',
  aliases: { hadolint: 'DL3012', buildkit: 'MultipleInstructionsDisallowed' },
  category: 'correctness',
  severity: 'warning',
  appliesTo: 'all-stages',
  docs: {
    summary: 'More than one HEALTHCHECK in a stage: only the last one has any effect.',
    rationale: [
      'An image has one health check. Each HEALTHCHECK (including `HEALTHCHECK NONE`) replaces the one before',
      'it, so earlier ones are dead code and the check that really runs may not be the one you read first.',
    ].join('\n'),
    examples: {
      invalid: ['FROM busybox:1.36\nHEALTHCHECK CMD ["/bin/healthcheck"]\nHEALTHCHECK CMD ["/bin/something"]\n'],
      valid: ['FROM busybox:1.36\nHEALTHCHECK CMD ["/bin/healthcheck"]\n', 'FROM busybox:1.36\nHEALTHCHECK NONE\n'],
    },
    differences: [
      'Reports the earlier HEALTHCHECKs (the ones without effect), as BuildKit does; hadolint reports the later',
      'ones. BuildKit calls this MultipleInstructionsDisallowed, a name shared with multiple-cmd and its sibling rule.',
    ].join(' '),
  },
  fix: { availability: 'sometimes', safety: 'unsafe', reason: OVERRIDDEN_FIX_REASON },
  create(context) {
    return {
      stage(stage) {
        for (const report of overriddenReports(stage, 'HEALTHCHECK')) context.report(report);
      },
    };
  },
});
