import { testRule } from '../testing/rule-tester';
import rule from './tls-verification-disabled';

const message = (what: string) =>
  `${what} turns off TLS certificate checks, so a tampered download goes unnoticed: install the CA certificate the server needs instead`;

testRule(rule, {
  valid: [
    { name: 'verified downloads', code: 'FROM debian:12-slim\nRUN curl -fsSL https://x/a -o a && wget -q https://x/b && pip install --no-cache-dir flask\n' },
    { name: 'curl -K is a config file; k as the value of -o', code: 'FROM debian:12-slim\nRUN curl -K /etc/curlrc https://x && curl -fsSLok https://x\n' },
    { name: 'strict-ssl true; sslVerify true', code: 'FROM node:20-slim\nRUN npm config set strict-ssl true && git config --global http.sslVerify true\n' },
    { name: 'variables that keep verification on', code: 'FROM python:3.12-slim\nENV NODE_TLS_REJECT_UNAUTHORIZED=1 PYTHONHTTPSVERIFY=1\nRUN NODE_TLS_REJECT_UNAUTHORIZED=1 node x.js\n' },
    { name: '-k of another program', code: 'FROM debian:12-slim\nRUN ssh-keygen -k -f x && grep -k x y\n' },
    { name: 'names of Object members are no known variables or tools', code: 'FROM debian:12-slim\nENV toString=1 constructor=0\nRUN export constructor=1 && valueOf=1 curl -fsSLo x https://x\n' },
  ],
  invalid: [
    {
      name: 'Checkov: curl -k and --insecure',
      code: 'FROM debian:12-slim\nRUN curl -k https://x/a -o a && curl --insecure -fsSL https://x/b -o b\n',
      errors: [{ message: message('curl -k'), column: 10, endColumn: 12 }, { message: message('curl --insecure'), column: 38, endColumn: 48 }],
      output: 'FROM debian:12-slim\nRUN curl https://x/a -o a && curl -fsSL https://x/b -o b\n',
    },
    {
      name: 'k inside a cluster of short options',
      code: 'FROM debian:12-slim\nRUN curl -fsSLk https://x/a -o a\n',
      errors: [{ message: message('curl -fsSLk (k: --insecure)'), column: 10, endColumn: 16 }],
      output: 'FROM debian:12-slim\nRUN curl -fsSL https://x/a -o a\n',
    },
    {
      name: 'Checkov: wget --no-check-certificate; pip --trusted-host with its value',
      code: 'FROM python:3.12-slim\nRUN wget --no-check-certificate https://x/a && pip install --trusted-host pypi.org --no-cache-dir flask==3.0.0\n',
      errors: [{ message: message('wget --no-check-certificate') }, { message: message('pip --trusted-host'), column: 60, endColumn: 83 }],
      output: 'FROM python:3.12-slim\nRUN wget https://x/a && pip install --no-cache-dir flask==3.0.0\n',
    },
    {
      name: 'npm, yarn and git config: reported, no fix',
      code: 'FROM node:20-slim\nRUN npm config set strict-ssl false && yarn config set strict-ssl false && git config --global http.sslVerify false\n',
      errors: [{ message: message('npm config set strict-ssl false') }, { message: message('yarn config set strict-ssl false') }, { message: message('git config http.sslVerify false') }],
      output: null,
    },
    {
      name: 'git -c and inline variables are removed',
      code: 'FROM alpine:3.20\nRUN git -c http.sslVerify=false clone https://x/r.git && NODE_TLS_REJECT_UNAUTHORIZED=0 node build.js && env GIT_SSL_NO_VERIFY=1 git pull\n',
      errors: [{ message: message('git -c http.sslVerify=false') }, { message: message('NODE_TLS_REJECT_UNAUTHORIZED=0') }, { message: message('GIT_SSL_NO_VERIFY=1') }],
      output: 'FROM alpine:3.20\nRUN git clone https://x/r.git && node build.js && env git pull\n',
    },
    {
      name: 'ENV, ARG and export: no fix',
      code: 'ARG PYTHONHTTPSVERIFY=0\nFROM node:20-slim\nENV NODE_TLS_REJECT_UNAUTHORIZED=0 GIT_SSL_NO_VERIFY=true\nRUN export NODE_TLS_REJECT_UNAUTHORIZED=0 && npm ci\n',
      errors: [{ line: 1, column: 5 }, { line: 3, column: 5 }, { line: 3, column: 36 }, { line: 4, message: message('NODE_TLS_REJECT_UNAUTHORIZED=0') }],
      output: null,
    },
    {
      name: 'build stages; heredoc; ONBUILD',
      code: 'FROM golang:1.22 AS build\nRUN <<EOF\ncurl -k https://x/a -o a\nEOF\nFROM debian:12-slim\nONBUILD RUN wget --no-check-certificate https://x\n',
      errors: [{ line: 3, column: 6 }, { line: 6, column: 18 }],
      output: 'FROM golang:1.22 AS build\nRUN <<EOF\ncurl https://x/a -o a\nEOF\nFROM debian:12-slim\nONBUILD RUN wget https://x\n',
    },
    {
      name: 'a flag alone on a continuation line; CRLF',
      code: 'FROM debian:12-slim\r\nRUN curl -fsSL \\\r\n    --insecure \\\r\n    https://x -o x\r\n',
      errors: [{ line: 3, column: 5 }],
      output: 'FROM debian:12-slim\r\nRUN curl -fsSL \\\r\n    https://x -o x\r\n',
    },
    {
      name: 'escape=`',
      code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN curl.exe -k -o C:\\x.zip https://x `\n    && echo done\n',
      errors: [{ line: 3, column: 14, endColumn: 16 }],
      output: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN curl.exe -o C:\\x.zip https://x `\n    && echo done\n',
    },
  ],
});
