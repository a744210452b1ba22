import { testRule } from '../testing/rule-tester';
import rule from './first-instruction-not-from';

testRule(rule, {
  valid: [
    'FROM alpine:3.20\nRUN echo hi\n',
    { name: 'directives, comments and ARGs may come first', code: '# syntax=docker/dockerfile:1\n# The base version\nARG ALPINE_VERSION=3.20\n\nFROM alpine:${ALPINE_VERSION}\n' },
    { name: 'an empty file', code: '' },
  ],
  invalid: [
    {
      name: 'hadolint example',
      code: 'LABEL org.opencontainers.image.title=app\nFROM alpine:3.20\n',
      errors: [{ message: 'LABEL before the first FROM: only ARG may come before FROM (move it into a stage)', line: 1, column: 1, endColumn: 6 }],
    },
    {
      name: 'every instruction before FROM except ARG; CRLF',
      code: 'ARG V=1\r\nENV A=b\r\nRUN echo hi\r\nFROM alpine:3.20\r\nRUN echo ok\r\n',
      errors: [{ line: 2 }, { line: 3 }],
    },
    {
      name: 'ONBUILD before FROM',
      code: 'ONBUILD RUN echo hi\nFROM alpine:3.20\n',
      errors: [{ line: 1, message: /^ONBUILD before the first FROM/ }],
    },
  ],
});
