import { testRule } from '../testing/rule-tester';
import rule from './copy-context-without-dockerignore';

const NO_IGNORE = { buildContext: { dockerignore: null } };

testRule(rule, {
  valid: [
    { name: 'the context is unknown', code: 'FROM alpine:3.20\nCOPY . /app\n' },
    { name: 'a .dockerignore exists', code: 'FROM alpine:3.20\nCOPY . /app\n', options: { buildContext: { dockerignore: '.git\n' } } },
    { name: 'named sources only', code: 'FROM alpine:3.20\nCOPY src/ /app/src/\nCOPY package.json /app/\n', options: NO_IGNORE },
    { name: 'COPY --from a stage', code: 'FROM alpine:3.20 AS a\nFROM alpine:3.20\nCOPY --from=a . /app\n', options: NO_IGNORE },
    { name: 'a heredoc COPY', code: 'FROM alpine:3.20\nCOPY <<EOF /app/config\nkey=value\nEOF\n', options: NO_IGNORE },
    {
      name: 'the files are known and hold nothing a .dockerignore would list',
      code: 'FROM alpine:3.20\nCOPY . /app\n',
      options: { buildContext: { dockerignore: null, files: [{ path: 'Dockerfile', bytes: 60 }, { path: 'app.py', bytes: 900 }] } },
    },
  ],
  invalid: [
    {
      name: 'COPY . . with no .dockerignore',
      code: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\n',
      options: NO_IGNORE,
      errors: [
        {
          message: '`COPY .` copies the whole build context and there is no .dockerignore; add a .dockerignore that leaves out what the image does not need',
          line: 3,
          column: 6,
          endColumn: 7,
        },
      ],
    },
    {
      name: 'reported once per file, with what the context holds and its size',
      code: 'FROM node:20 AS build\nCOPY ./ /src\nFROM node:20-slim\nADD . /app\n',
      options: {
        buildContext: {
          dockerignore: null,
          files: [
            { path: '.git/objects/pack/p.pack', bytes: 40_000_000 },
            { path: 'node_modules/a/index.js', bytes: 2_000_000 },
            { path: '.env', bytes: 100 },
            { path: 'server.js', bytes: 1000 },
          ],
        },
      },
      errors: [{ message: '`COPY ./` copies the whole build context and there is no .dockerignore: `.git`, `node_modules`, `.env` (~42 MB) would end up in the image; add a .dockerignore that leaves out what the image does not need', line: 2 }],
    },
    {
      name: 'JSON form, CRLF, escape=`',
      code: '# escape=`\r\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\r\nCOPY [".", "C:/app/"]\r\n',
      options: NO_IGNORE,
      errors: [{ line: 3, column: 7, endColumn: 10 }],
    },
    { name: 'COPY * copies every top-level entry', code: 'FROM alpine:3.20\nCOPY * /app/\n', options: NO_IGNORE, errors: [{ line: 2 }] },
    { name: 'ONBUILD COPY . (all stages are judged)', code: 'FROM alpine:3.20\nONBUILD COPY . /app\n', options: NO_IGNORE, errors: [{ line: 2 }] },
  ],
});
