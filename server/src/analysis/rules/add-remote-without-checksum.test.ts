import { testRule } from '../testing/rule-tester';
import rule from './add-remote-without-checksum';

const SHA = '24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d';

testRule(rule, {
  valid: [
    { name: 'a checksum', code: `FROM alpine:3.20\nADD --checksum=sha256:${SHA} https://example.com/tool.tgz /opt/\n` },
    { name: 'local files are LW201\'s', code: 'FROM alpine:3.20\nADD app.py /app/\nADD rootfs.tar.gz /\n' },
    { name: 'a git source pinned to a commit', code: 'FROM alpine:3.20\nADD https://github.com/example/repo.git#0123456789abcdef0123456789abcdef01234567 /src\n' },
    { name: 'a git source with --checksum', code: 'FROM alpine:3.20\nADD --checksum=0123456789abcdef0123456789abcdef01234567 git@github.com:example/repo.git /src\n' },
    { name: 'a URL given by a variable is not judged', code: 'FROM alpine:3.20\nARG URL=https://example.com/a\nADD $URL /opt/\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nADD https://example.com/tool.tgz /opt/\n',
      errors: [
        {
          message: 'ADD downloads https://example.com/tool.tgz without a checksum: add `--checksum=sha256:…` so a changed download fails the build',
          line: 2,
          column: 5,
          endColumn: 33,
        },
      ],
      output: null,
    },
    {
      name: 'git sources: a tag is not a pin',
      code: 'FROM alpine:3.20\nADD https://github.com/example/repo.git#v1.0 /src\nADD git@github.com:example/repo.git /src2\n',
      errors: [
        { message: /^ADD clones https:\/\/github.com\/example\/repo.git#v1.0 without a checksum: pin the commit/, line: 2 },
        { message: /^ADD clones git@github.com:example\/repo.git/, line: 3 },
      ],
      output: null,
    },
    {
      name: 'each remote source of one ADD; JSON form; other flags do not help',
      code: 'FROM alpine:3.20\nADD --chmod=755 ["https://example.com/a", "ftp://example.com/b", "/opt/"]\n',
      errors: [{ line: 2, column: 18, endColumn: 41 }, { line: 2, column: 43 }],
      output: null,
    },
    {
      name: 'build stages are judged too; ONBUILD',
      code: 'FROM golang:1.22 AS build\nADD https://example.com/go.tgz /tmp/\nFROM alpine:3.20\nONBUILD ADD https://example.com/x /x\n',
      errors: [{ line: 2 }, { line: 4, column: 13 }],
      output: null,
    },
    {
      name: 'escape=` and CRLF',
      code: '# escape=`\r\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\r\nADD https://example.com/setup.exe `\r\n    C:\\setup.exe\r\n',
      errors: [{ line: 3, column: 5, endColumn: 34 }],
      output: null,
    },
  ],
});
