import { testRule } from '../testing/rule-tester';
import rule from './apk-add-without-no-cache';

testRule(rule, {
  valid: [
    'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
    { name: 'flag before the subcommand', code: 'FROM alpine:3.20\nRUN apk --no-cache add curl\n' },
    { name: 'cache removed in the same RUN', code: 'FROM alpine:3.20\nRUN apk add curl && rm -rf /var/cache/apk/*\n' },
    { name: 'cache mount', code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n' },
    { name: 'cache mount on /etc/apk/cache', code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/etc/apk/cache apk add curl\n' },
    { name: 'other apk subcommands', code: 'FROM alpine:3.20\nRUN apk del curl && apk info\n' },
    {
      name: 'build stages are not judged',
      code: 'FROM alpine:3.20 AS build\nRUN apk add gcc\nRUN gcc -o /app main.c\nFROM scratch\nCOPY --from=build /app /app\n',
    },
    { name: 'ONBUILD trigger', code: 'FROM alpine:3.20\nONBUILD RUN apk add curl\n' },
    {
      name: '--no-network fetches no index (docker-library run-deps pattern)',
      code: 'FROM alpine:3.20\nRUN set -eux; \\\n\tapk add --no-cache --virtual .build-deps gcc make; \\\n\tmake install; \\\n\tapk add --no-network --virtual .rundeps so:libssl.so.3; \\\n\tapk del --no-network .build-deps\n',
    },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nRUN apk add curl\n',
      errors: [{ message: '`apk add` keeps its package index (~2 MB) in this layer: add `--no-cache`', line: 2, column: 5, endColumn: 12 }],
      output: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
    },
    {
      name: 'one finding per apk add, options before the subcommand',
      code: 'FROM alpine:3.20\nRUN apk -U add curl \\\n    && apk --quiet add --virtual .deps gcc\n',
      errors: [{ line: 2, column: 5 }, { line: 3, column: 8, endColumn: 23 }],
      output: 'FROM alpine:3.20\nRUN apk -U add --no-cache curl \\\n    && apk --quiet add --no-cache --virtual .deps gcc\n',
    },
    {
      name: 'a cleanup in another RUN does not count; the fix drops it',
      code: 'FROM alpine:3.20\nRUN apk add curl\nCOPY app /app\nRUN rm -rf /var/cache/apk/*\nCMD ["/app"]\n',
      errors: [{ line: 2 }],
      output: 'FROM alpine:3.20\nRUN apk add --no-cache curl\nCOPY app /app\nCMD ["/app"]\n',
    },
    {
      name: 'the later cleanup stays when dropping it would leave two short RUNs side by side',
      code: 'FROM alpine:3.20\nRUN apk add curl\nRUN rm -rf /var/cache/apk/*\nRUN curl --version\n',
      errors: [{ line: 2 }],
      output: 'FROM alpine:3.20\nRUN apk add --no-cache curl\nRUN rm -rf /var/cache/apk/*\nRUN curl --version\n',
    },
    {
      name: 'the later cleanup stays while another call still writes the cache',
      code: 'FROM alpine:3.20\nRUN apk update && apk add curl\nRUN rm -rf /var/cache/apk/*\n',
      errors: [{ line: 2, column: 19 }],
      output: 'FROM alpine:3.20\nRUN apk update && apk add --no-cache curl\nRUN rm -rf /var/cache/apk/*\n',
    },
    {
      name: 'heredoc',
      code: 'FROM alpine:3.20\nRUN <<EOF\napk add curl\nEOF\n',
      errors: [{ line: 3, column: 1 }],
      output: 'FROM alpine:3.20\nRUN <<EOF\napk add --no-cache curl\nEOF\n',
    },
    {
      name: 'exec form gets one more JSON string',
      code: 'FROM alpine:3.20\nRUN ["apk", "add", "curl"]\n',
      errors: [{ line: 2 }],
      output: 'FROM alpine:3.20\nRUN ["apk", "add", "--no-cache", "curl"]\n',
    },
    {
      name: 'escape=` and CRLF',
      code: '# escape=`\r\nFROM alpine:3.20\r\nRUN apk update `\r\n    && apk add curl\r\n',
      errors: [{ line: 4, column: 8 }],
      output: '# escape=`\r\nFROM alpine:3.20\r\nRUN apk update `\r\n    && apk add --no-cache curl\r\n',
    },
    {
      name: 'the stage the shipped one is built on',
      code: 'FROM node:20-alpine AS base\nRUN apk add git\nFROM base\nCMD ["node"]\n',
      errors: [{ line: 2 }],
      output: 'FROM node:20-alpine AS base\nRUN apk add --no-cache git\nFROM base\nCMD ["node"]\n',
    },
  ],
});
