import { defineRule } from '../rule';
import { pinnableBase } from './support/base-images';

export default defineRule({
  id: 'base-image-untagged',
  code: 'LW401',
  aliases: { hadolint: 'DL3006' },
  category: 'reproducibility',
  severity: 'warning',
  appliesTo: 'all-stages',
  docs: {
    summary: 'A base image without a tag or digest.',
    rationale: [
      'Without a tag, `FROM node` means `node:latest`: whatever the registry serves on the day of the build.',
      'Two builds of the same commit can get different runtimes, a deploy tool cannot see that anything',
      'changed, and there is no version to roll back to. Pin a version tag (`node:20-slim`), or a digest for',
      'fully reproducible builds.',
    ].join('\n'),
    examples: {
      invalid: ['FROM python\nCMD ["python", "-m", "http.server"]\n'],
      valid: [
        'FROM python:3.12-slim\nCMD ["python", "-m", "http.server"]\n',
        'FROM python@sha256:4f8e1a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7\nCMD ["python"]\n',
        'FROM golang:1.25 AS build\nRUN go build -o /app .\nFROM build\nCMD ["/app"]\n',
      ],
    },
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
        if (!base || base.tag !== null || base.digest !== null) return;
        context.report({
          range: base.range,
          message: `\`${base.resolved}\` has no tag, so every build may get a different image: pin a version tag (or a digest)`,
        });
      },
    };
  },
});
