import { testRule } from '../testing/rule-tester';
import rule from './apk-package-unpinned';

const CURL =
  'Pin `curl` to a version (`curl=<version>` or `curl~<major.minor>`): unpinned, each build installs whatever the repository has that day';

testRule(rule, {
  valid: [
    // What hadolint accepts for DL3018.
    'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r1 git~2.45\n',
    { name: 'local .apk files', code: 'FROM alpine:3.20\nRUN apk add --allow-untrusted /tmp/pkg-1.0-r0.apk ./other.apk\n' },
    { name: 'the --virtual name is not a package', code: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc=13.2.1_git20240309-r0\n' },
    { name: 'the -t name is not a package', code: 'FROM alpine:3.20\nRUN apk add -t .deps gcc=13.2.1_git20240309-r0\n' },
    {
      name: 'the repository URL is not a package',
      code: 'FROM alpine:3.20\nRUN apk add --repository https://dl-cdn.alpinelinux.org/alpine/edge/community nodejs=22.9.0-r0\n',
    },
    { name: 'comparisons', code: "FROM alpine:3.20\nRUN apk add 'curl>8' 'git<3'\n" },
    { name: 'variables', code: 'FROM alpine:3.20\nARG V\nRUN apk add curl=$V "$PKGS" ${EXTRA}\n' },
    { name: 'so: library names', code: 'FROM alpine:3.20\nRUN apk add so:libssl.so.3\n' },
    { name: 'other subcommands', code: 'FROM alpine:3.20\nRUN apk del curl && apk upgrade && apk info git\n' },
    { name: 'a --virtual name on its own continuation line', code: 'FROM alpine:3.20\nRUN apk \\\n  add \\\n  --no-cache \\\n  --virtual buildonly \\\n  git~=2.38\n' },
    { name: 'after set -ex;', code: 'FROM alpine:3.20\nRUN set -ex; apk add --no-cache ca-certificates=20240705-r0\n' },
    { name: 'a downloaded .apk', code: 'FROM alpine:3.20\nRUN apk add --allow-untrusted glibc-2.35-r1.apk\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
      errors: [{ message: CURL, line: 2, column: 24, endColumn: 28 }],
      output: null,
    },
    {
      name: 'each unpinned package, after a --virtual name',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev=1.2.5-r0 make\n',
      errors: [{ message: /^Pin `gcc`/, column: 46, endColumn: 49 }, { message: /^Pin `make`/, column: 68 }],
      output: null,
    },
    {
      name: 'a build stage and ONBUILD triggers',
      code: 'FROM alpine:3.20 AS build\nRUN apk add --no-cache curl\nFROM alpine:3.20\nONBUILD RUN apk add --no-cache curl\n',
      errors: [{ message: CURL, line: 2 }, { message: CURL, line: 4, column: 32 }],
      output: null,
    },
    {
      name: 'heredoc, CRLF',
      code: 'FROM alpine:3.20\r\nRUN <<EOF\r\napk add --no-cache curl\r\nEOF\r\n',
      errors: [{ message: CURL, line: 3, column: 20, endColumn: 24 }],
      output: null,
    },
    {
      name: 'escape=`',
      code: '# escape=`\nFROM alpine:3.20\nRUN apk add --no-cache `\n    curl\n',
      errors: [{ message: CURL, line: 4, column: 5 }],
      output: null,
    },
  ],
});
