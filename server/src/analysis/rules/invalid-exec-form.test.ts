import { testRule } from '../testing/rule-tester';
import rule from './invalid-exec-form';

testRule(rule, {
  valid: [
    'FROM node:20-slim\nCMD ["node", "server.js"]\n',
    { name: 'shell test commands start with [ too', code: 'FROM alpine:3.20\nRUN [ -f /etc/alpine-release ] && echo alpine\nRUN [ "$DEBUG" = "1" ] && echo debug\nCMD [ "$MODE" ] || exec app\n' },
    { name: 'plain shell form', code: 'FROM alpine:3.20\nRUN echo "[not json]"\nCMD echo hi\n' },
    { name: 'valid JSON over continuation lines', code: 'FROM alpine:3.20\nENTRYPOINT ["my-app", \\\n    "--verbose"]\n' },
  ],
  invalid: [
    {
      name: 'single quotes',
      code: "FROM node:20-slim\nCMD ['node', 'server.js']\n",
      errors: [{ message: 'Not valid JSON (JSON strings need double quotes, not \'…\'), so Docker runs this CMD as a shell command: write ["node", "server.js"]', line: 2, column: 5, endColumn: 26 }],
      output: 'FROM node:20-slim\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'a trailing comment: reported, not fixed',
      code: 'FROM node:20-slim\nCMD ["node", "server.js"] # start the app\n',
      errors: [{ message: /nothing may follow the `\]`/ }],
      output: null,
    },
    {
      name: 'an extra ] and a trailing comma',
      code: 'FROM alpine:3.20\nENTRYPOINT ["my-app", "--verbose",]]\n',
      errors: [{ message: /JSON allows no comma before `\]`; there is an extra `\]`/ }],
      output: 'FROM alpine:3.20\nENTRYPOINT ["my-app", "--verbose"]\n',
    },
    {
      name: 'a missing comma; RUN is judged too, ONBUILD as well: the message gives the array, no repair (other rules would judge the command)',
      code: 'FROM alpine:3.20\nRUN ["echo" "hi"]\nONBUILD RUN ["echo", \'hi\']\n',
      errors: [
        { line: 2, message: 'Not valid JSON (the strings need commas between them), so Docker runs this RUN as a shell command: write ["echo", "hi"]' },
        { line: 3, column: 13, message: /JSON strings need double quotes.*write \["echo", "hi"\]$/ },
      ],
      output: null,
    },
    {
      name: 'a missing comma in CMD and ONBUILD ENTRYPOINT: repaired',
      code: 'FROM alpine:3.20\nCMD ["echo" "hi"]\nONBUILD ENTRYPOINT ["my-app" "--verbose"]\n',
      errors: [{ line: 2, message: /commas between them/ }, { line: 3, column: 20 }],
      output: 'FROM alpine:3.20\nCMD ["echo", "hi"]\nONBUILD ENTRYPOINT ["my-app", "--verbose"]\n',
    },
    {
      name: 'a repaired RUN would be a real sudo for sudo-in-run: not repaired (fuzz seed 9211)',
      code: 'FROM ${BASE}\nRUN ["sudo" "apt-get" "x=$((1+2))" "apk"]\n',
      errors: [{ line: 2, column: 5, message: 'Not valid JSON (the strings need commas between them), so Docker runs this RUN as a shell command: write ["sudo", "apt-get", "x=$((1+2))", "apk"]' }],
      output: null,
    },
    {
      name: 'a Windows path with single backslashes; escape=` and CRLF',
      code: '# escape=`\r\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\r\nCMD ["C:\\app\\run.exe"]\r\n',
      errors: [{ line: 3, message: /a backslash must be doubled/ }],
      output: '# escape=`\r\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\r\nCMD ["C:\\\\app\\\\run.exe"]\r\n',
    },
    {
      name: 'HEALTHCHECK CMD: reported with the array to write, not repaired (healthcheck-tool-missing would judge the command)',
      code: "FROM alpine:3.20\nHEALTHCHECK CMD ['wget', '-q', 'http://localhost/']\n",
      errors: [{ line: 2, column: 17, message: /write \["wget", "-q", "http:\/\/localhost\/"\]$/ }],
      output: null,
    },
    {
      name: 'over several lines: reported, not fixed',
      code: "FROM alpine:3.20\nCMD ['my-app', \\\n    '--verbose']\n",
      errors: [{ line: 2 }],
      output: null,
    },
  ],
});
