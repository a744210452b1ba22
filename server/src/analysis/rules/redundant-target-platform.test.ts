import { testRule } from '../testing/rule-tester';
import rule from './redundant-target-platform';

testRule(rule, {
  valid: [
    { name: 'BuildKit: no flag', code: 'FROM alpine AS builder\nRUN apk add --no-cache git\n' },
    { name: '$BUILDPLATFORM matters', code: 'FROM --platform=$BUILDPLATFORM golang:1.22\n' },
    { name: 'a constant is constant-platform-flag\'s', code: 'FROM --platform=linux/amd64 alpine\n' },
  ],
  invalid: [
    {
      name: 'BuildKit: $TARGETPLATFORM',
      code: 'FROM --platform=$TARGETPLATFORM alpine AS builder\nRUN apk add --no-cache git\n',
      errors: [{ message: 'Setting the platform to $TARGETPLATFORM is redundant, it is the default: remove the flag.', line: 1, column: 6, endColumn: 32 }],
      output: 'FROM alpine AS builder\nRUN apk add --no-cache git\n',
    },
    {
      name: 'braces, CRLF',
      code: 'FROM --platform=${TARGETPLATFORM}  alpine:3.20\r\n',
      errors: [{ column: 6 }],
      output: 'FROM alpine:3.20\r\n',
    },
    {
      name: 'flag alone on its line (backtick escape)',
      code: '# escape=`\nFROM --platform=$TARGETPLATFORM `\n  alpine:3.20\n',
      errors: [{ line: 2 }],
      output: '# escape=`\nFROM `\n  alpine:3.20\n',
    },
  ],
});
