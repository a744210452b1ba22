import { testRule } from '../testing/rule-tester';
import rule from './reserved-stage-name';

testRule(rule, {
  valid: [
    { name: 'BuildKit: builder is not reserved', code: 'FROM alpine AS builder\n' },
    { name: 'FROM scratch itself', code: 'FROM scratch\nCOPY app /app\n' },
    { name: 'a name that contains a reserved word', code: 'FROM alpine:3.20 AS scratch-build\n' },
  ],
  invalid: [
    {
      name: 'BuildKit: scratch and context',
      code: 'FROM alpine AS scratch\nFROM alpine AS context\n',
      errors: [
        { message: "'scratch' is reserved and cannot name a stage: choose another name (for example 'scratch-stage').", line: 1, column: 16, endColumn: 23 },
        { message: /^'context' is reserved/, line: 2, column: 16 },
      ],
    },
    { name: 'any case, CRLF', code: 'FROM alpine:3.20 AS Scratch\r\n', errors: [{ message: /^'scratch' is reserved/ }] },
  ],
});
