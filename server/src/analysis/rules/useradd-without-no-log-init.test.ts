import { testRule } from '../testing/rule-tester';
import rule from './useradd-without-no-log-init';

testRule(rule, {
  valid: [
    // hadolint's own cases for DL3046
    'FROM debian:bookworm-slim\nRUN useradd luser\n',
    'FROM debian:bookworm-slim\nRUN useradd -u 12345 luser\n',
    'FROM debian:bookworm-slim\nRUN useradd -l -u 123456 luser\n',
    'FROM debian:bookworm-slim\nRUN useradd -l luser\n',
    { name: '--no-log-init', code: 'FROM debian:bookworm-slim\nRUN useradd --no-log-init --uid 123456 luser\n' },
    { name: '-l bundled with other flags', code: 'FROM debian:bookworm-slim\nRUN useradd -rl -u 123456 luser\n' },
    { name: 'a UID from a variable is not judged', code: 'FROM debian:bookworm-slim\nARG UID=123456\nRUN useradd -u "$UID" luser\n' },
    { name: 'busybox adduser writes no lastlog', code: 'FROM alpine:3.20\nRUN adduser -D -u 123456 luser\n' },
  ],
  invalid: [
    {
      name: 'hadolint: long uid without -l',
      code: 'FROM debian:bookworm-slim\nRUN useradd -u 123456 luser\n',
      errors: [{ message: '`useradd` with UID 123456 writes ~36 MB of lastlog into the layer: add `-l` (`--no-log-init`)', line: 2, column: 5, endColumn: 12 }],
      output: 'FROM debian:bookworm-slim\nRUN useradd -l -u 123456 luser\n',
    },
    {
      name: 'OpenShift-range UID with --uid=, behind sudo, in a builder stage',
      code: 'FROM debian:bookworm-slim AS build\nRUN groupadd -g 1000 app && sudo useradd --uid=1009510000 -g app app\nFROM scratch\n',
      errors: [{ message: /^`useradd` with UID 1009510000 writes ~295 GB of lastlog/, line: 2, column: 34 }],
      output: 'FROM debian:bookworm-slim AS build\nRUN groupadd -g 1000 app && sudo useradd -l --uid=1009510000 -g app app\nFROM scratch\n',
    },
    {
      name: 'heredoc',
      code: 'FROM debian:bookworm-slim\nRUN <<EOF\nuseradd -u 200000 app\nEOF\n',
      errors: [{ line: 3, column: 1 }],
      output: 'FROM debian:bookworm-slim\nRUN <<EOF\nuseradd -l -u 200000 app\nEOF\n',
    },
    {
      name: 'ONBUILD, CRLF',
      code: 'FROM debian:bookworm-slim\r\nONBUILD RUN useradd -u 100000 app\r\n',
      errors: [{ line: 2 }],
      output: 'FROM debian:bookworm-slim\r\nONBUILD RUN useradd -l -u 100000 app\r\n',
    },
    {
      name: 'escape=` continuation',
      code: '# escape=`\nFROM debian:bookworm-slim\nRUN useradd `\n    -u 100000 app\n',
      errors: [{ line: 3 }],
      output: '# escape=`\nFROM debian:bookworm-slim\nRUN useradd -l `\n    -u 100000 app\n',
    },
  ],
});
