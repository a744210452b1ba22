import { defineRule } from '../rule';
import { OVERRIDDEN_FIX_REASON, overriddenReports } from './support/correctness-duplicates';

export default defineRule({
  id: 'multiple-cmd',
  code: 'LW303',
  aliases: { hadolint: 'DL4003', buildkit: 'MultipleInstructionsDisallowed' },
  category: 'correctness',
  severity: 'warning',
  appliesTo: 'all-stages',
  docs: {
    summary: 'More than one CMD in a stage: only the last one has any effect.',
    rationale: [
      'An image has one default command. Each CMD replaces the one before it, so an earlier CMD is dead code',
      'that misleads the reader into thinking two things start. To run several processes, start them from one',
      'script (or better, one process per container).',
    ].join('\n'),
    examples: {
      invalid: ['FROM python:3.12-slim\nCMD ["python", "worker.py"]\nCMD ["python", "app.py"]\n'],
      valid: [
        'FROM python:3.12-slim\nCMD ["python", "app.py"]\n',
        'FROM python:3.12-slim\nHEALTHCHECK CMD ["python", "check.py"]\nCMD ["python", "app.py"]\n',
      ],
    },
    differences: [
      'Reports the earlier CMDs (the ones without effect), as BuildKit does; hadolint reports the later ones.',
      'BuildKit\'s MultipleInstructionsDisallowed also covers ENTRYPOINT and HEALTHCHECK, which are the rules',
      'multiple-entrypoint and multiple-healthcheck here; all three answer to that name, so',
      '`# check=skip=MultipleInstructionsDisallowed` turns all three off.',
    ].join(' '),
  },
  fix: { availability: 'sometimes', safety: 'unsafe', reason: OVERRIDDEN_FIX_REASON },
  create(context) {
    return {
      stage(stage) {
        for (const report of overriddenReports(stage, 'CMD')) context.report(report);
      },
    };
  },
});
