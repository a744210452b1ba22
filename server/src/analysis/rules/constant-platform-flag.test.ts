import { testRule } from '../testing/rule-tester';
import rule from './constant-platform-flag';

testRule(rule, {
  valid: [
    { name: 'BuildKit: the default platform', code: 'FROM alpine AS base\nRUN apk add --no-cache git\n' },
    { name: 'BuildKit: a meta variable', code: 'FROM --platform=${BUILDPLATFORM} alpine AS base\n' },
    {
      name: 'BuildKit: per-architecture stages',
      code: 'FROM --platform=linux/amd64 alpine AS build_amd64\nFROM --platform=linux/arm64 alpine AS build_arm64\nFROM build_${TARGETARCH} AS build\n',
    },
  ],
  invalid: [
    {
      name: 'BuildKit: a constant',
      code: 'FROM --platform=linux/amd64 alpine AS base\nRUN apk add --no-cache git\n',
      errors: [{ message: /^FROM --platform flag should not use constant value "linux\/amd64": it pins this stage/, line: 1, column: 17, endColumn: 28 }],
    },
    { name: 'an unnamed stage, CRLF', code: 'FROM --platform=linux/arm64/v8 debian:12\r\n', errors: [{ line: 1, column: 17 }] },
  ],
});
