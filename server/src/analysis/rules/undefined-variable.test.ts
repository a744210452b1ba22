import { testRule } from '../testing/rule-tester';
import rule from './undefined-variable';

testRule(rule, {
  valid: [
    { name: 'BuildKit: foo declared', code: 'FROM alpine AS base\nARG foo\nCOPY $foo .\n' },
    { name: 'BuildKit: the base image defines PYTHON_VERSION', code: 'FROM python AS base\nARG VERSION=$PYTHON_VERSION\n' },
    { name: 'PATH is always defined', code: 'FROM scratch\nENV PATH=/app:$PATH\n' },
    { name: 'RUN is expanded by the shell', code: 'FROM scratch\nRUN echo $NOPE\n' },
    { name: 'exec-form CMD is not expanded', code: 'FROM alpine:3.20\nCMD ["echo", "$NOPE"]\n' },
    { name: 'defaults and alternatives', code: 'FROM scratch\nCOPY ${SRC:-.} /app\nLABEL a=${X:+set} b=${Y:?required}\n' },
    { name: 'escaped and single-quoted', code: "FROM scratch\nLABEL a=\\$NOPE b='$NOPE'\n" },
    { name: 'unknown base image: a name it may set', code: 'FROM node:20-slim\nWORKDIR /srv/$APP_NAME\n' },
    { name: 'unknown base image: HOME is common', code: 'FROM node:20-slim\nENV HOMER=1\nWORKDIR $HOME/app\n' },
    { name: 'inherited ENV from the base stage', code: 'FROM scratch AS base\nENV APP=/app\nFROM base\nWORKDIR $APP\n' },
    { name: 'proxy ARGs are predefined', code: 'FROM scratch\nENV http_proxy=$HTTP_PROXY\n' },
    { name: 'a global ARG re-declared', code: 'ARG V=1\nFROM alpine:3.20\nARG V\nLABEL version=$V\n' },
    { name: 'the same ENV is env-self-reference\'s', code: 'FROM scratch\nENV A=1 B=$A\n' },
    { name: 'ONBUILD runs in another build', code: 'FROM scratch\nONBUILD COPY $SRC /app\n' },
    { name: 'heredocs are not judged', code: 'FROM alpine:3.20\nCOPY <<EOF /etc/x\n$NOPE\nEOF\n' },
  ],
  invalid: [
    {
      name: 'no near-miss suggestion of a name `$NAME` cannot refer to (`ENV $VAR` defines "$VAR")',
      code: 'FROM alpine:3.20\nENV $VAR\nLABEL x=$VAR\n',
      errors: [
        { message: "Usage of undefined variable '$VAR': it expands to an empty string. Define it with ARG or ENV before this line.", line: 2 },
        { message: "Usage of undefined variable '$VAR': it expands to an empty string. Define it with ARG or ENV before this line.", line: 3 },
      ],
      output: null,
    },
    {
      name: 'BuildKit: $foo undefined (scratch: the whole ENV is known)',
      code: 'FROM scratch AS base\nCOPY $foo .\n',
      errors: [{ message: "Usage of undefined variable '$foo': it expands to an empty string. Define it with ARG or ENV before this line.", line: 2, column: 6, endColumn: 10 }],
      output: null,
    },
    {
      name: 'BuildKit: $foo in an ARG default (alpine: only PATH)',
      code: 'FROM alpine AS base\nARG VERSION=$foo\n',
      errors: [{ message: /^Usage of undefined variable '\$foo'/, column: 13 }],
      output: null,
    },
    {
      name: 'BuildKit: $PAHT, did you mean $PATH',
      code: 'FROM alpine\nENV PATH=$PAHT:/app/bin\n',
      errors: [{ message: "Usage of undefined variable '$PAHT' (did you mean '$PATH'?): it expands to an empty string. Define it with ARG or ENV before this line.", column: 10 }],
      output: 'FROM alpine\nENV PATH=$PATH:/app/bin\n',
    },
    {
      name: 'unknown base image: a near-miss of a defined variable',
      code: 'FROM node:20-slim\nENV APP_HOME=/srv/app\nWORKDIR ${APP_HOEM}\n',
      errors: [{ message: /did you mean '\$APP_HOME'/, line: 3, column: 9, endColumn: 20 }],
      output: 'FROM node:20-slim\nENV APP_HOME=/srv/app\nWORKDIR ${APP_HOME}\n',
    },
    {
      name: 'a global ARG not re-declared, CRLF',
      code: 'ARG VERSION=1.4.2\r\nFROM node:20-slim\r\nCOPY dist/app-$VERSION.tgz /opt/\r\n',
      errors: [{ message: "'$VERSION' is a global ARG (line 1), which a stage does not see: add `ARG VERSION` after this stage's FROM.", line: 3 }],
      output: null,
    },
    {
      name: 'a platform ARG not declared in the stage',
      code: 'FROM --platform=$BUILDPLATFORM golang:1.22\nCOPY bin/$TARGETARCH/app /app\n',
      errors: [{ message: /^'\$TARGETARCH' is empty inside a stage until declared: add `ARG TARGETARCH`/ }],
      output: null,
    },
    {
      name: 'defined only later (backtick escape, continuation)',
      code: '# escape=`\nFROM node:20-slim\nLABEL a=1 `\n  b=$BUILD_ID\nARG BUILD_ID\n',
      errors: [{ message: /^'\$BUILD_ID' is used before it is defined \(line 5\)/, line: 4, column: 5 }],
      output: null,
    },
  ],
});
