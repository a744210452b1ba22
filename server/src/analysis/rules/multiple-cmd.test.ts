import { testRule } from '../testing/rule-tester';
import rule from './multiple-cmd';

testRule(rule, {
  valid: [
    'FROM python:3.12-slim\nCMD ["python", "app.py"]\n',
    { name: 'BuildKit: a HEALTHCHECK CMD is not a second CMD', code: 'FROM python:alpine\nRUN apk add curl\nHEALTHCHECK --interval=1s --timeout=3s \\\n  CMD ["curl", "-f", "http://localhost:8080"]\nCMD ["python", "-m", "http.server", "8080"]\n' },
    { name: 'one CMD per stage', code: 'FROM golang:1.25 AS build\nCMD ["go", "test"]\nFROM alpine:3.20\nCMD ["/app"]\n' },
    { name: 'ONBUILD CMD belongs to the child image', code: 'FROM alpine:3.20\nONBUILD CMD ["/child"]\nCMD ["/app"]\n' },
  ],
  invalid: [
    {
      name: 'no fix when removing it would bring two RUNs together (a merge is LW104\'s question)',
      code: 'FROM busybox:1.36\nRUN mkdir /a\nCMD ["/app"]\nRUN mkdir /b\nCMD ["/app"]\n',
      errors: [{ line: 3 }],
      output: null,
    },
    {
      name: 'no fix when removing two of them would bring RUNs together',
      code: 'FROM busybox:1.36\nRUN mkdir /a\nCMD ["/app"]\nCMD ["/app"]\nRUN mkdir /b\nCMD ["/app"]\n',
      errors: [{ line: 3 }, { line: 4 }],
      output: null,
    },
    {
      code: 'FROM python:3.12-slim\nCMD ["python", "worker.py"]\nRUN pip install flask\nCMD ["python", "app.py"]\n',
      errors: [{ message: 'This CMD has no effect: the CMD on line 4 replaces it. Keep one CMD per stage', line: 2, column: 1, endColumn: 4 }],
      output: 'FROM python:3.12-slim\nRUN pip install flask\nCMD ["python", "app.py"]\n',
    },
    {
      name: 'three CMDs: the first two are reported; CRLF',
      code: 'FROM alpine:3.20\r\nCMD ["a"]\r\nCMD ["b"]\r\nCMD ["c"]\r\n',
      errors: [{ line: 2 }, { line: 3 }],
      output: 'FROM alpine:3.20\r\nCMD ["c"]\r\n',
    },
  ],
});
