import { testRule } from '../testing/rule-tester';
import rule from './add-instead-of-copy';

const USE_COPY = 'ADD of local files: use COPY (ADD also extracts archives and fetches URLs)';

testRule(rule, {
  valid: [
    'FROM alpine:3.20\nCOPY app.py /app/\n',
    { name: 'a local tar archive ADD extracts', code: 'FROM scratch\nADD rootfs.tar.xz /\n' },
    { name: 'compressed archives with any extension ADD extracts', code: 'FROM alpine:3.20\nADD vendor.tgz /opt/\nADD data.tar.bz2 /data/\n' },
    { name: 'a remote file with a checksum', code: 'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tgz /opt/\n' },
    { name: 'a source given by a variable is not judged', code: 'FROM alpine:3.20\nARG SRC\nADD $SRC /app/\n' },
    { name: 'remote and git sources are LW203\'s to judge', code: 'FROM alpine:3.20\nADD https://example.com/tool.tgz /opt/\nADD https://github.com/example/repo.git#v1.0 /src\nADD git@github.com:example/repo.git /src\n' },
  ],
  invalid: [
    {
      name: 'a lower-case file gets a lower-case COPY',
      code: 'from alpine:3.20\nadd app.py /app/\n',
      errors: [{ line: 2 }],
      output: 'from alpine:3.20\ncopy app.py /app/\n',
    },
    {
      code: 'FROM alpine:3.20\nADD app.py /app/\n',
      errors: [{ message: USE_COPY, line: 2, column: 1, endColumn: 4 }],
      output: 'FROM alpine:3.20\nCOPY app.py /app/\n',
    },
    {
      name: 'flags COPY accepts are kept; JSON form',
      code: 'FROM alpine:3.20\nADD --chown=app:app --chmod=644 ["my file.txt", "/app/"]\n',
      errors: [{ line: 2 }],
      output: 'FROM alpine:3.20\nCOPY --chown=app:app --chmod=644 ["my file.txt", "/app/"]\n',
    },
    {
      name: 'ADD-only flags: reported, no fix',
      code: 'FROM alpine:3.20\nADD --keep-git-dir=true src /src\n',
      errors: [{ message: USE_COPY }],
      output: null,
    },
    {
      name: 'build stages are judged too; ONBUILD triggers as well',
      code: 'FROM node:20 AS build\nADD package.json /app/\nFROM node:20-slim\nONBUILD ADD . /app\n',
      errors: [{ line: 2 }, { line: 4, column: 9, endColumn: 12 }],
      output: 'FROM node:20 AS build\nCOPY package.json /app/\nFROM node:20-slim\nONBUILD COPY . /app\n',
    },
    {
      name: 'escape=` and CRLF',
      code: '# escape=`\r\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\r\nADD app `\r\n    C:\\app\r\n',
      errors: [{ line: 3 }],
      output: '# escape=`\r\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\r\nCOPY app `\r\n    C:\\app\r\n',
    },
  ],
});
