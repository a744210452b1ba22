import { testRule } from '../testing/rule-tester';
import rule from './env-self-reference';

testRule(rule, {
  valid: [
    { name: 'hadolint: own previous value', code: 'FROM alpine:3.20\nENV PATH=/opt/bin:$PATH\n' },
    { name: 'hadolint: defined in an earlier ENV', code: 'FROM alpine:3.20\nENV A=1\nENV A=2 B=$A\n' },
    { name: 'hadolint: a name that only starts like it', code: 'FROM alpine:3.20\nENV A=1 B=$AB\n' },
    { name: 'defined by an ARG before', code: 'FROM alpine:3.20\nARG A\nENV A=1 B=${A}\n' },
    { name: 'single quotes do not expand', code: "FROM alpine:3.20\nENV A=1 B='$A'\n" },
    { name: 'inherited from the base stage', code: 'FROM alpine:3.20 AS base\nENV A=0\nFROM base\nENV A=1 B=$A\n' },
  ],
  invalid: [
    {
      name: 'hadolint: refers to a variable set in the same ENV',
      code: 'FROM alpine:3.20\nENV A=1 B=$A\n',
      errors: [{ message: "'$A' is expanded before this ENV sets A, so it is not the value set here: move B to its own ENV after this one.", line: 2, column: 11, endColumn: 13 }],
      output: 'FROM alpine:3.20\nENV A=1\nENV B=$A\n',
    },
    {
      name: 'braces and continuation lines, CRLF',
      code: 'FROM alpine:3.20\r\nENV APP=/app \\\r\n    BIN=${APP}/bin\r\n',
      errors: [{ line: 3, column: 9 }],
      output: 'FROM alpine:3.20\r\nENV APP=/app\r\nENV BIN=${APP}/bin\r\n',
    },
    {
      name: 'a use before the definition gets no fix; ONBUILD neither',
      code: 'FROM alpine:3.20\nENV B=$A A=1\nONBUILD ENV C=1 D=$C\n',
      errors: [{ line: 2, column: 7 }, { line: 3, column: 19 }],
      output: null,
    },
  ],
});
