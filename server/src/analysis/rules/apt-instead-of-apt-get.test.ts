import { testRule } from '../testing/rule-tester';
import rule from './apt-instead-of-apt-get';

const MESSAGE = '`apt` is meant for people, not scripts (its CLI is not stable): use `apt-get`';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl\n',
    { name: 'apt as an argument or in a path is not the program', code: 'FROM debian:12-slim\nRUN echo apt && ls /etc/apt && apt-cache policy curl\n' },
  ],
  invalid: [
    {
      name: 'hadolint example',
      code: 'FROM debian:12-slim\nRUN apt install -y python3\n',
      errors: [{ message: MESSAGE, line: 2, column: 5, endColumn: 8 }],
      output: 'FROM debian:12-slim\nRUN apt-get install -y python3\n',
    },
    {
      name: 'through sudo; full-upgrade becomes dist-upgrade; search goes to apt-cache',
      code: 'FROM debian:12-slim\nRUN sudo apt update && apt full-upgrade -y && apt search curl\n',
      errors: [{ line: 2, column: 10 }, { line: 2, column: 24 }, { line: 2, message: '`apt` is meant for people, not scripts (its CLI is not stable): use `apt-cache`' }],
      output: 'FROM debian:12-slim\nRUN sudo apt-get update && apt-get dist-upgrade -y && apt-cache search curl\n',
    },
    {
      name: 'apt upgrade: only an unsafe fix',
      code: 'FROM debian:12-slim\nRUN apt upgrade -y\n',
      errors: [{ line: 2 }],
      output: 'FROM debian:12-slim\nRUN apt-get upgrade -y\n',
    },
    {
      name: 'apt list has no script equivalent: no fix; heredoc',
      code: 'FROM debian:12-slim\nRUN <<EOF\napt list --installed\nEOF\n',
      errors: [{ line: 3, column: 1 }],
      output: null,
    },
    {
      name: 'ONBUILD and CRLF',
      code: 'FROM debian:12-slim\r\nONBUILD RUN apt remove -y curl\r\n',
      errors: [{ line: 2, column: 13 }],
      output: 'FROM debian:12-slim\r\nONBUILD RUN apt-get remove -y curl\r\n',
    },
  ],
});
