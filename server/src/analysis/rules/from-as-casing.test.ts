import { testRule } from '../testing/rule-tester';
import rule from './from-as-casing';

testRule(rule, {
  valid: [
    { name: 'BuildKit: both upper case', code: 'FROM debian:latest AS deb-builder\n' },
    { name: 'BuildKit: both lower case', code: 'from debian:latest as deb-builder\n' },
    { name: 'a mixed-case FROM is consistent-instruction-casing\'s', code: 'From debian:12 as builder\n' },
    { name: 'no stage name', code: 'FROM debian:12\n' },
  ],
  invalid: [
    {
      name: 'BuildKit: FROM upper, as lower',
      code: 'FROM debian:latest as builder\n',
      errors: [{ message: "Write 'AS' to match 'FROM': 'as' and 'FROM' are cased differently.", line: 1, column: 20, endColumn: 22 }],
      output: 'FROM debian:latest AS builder\n',
    },
    {
      name: 'lower FROM with As, with a platform flag, CRLF',
      code: 'from --platform=$BUILDPLATFORM golang:1.22 As build\r\n',
      errors: [{ message: /^Write 'as' to match 'from'/, column: 44 }],
      output: 'from --platform=$BUILDPLATFORM golang:1.22 as build\r\n',
    },
  ],
});
