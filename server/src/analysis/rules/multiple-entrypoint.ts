import { defineRule } from '../rule';
import { OVERRIDDEN_FIX_REASON, overriddenReports } from './support/correctness-duplicates';

export default defineRule({
  id: 'multiple-entrypoint',
  code: 'LW304',
  aliases: { hadolint: 'DL4004', buildkit: 'MultipleInstructionsDisallowed' },
  category: 'correctness',
  severity: 'warning',
  appliesTo: 'all-stages',
  docs: {
    summary: 'More than one ENTRYPOINT in a stage: only the last one has any effect.',
    rationale: [
      'An image has one entrypoint. Each ENTRYPOINT replaces the one before it (and resets CMD inherited from',
      'the base image), so an earlier ENTRYPOINT is dead code. Put set-up steps in one entrypoint script',
      'that ends with `exec "$@"`.',
    ].join('\n'),
    examples: {
      invalid: ['FROM alpine:3.20\nENTRYPOINT ["echo", "Hello, Norway!"]\nENTRYPOINT ["echo", "Hello, Sweden!"]\n'],
      valid: ['FROM alpine:3.20\nENTRYPOINT ["echo", "Hello, Norway! Hello, Sweden!"]\n'],
    },
    differences: [
      'Reports the earlier ENTRYPOINTs (the ones without effect), as BuildKit does; hadolint reports the later',
      'ones. BuildKit calls this MultipleInstructionsDisallowed, a name shared with multiple-cmd and its sibling rule.',
    ].join(' '),
  },
  fix: { availability: 'sometimes', safety: 'unsafe', reason: OVERRIDDEN_FIX_REASON },
  create(context) {
    return {
      stage(stage) {
        for (const report of overriddenReports(stage, 'ENTRYPOINT')) context.report(report);
      },
    };
  },
});
