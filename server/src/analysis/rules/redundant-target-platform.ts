import type { DockerfileModel } from '../model-types';
import { defineRule, type Range } from '../rule';
import { offsetAt, positionAt } from '../text-edits';

export default defineRule({
  id: 'redundant-target-platform',
  code: 'LW352',
  aliases: { buildkit: 'RedundantTargetPlatform' },
  category: 'style',
  severity: 'info',
  appliesTo: 'all-stages',
  docs: {
    summary: '`FROM --platform=$TARGETPLATFORM` states the default.',
    rationale: [
      'A stage is built for the target platform unless told otherwise, so `--platform=$TARGETPLATFORM` changes',
      'nothing and only makes the reader wonder why it is there. (`$BUILDPLATFORM` is the one that matters.)',
    ].join('\n'),
    examples: {
      invalid: ['FROM --platform=$TARGETPLATFORM alpine:3.20 AS builder\nRUN apk add --no-cache git\n'],
      valid: ['FROM alpine:3.20 AS builder\nRUN apk add --no-cache git\n', 'FROM --platform=$BUILDPLATFORM golang:1.22 AS builder\nRUN go version\n'],
    },
  },
  fix: { availability: 'always', safety: 'safe' },
  create(context) {
    return {
      FROM(from) {
        const flag = from.flags.find((candidate) => candidate.name.toLowerCase() === 'platform');
        if (!flag || !/^(["']?)\$(\{TARGETPLATFORM\}|TARGETPLATFORM)\1$/.test(flag.value ?? '')) return;
        context.report({
          range: flag.range,
          message: 'Setting the platform to $TARGETPLATFORM is redundant, it is the default: remove the flag.',
          fixes: [{ title: 'Remove --platform', safety: 'safe', edits: [{ range: withTrailingBlanks(context.model, flag.range), newText: '' }] }],
        });
      },
    };
  },
});

/** The flag and the spaces after it on its line, so that `FROM --platform=… alpine` becomes `FROM alpine`. */
function withTrailingBlanks(model: DockerfileModel, range: Range): Range {
  let end = offsetAt(model.text, model.lineStarts, range.end);
  while (model.text[end] === ' ' || model.text[end] === '\t') end++;
  return { start: range.start, end: positionAt(model.lineStarts, end) };
}
