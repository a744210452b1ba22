import { testRule } from '../testing/rule-tester';
import rule from './copy-from-unknown-stage';

testRule(rule, {
  valid: [
    { name: 'hadolint: a correctly defined alias', code: 'FROM scratch as build\nRUN foo\nFROM node\nCOPY --from=build foo .\nRUN baz\n' },
    { name: 'an image with a tag', code: 'FROM alpine:3.20\nCOPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/\n' },
    { name: 'an image with a registry path or digest', code: `FROM alpine:3.20\nCOPY --from=docker/buildx-bin /buildx /usr/bin/\nCOPY --from=busybox@sha256:${'a'.repeat(64)} /bin/sh /bin/\n` },
    { name: 'an earlier stage by index', code: 'FROM golang:1.22\nRUN go build -o /app .\nFROM scratch\nCOPY --from=0 /app /app\n' },
    { name: 'names compare without case', code: 'FROM golang:1.22 AS Build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\n' },
    { name: 'a variable', code: 'ARG SRC=build\nFROM golang:1.22 AS build\nFROM scratch\nCOPY --from=${SRC} /app /app\n' },
    { name: 'RUN --mount from an earlier stage', code: 'FROM alpine:3.20 AS deps\nFROM alpine:3.20\nRUN --mount=type=bind,from=deps,target=/deps ls /deps\n' },
    { name: 'ONBUILD names a stage of another build', code: 'FROM alpine:3.20\nONBUILD COPY --from=build /app /app\n' },
    { name: 'its own stage is copy-from-own-stage\'s finding', code: 'FROM alpine:3.20 AS build\nCOPY --from=build /a /b\n' },
  ],
  invalid: [
    {
      name: 'hadolint: a missing alias',
      code: 'FROM alpine:3.20\nCOPY --from=foo bar .\n',
      errors: [{ message: /^No stage named 'foo' is defined above: COPY --from will pull an image called 'foo'/, line: 2, column: 13, endColumn: 16 }],
      output: null,
    },
    {
      name: 'hadolint: an alias defined after',
      code: 'FROM scratch\nCOPY --from=build foo .\nFROM node:20 as build\nRUN baz\n',
      errors: [{ message: /^Stage 'build' is defined later \(line 3\)/, line: 2, column: 13 }],
      output: null,
    },
    {
      name: 'a typo of an earlier stage, with a fix',
      code: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=biuld /app /app\n',
      errors: [{ message: /did you mean 'build'\?/, line: 4, column: 13, endColumn: 18 }],
      output: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\n',
    },
    {
      name: 'an index out of range, and a later index',
      code: 'FROM alpine:3.20\nCOPY --from=5 /a /a\nCOPY --from=1 /b /b\nFROM alpine:3.20\n',
      errors: [{ message: /^There is no stage 5/, line: 2 }, { message: /^Stage 1 is defined later \(line 4\)/, line: 3 }],
      output: null,
    },
    {
      name: 'RUN --mount=from, CRLF and a backtick escape',
      code: '# escape=`\r\nFROM alpine:3.20\r\nRUN --mount=type=cache,target=/c `\r\n    --mount=from=tools,target=/t ls /t\r\nFROM alpine:3.20 AS tools\r\n',
      errors: [{ message: /^Stage 'tools' is defined later \(line 5\): RUN --mount=from only reads/, line: 4, column: 18, endColumn: 23 }],
      output: null,
    },
  ],
});
