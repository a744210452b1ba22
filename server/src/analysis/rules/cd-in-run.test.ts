import { testRule } from '../testing/rule-tester';
import rule from './cd-in-run';

testRule(rule, {
  valid: [
    'FROM golang:1.25\nWORKDIR /src\nRUN go build ./...\n',
    { name: 'a subshell keeps the cd local', code: 'FROM golang:1.25\nRUN (cd /src/tools && go build ./...) && go build ./...\n' },
    { name: 'a cd inside a compound command', code: 'FROM alpine:3.20\nRUN for d in a b; do cd /$d && make; done\n' },
    { name: 'a heredoc script is not judged', code: 'FROM alpine:3.20\nRUN <<EOF\ncd /tmp\nmake\nEOF\n' },
    { name: 'a word cd is not the program', code: 'FROM alpine:3.20\nRUN echo cd /tmp\n' },
  ],
  invalid: [
    {
      name: 'hadolint example',
      code: 'FROM golang:1.25\nRUN cd /usr/src/app && git pull\n',
      errors: [{ message: '`cd /usr/src/app` lasts only for this RUN: use `WORKDIR /usr/src/app` to change directory', line: 2, column: 5, endColumn: 7 }],
    },
    {
      name: 'several cds, continuation lines, ONBUILD and CRLF',
      code: 'FROM alpine:3.20\r\nRUN cd /tmp \\\r\n    && make \\\r\n    && cd / && rm -rf /tmp/build\r\nONBUILD RUN cd /app && make\r\n',
      errors: [{ line: 2, column: 5 }, { line: 4, column: 8, message: /`cd \/`/ }, { line: 5, column: 13 }],
    },
    {
      name: 'escape=`',
      code: '# escape=`\nFROM alpine:3.20\nRUN cd /src `\n    && make\n',
      errors: [{ line: 3 }],
    },
  ],
});
