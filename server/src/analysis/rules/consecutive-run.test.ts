import { testRule } from '../testing/rule-tester';
import rule from './consecutive-run';

testRule(rule, {
  valid: [
    {
      name: 'no shell where the RUNs are, whatever follows them (LW213 reports them)',
      code: 'FROM gcr.io/distroless/static-debian12\nRUN ["/a"]\nRUN /b\nRUN /c\nSHELL ["/bin/sh", "-c"]\nUSER nonroot\n',
    },
    'FROM alpine:3.20\nRUN mkdir -p /app\nWORKDIR /app\nRUN touch ready\n',
    { name: 'a RUN chaining more than two commands is a deliberate layer', code: 'FROM alpine:3.20\nRUN apk add --no-cache curl && curl --version && mkdir /app\nRUN touch /app/ready\n' },
    { name: 'different flags', code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/root/.cache pip install -r requirements.txt\nRUN touch /ready\n' },
    { name: 'heredocs are never merged', code: 'FROM alpine:3.20\nRUN <<EOF\necho one\nEOF\nRUN echo two\n' },
    { name: 'exec form is never merged', code: 'FROM alpine:3.20\nRUN ["/bin/setup"]\nRUN echo two\n' },
    { name: 'the apt update/install pair is LW101’s', code: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n' },
    { name: 'a later cleanup is LW103’s', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*\n' },
    { name: 'build stages are not judged', code: 'FROM golang:1.25 AS build\nRUN go mod download\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\n' },
    { name: 'ONBUILD triggers are not this build’s layers', code: 'FROM alpine:3.20\nONBUILD RUN echo one\nONBUILD RUN echo two\n' },
  ],
  invalid: [
    {
      name: 'a RUN that only deletes, between two others, is merged with them (folding it (LW103) keeps the group)',
      code: 'FROM alpine:3.20\nRUN wget -O /tmp/x.tgz https://example.com/x.tgz\nRUN rm /tmp/x.tgz\nRUN mkdir /app\n',
      errors: [{ message: /^the 3 RUNs on lines 2–4 could be one layer/, line: 3 }],
      output: 'FROM alpine:3.20\nRUN wget -O /tmp/x.tgz https://example.com/x.tgz \\\n    && rm /tmp/x.tgz \\\n    && mkdir /app\n',
    },
    {
      name: 'a cleanup does not count as a step: appending one (LW101) does not split a group',
      code: 'FROM debian:12-slim\nRUN mkdir /app\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nRUN touch /app/ready\n',
      errors: [{ message: /^the 3 RUNs on lines 2–4 could be one layer/, line: 3 }],
      output: 'FROM debian:12-slim\nRUN mkdir /app \\\n    && apt-get update \\\n    && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/* \\\n    && touch /app/ready\n',
    },
    {
      code: 'FROM alpine:3.20\nRUN mkdir -p /app/data\nRUN chmod 700 /app/data\n',
      errors: [{ message: 'this RUN and the one before it (line 2) could be one layer: join them with `&&`', line: 3, column: 1, endColumn: 4 }],
      output: 'FROM alpine:3.20\nRUN mkdir -p /app/data \\\n    && chmod 700 /app/data\n',
    },
    {
      name: 'one finding per group, the whole group merged; comments move above',
      code: 'FROM alpine:3.20\nRUN mkdir /app\n# permissions\nRUN chown 1000 /app && chmod 700 /app\nRUN touch /app/ready\nCOPY . /app\n',
      errors: [{ message: /^the 3 RUNs on lines 2–5 could be one layer/, line: 4 }],
      output: 'FROM alpine:3.20\n# permissions\nRUN mkdir /app \\\n    && chown 1000 /app \\\n    && chmod 700 /app \\\n    && touch /app/ready\nCOPY . /app\n',
    },
    {
      name: 'same flags merge',
      code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache pip install flask\nRUN --mount=type=cache,target=/root/.cache pip install gunicorn\n',
      errors: [{ line: 3 }],
      output: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache pip install flask \\\n    && pip install gunicorn\n',
    },
    {
      name: 'a first RUN with `;` is kept whole',
      code: 'FROM alpine:3.20\nRUN cd /tmp; ls\nRUN echo done\n',
      errors: [{ line: 3 }],
      output: 'FROM alpine:3.20\nRUN cd /tmp; ls \\\n    && echo done\n',
    },
    {
      name: 'a second RUN with `||` cannot be joined with `&&`',
      code: 'FROM alpine:3.20\nRUN mkdir /app\nRUN test -d /data || mkdir /data\n',
      errors: [{ line: 3 }],
      output: null,
    },
    {
      name: 'escape=` and CRLF',
      code: '# escape=`\r\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\r\nRUN mkdir C:\\app\r\nRUN echo ready > C:\\app\\ready.txt\r\n',
      errors: [{ line: 4 }],
      output: '# escape=`\r\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\r\nRUN mkdir C:\\app `\r\n    && echo ready > C:\\app\\ready.txt\r\n',
    },
    {
      name: 'a SHELL instruction: reported, not merged',
      code: 'FROM alpine:3.20\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nRUN mkdir /app\nRUN touch /app/ready\n',
      errors: [{ line: 4 }],
      output: null,
    },
  ],
});
