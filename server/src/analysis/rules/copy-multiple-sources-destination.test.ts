import { testRule } from '../testing/rule-tester';
import rule from './copy-multiple-sources-destination';

testRule(rule, {
  valid: [
    'FROM node:20-slim\nCOPY package.json package-lock.json /app/\n',
    { name: 'hadolint: one source may go to a file path', code: 'FROM node:20-slim\nCOPY package.json /app\nCOPY --from=build /out /app\n' },
    { name: 'a destination given by a variable', code: 'FROM node:20-slim\nARG DEST=/app/\nCOPY a b $DEST\n' },
    { name: 'a heredoc source: its body is no source', code: 'FROM alpine:3.20\nCOPY <<EOF /etc/app.conf\nhello world\nEOF\n' },
    { name: 'several heredocs, ADD, and an unterminated heredoc', code: 'FROM alpine:3.20\nADD <<-eot <<two /srv\n\ta b\n\teot\nx y\ntwo\nCOPY <<EOF\nsome text\nFROM scratch\n' },
    { name: 'quoted and JSON destinations with a slash', code: 'FROM node:20-slim\nCOPY a b "/app/"\nCOPY ["a", "b", "/app/"]\n' },
  ],
  invalid: [
    {
      name: 'a destination that only ends in a quote (not a quoted word) gets the / at its end',
      code: 'FROM node:20-slim\nCOPY a b ["dist"\n',
      errors: [{ line: 2 }],
      output: 'FROM node:20-slim\nCOPY a b ["dist"/\n',
    },
    {
      name: 'hadolint example',
      code: 'FROM node:20-slim\nCOPY package.json yarn.lock my_app\n',
      errors: [{ message: 'COPY with 2 sources needs a directory destination ending in /: write my_app/', line: 2, column: 29, endColumn: 35 }],
      output: 'FROM node:20-slim\nCOPY package.json yarn.lock my_app/\n',
    },
    {
      name: 'JSON form: the slash goes inside the quotes; ADD too',
      code: 'FROM node:20-slim\nCOPY ["a.txt", "b.txt", "/app"]\nADD --chown=app a.txt b.txt "/srv"\n',
      errors: [{ line: 2 }, { line: 3, message: /^ADD with 2 sources/ }],
      output: 'FROM node:20-slim\nCOPY ["a.txt", "b.txt", "/app/"]\nADD --chown=app a.txt b.txt "/srv/"\n',
    },
    {
      name: 'ONBUILD, continuation lines and CRLF',
      code: 'FROM node:20-slim\r\nONBUILD COPY a \\\r\n    b /app\r\n',
      errors: [{ line: 3, column: 7 }],
      output: 'FROM node:20-slim\r\nONBUILD COPY a \\\r\n    b /app/\r\n',
    },
  ],
});
