import { testRule } from '../testing/rule-tester';
import rule from './chmod-world-writable';

testRule(rule, {
  valid: [
    { name: 'a specific folder the app writes', code: 'FROM php:8.3-apache\nRUN chmod -R 777 /var/www/html/storage /app/uploads\n' },
    { name: '/tmp-like folders; the sticky bit', code: 'FROM debian:12-slim\nRUN chmod 777 /tmp && chmod 1777 /app\n' },
    { name: 'modes others cannot write with', code: 'FROM debian:12-slim\nRUN chmod -R 755 /app && chmod 775 /usr/local/bin && chmod +w /app && chmod u+w,g+w /etc && chmod o-w /\n' },
    { name: 'a relative path that is not the WORKDIR', code: 'FROM debian:12-slim\nWORKDIR /app\nRUN chmod 777 data\n' },
    { name: '. without a WORKDIR', code: 'FROM debian:12-slim\nRUN chmod 777 .\n' },
    { name: 'build stages do not ship', code: 'FROM debian:12-slim AS build\nRUN chmod -R 777 /app\nFROM debian:12-slim\nCOPY --from=build /app/bin /usr/local/bin/tool\n' },
    { name: 'variables', code: 'FROM debian:12-slim\nARG DIR=/app\nRUN chmod 777 $DIR\n' },
  ],
  invalid: [
    {
      code: 'FROM node:20-slim\nWORKDIR /app\nRUN chmod -R 777 /app\n',
      errors: [
        {
          message: 'chmod 777 makes /app writable by every user in the container: give the app user ownership of what it writes (COPY --chown, chown) and keep 755/644',
          line: 3,
          column: 14,
          endColumn: 17,
        },
      ],
      output: null,
    },
    {
      name: 'symbolic modes; system trees; the WORKDIR as .',
      code: 'FROM debian:12-slim\nWORKDIR /srv/app\nRUN chmod a+rwx /usr/local/bin && chmod -R o+w . && chmod 0666 /etc/passwd && chmod ugo=rwx /var/www/html\n',
      errors: [
        { message: /^chmod a\+rwx makes \/usr\/local\/bin writable/ },
        { message: /^chmod o\+w makes \. writable/ },
        { message: /^chmod 0666 makes \/etc\/passwd writable/ },
        { message: /^chmod ugo=rwx makes \/var\/www\/html writable/ },
      ],
      output: null,
    },
    {
      name: 'everything under /app; sudo; heredoc',
      code: 'FROM debian:12-slim\nRUN <<EOF\nsudo chmod -R 777 /app/*\nEOF\n',
      errors: [{ line: 3, column: 15 }],
      output: null,
    },
    {
      name: 'the stage the shipped one is built on; CRLF',
      code: 'FROM debian:12-slim AS base\r\nRUN chmod -R 777 /\r\nFROM base\r\n',
      errors: [{ line: 2 }],
      output: null,
    },
  ],
});
