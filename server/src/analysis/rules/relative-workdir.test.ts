import { testRule } from '../testing/rule-tester';
import rule from './relative-workdir';

testRule(rule, {
  valid: [
    { name: 'a path whose opening quote is not closed is a parse error, not a path to judge', code: 'FROM nginx:1.27\nWORKDIR "html\n' },
    'FROM nginx:1.27\nWORKDIR /usr/share/nginx/html\nCOPY public .\n',
    { name: 'BuildKit: relative after an absolute WORKDIR', code: 'FROM node:20-slim\nWORKDIR /app\nWORKDIR src\n' },
    { name: 'an absolute WORKDIR in the stage it is built on', code: 'FROM node:20-slim AS base\nWORKDIR /app\nFROM base\nWORKDIR dist\n' },
    { name: 'hadolint: a variable is not judged', code: 'FROM node:20-slim\nARG APP_DIR=/app\nWORKDIR $APP_DIR\nWORKDIR ${APP_DIR}/src\n' },
    { name: 'hadolint: Windows absolute paths and quotes', code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nWORKDIR C:\\app\nWORKDIR "c:/tools"\nFROM alpine:3.20\nWORKDIR "/app"\n' },
  ],
  invalid: [
    {
      name: 'only the start of the path is rewritten, so what follows it on the line stays as it was',
      code: "FROM nginx:1.27\nWORKDIR './html' . $VAR\n",
      errors: [{ line: 2 }],
      output: "FROM nginx:1.27\nWORKDIR '/html' . $VAR\n",
    },
    {
      name: 'BuildKit example',
      code: 'FROM nginx:1.27 AS web\nWORKDIR usr/share/nginx/html\nCOPY public .\n',
      errors: [{ message: "Relative WORKDIR usr/share/nginx/html depends on the base image's working directory: use an absolute path such as /usr/share/nginx/html", line: 2, column: 9, endColumn: 29 }],
      output: 'FROM nginx:1.27 AS web\nWORKDIR /usr/share/nginx/html\nCOPY public .\n',
    },
    {
      name: './ and quotes',
      code: 'FROM alpine:3.20\nWORKDIR "./app"\n',
      errors: [{ line: 2 }],
      output: 'FROM alpine:3.20\nWORKDIR "/app"\n',
    },
    {
      name: 'an absolute WORKDIR in another, unrelated stage does not count',
      code: 'FROM alpine:3.20 AS a\nWORKDIR /app\nFROM alpine:3.20\nWORKDIR app\n',
      errors: [{ line: 4 }],
      output: 'FROM alpine:3.20 AS a\nWORKDIR /app\nFROM alpine:3.20\nWORKDIR /app\n',
    },
    {
      name: 'a relative WORKDIR before one does not make a later relative one safe; CRLF',
      code: 'FROM alpine:3.20\r\nWORKDIR app\r\nWORKDIR src\r\n',
      errors: [{ line: 2 }, { line: 3 }],
      output: 'FROM alpine:3.20\r\nWORKDIR /app\r\nWORKDIR /src\r\n',
    },
  ],
});
