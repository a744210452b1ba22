import { testRule } from '../testing/rule-tester';
import rule from './exec-form-cmd';

testRule(rule, {
  valid: [
    'FROM node:20-slim\nCMD ["node", "server.js"]\n',
    { name: 'BuildKit: an explicit SHELL means the shell is wanted', code: 'FROM alpine:3.20\nRUN apk add bash\nSHELL ["/bin/bash", "-c"]\nENTRYPOINT echo "hello world"\n' },
    { name: 'a SHELL in the stage it is built on counts', code: 'FROM alpine:3.20 AS base\nSHELL ["/bin/ash", "-c"]\nFROM base\nCMD echo hi\n' },
    { name: 'a build stage that does not ship is not judged', code: 'FROM golang:1.25 AS build\nCMD go test ./...\nFROM scratch\nCOPY --from=build /x /x\nENTRYPOINT ["/x"]\n' },
    { name: 'broken JSON is left to invalid-exec-form', code: "FROM node:20-slim\nCMD ['node', 'server.js']\n" },
    { name: 'ONBUILD triggers and HEALTHCHECK CMD are not judged', code: 'FROM node:20-slim\nONBUILD CMD node server.js\nHEALTHCHECK CMD curl -f http://localhost/\nCMD ["node", "server.js"]\n' },
  ],
  invalid: [
    {
      name: 'the rewrite keeps heavy-base-image quiet: an exec-form CMD still runs make (fuzz seed 13664)',
      code: 'FROM python:3.12 AS build \\\nSTOPSIGNAL ./src `\nCMD make\n',
      errors: [{ line: 3, column: 1, endColumn: 4 }],
      output: 'FROM python:3.12 AS build \\\nSTOPSIGNAL ./src `\nCMD ["make"]\n',
    },
    {
      name: 'BuildKit: shell-form ENTRYPOINT',
      code: 'FROM alpine:3.20\nENTRYPOINT my-program start\n',
      errors: [{ message: 'ENTRYPOINT in shell form runs under /bin/sh -c and does not get stop signals: use exec form ["my-program", "start"]', line: 2, column: 1, endColumn: 11 }],
      output: 'FROM alpine:3.20\nENTRYPOINT ["my-program", "start"]\n',
    },
    {
      name: 'quotes are removed, a leading exec is dropped',
      code: 'FROM node:20-slim\nCMD exec node "my server.js" --port=8080\n',
      errors: [{ line: 2 }],
      output: 'FROM node:20-slim\nCMD ["node", "my server.js", "--port=8080"]\n',
    },
    {
      name: '`exec` with variables already passes signals: the message does not claim otherwise',
      code: 'FROM eclipse-temurin:21-jre\nENTRYPOINT exec java $JAVA_OPTS -jar /app.jar\n',
      errors: [{ message: /^ENTRYPOINT in shell form needs \/bin\/sh in the image and ignores `docker run` arguments: use exec form \(a JSON array\), or keep `exec` if you need variable expansion$/ }],
      output: null,
    },
    {
      name: 'a variable: no fix, the message asks for a JSON array',
      code: 'FROM node:20-slim\nCMD node server.js --port $PORT\n',
      errors: [{ message: 'CMD in shell form runs under /bin/sh -c and does not get stop signals: use exec form (a JSON array)' }],
      output: null,
    },
    {
      name: 'an and-list has no exec form equivalent',
      code: 'FROM node:20-slim\nCMD npm run migrate && node server.js\n',
      errors: [{ line: 2 }],
      output: null,
    },
    {
      name: 'redirections and globs stay in the shell',
      code: 'FROM alpine:3.20\nCMD cat *.log\nFROM alpine:3.20\nCMD my-app > /var/log/app.log\n',
      errors: [{ line: 4 }],
      output: null,
    },
    {
      name: 'CRLF and continuation lines',
      code: 'FROM alpine:3.20\r\nCMD my-app \\\r\n    --verbose\r\n',
      errors: [{ line: 2 }],
      output: 'FROM alpine:3.20\r\nCMD ["my-app", "--verbose"]\r\n',
    },
    {
      name: 'a stage the shipped one is built FROM is judged',
      code: 'FROM alpine:3.20 AS base\nCMD my-app\nFROM base\nRUN echo built\n',
      errors: [{ line: 2 }],
      output: 'FROM alpine:3.20 AS base\nCMD ["my-app"]\nFROM base\nRUN echo built\n',
    },
  ],
});
