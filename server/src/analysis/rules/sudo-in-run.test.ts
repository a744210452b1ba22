import { testRule } from '../testing/rule-tester';
import rule from './sudo-in-run';

const MESSAGE = 'sudo in RUN: steps run as the current USER; put `USER root` before the steps that need root instead of calling sudo';

testRule(rule, {
  valid: [
    { name: 'hadolint: no sudo', code: 'FROM debian:12-slim\nRUN apt-get install -y --no-install-recommends sudo\n' },
    { name: 'sudo as a word, not a program', code: 'FROM debian:12-slim\nRUN echo sudo && grep -r sudo /etc/sudoers.d || true\n' },
    { name: 'exec form naming another program', code: 'FROM debian:12-slim\nRUN ["echo", "sudo"]\n' },
  ],
  invalid: [
    {
      name: 'no fix in exec form (removing the word would break the JSON array)',
      code: 'FROM debian:12-slim\nRUN ["sudo", "apt-get", "update"]\n',
      errors: [{ line: 2 }],
      output: null,
    },
    {
      name: 'no fix when a ( follows: without sudo, `su ( … )` reads as a function definition',
      code: 'FROM debian:12-slim\nRUN true || sudo su ( cd /app )\n',
      errors: [{ line: 2 }],
      output: null,
    },
    {
      name: 'no fix when the script does not parse cleanly',
      code: 'FROM debian:12-slim\nRUN sudo apt-get update && echo "unterminated\n',
      errors: [{ line: 2 }],
      output: null,
    },
    {
      name: 'hadolint: sudo apt-get',
      code: 'FROM debian:12-slim\nRUN sudo apt-get update\n',
      errors: [{ message: MESSAGE, line: 2, column: 5, endColumn: 9 }],
      output: 'FROM debian:12-slim\nRUN apt-get update\n',
    },
    {
      name: 'in a chain and after a pipe; by path',
      code: 'FROM debian:12-slim\nRUN apt-get update && sudo apt-get install -y --no-install-recommends curl && echo x | /usr/bin/sudo tee /etc/x\n',
      errors: [{ column: 23, endColumn: 27 }, { column: 88, endColumn: 101 }],
      output: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && echo x | tee /etc/x\n',
    },
    {
      name: 'no fix as a non-root user, or with options',
      code: 'FROM debian:12-slim\nUSER app\nRUN sudo make install\nUSER root\nRUN sudo -u app make test\n',
      errors: [{ line: 3 }, { line: 5 }],
      output: null,
    },
    {
      name: 'build stages too; the user of the stage it is built on; unknown images get no fix',
      code: 'FROM node:20 AS base\nUSER node\nFROM base AS build\nRUN sudo npm ci\nFROM example.com/custom:1\nRUN sudo ls\n',
      errors: [{ line: 4 }, { line: 6 }],
      output: null,
    },
    {
      name: 'heredoc',
      code: 'FROM debian:12-slim\nRUN <<EOF\nsudo apt-get update\nEOF\n',
      errors: [{ line: 3, column: 1, endColumn: 5 }],
      output: 'FROM debian:12-slim\nRUN <<EOF\napt-get update\nEOF\n',
    },
    {
      name: 'ONBUILD: reported, no fix',
      code: 'FROM debian:12-slim\nONBUILD RUN sudo make\n',
      errors: [{ line: 2, column: 13 }],
      output: null,
    },
    {
      name: 'a continuation line; CRLF',
      code: 'FROM debian:12-slim\r\nRUN apt-get update \\\r\n    && sudo apt-get install -y --no-install-recommends make\r\n',
      errors: [{ line: 3, column: 8 }],
      output: 'FROM debian:12-slim\r\nRUN apt-get update \\\r\n    && apt-get install -y --no-install-recommends make\r\n',
    },
  ],
});
