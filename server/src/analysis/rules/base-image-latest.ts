import { defineRule } from '../rule';
import { latestTagRange, pinnableBase } from './support/base-images';

export default defineRule({
  id: 'base-image-latest',
  code: 'LW402',
  aliases: { hadolint: 'DL3007', trivy: 'AVD-DS-0001', checkov: 'CKV_DOCKER_7' },
  category: 'reproducibility',
  severity: 'warning',
  appliesTo: 'all-stages',
  docs: {
    summary: 'A base image pinned to `latest`.',
    rationale: [
      '`latest` is a moving tag: it changes whenever the image publishes a new version, including major',
      'versions. Builds stop being reproducible, a deploy tool cannot see that anything changed, and there is',
      'no version to roll back to. Pin a version tag, or add a digest (`image:latest@sha256:…`) to freeze it.',
    ].join('\n'),
    examples: {
      invalid: ['FROM python:latest\nCMD ["python", "-m", "http.server"]\n'],
      valid: [
        'FROM python:3.12-slim\nCMD ["python", "-m", "http.server"]\n',
        'FROM python:latest@sha256:4f8e1a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7\nCMD ["python"]\n',
      ],
    },
    differences: 'A `latest` tag with a digest is accepted: the digest pins the image.',
  },
  fix: {
    availability: 'never',
    safety: 'suggestion',
    reason: 'Which version you want cannot be guessed: pick the tag you test with.',
  },
  create(context) {
    return {
      stage(stage) {
        const base = pinnableBase(stage);
        if (!base || base.tag !== 'latest' || base.digest !== null) return;
        context.report({
          range: latestTagRange(stage) ?? base.range,
          message: `\`${base.resolved}\` follows whatever \`latest\` points to at build time: pin a version tag (or a digest)`,
        });
      },
    };
  },
});
