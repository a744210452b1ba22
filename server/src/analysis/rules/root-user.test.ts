import { testRule } from '../testing/rule-tester';
import rule from './root-user';

testRule(rule, {
  valid: [
    'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n',
    { name: 'distroless :nonroot', code: 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\nENTRYPOINT ["/app"]\n' },
    { name: '.NET chiseled runs as app', code: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled\nCOPY out /app\nENTRYPOINT ["dotnet", "/app/api.dll"]\n' },
    { name: 'Chainguard', code: 'FROM cgr.dev/chainguard/python:latest\nCOPY app.py /app/\n' },
    { name: 'a numeric user', code: 'FROM alpine:3.20\nUSER 1000:1000\n' },
    { name: 'a user given by a variable is not judged', code: 'FROM alpine:3.20\nARG APP_USER=app\nUSER $APP_USER\n' },
    { name: 'the USER of the stage this one is built on', code: 'FROM node:20 AS base\nUSER node\nFROM base\nCMD ["node"]\n' },
    { name: 'build stages may run as root', code: 'FROM golang:1.25 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\n' },
    { name: 'an unresolved base image is not judged', code: 'ARG BASE\nFROM $BASE\nCOPY app /app\n' },
    { name: 'Windows images have no root user', code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY app.exe C:/app/\n' },
    { name: 'official redis steps down to redis in its entrypoint', code: 'FROM redis:7.4-alpine\nCOPY redis.conf /usr/local/etc/redis/redis.conf\nCMD ["redis-server", "/usr/local/etc/redis/redis.conf"]\n' },
    { name: 'official postgres, even after USER root', code: 'FROM postgres:16\nUSER root\nRUN apt-get update && apt-get install -y --no-install-recommends postgresql-16-pgvector && rm -rf /var/lib/apt/lists/*\n' },
    { name: 'official mongo through a stage built on it', code: 'FROM mongo:7 AS db\nCOPY init.js /docker-entrypoint-initdb.d/\nFROM db\n' },
    { name: 'official memcached ends with USER memcache', code: 'FROM memcached:1.6-alpine\nCMD ["memcached", "-m", "64"]\n' },
    {
      name: 'the docker-library pattern: gosu downloaded for the ENTRYPOINT the Dockerfile sets',
      code: 'FROM debian:bookworm-slim\nRUN useradd -r mongodb\nRUN curl -fsSL -o /usr/local/bin/gosu "https://github.com/tianon/gosu/releases/download/1.17/gosu-$(dpkg --print-architecture)" && chmod +x /usr/local/bin/gosu\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["mongod"]\n',
    },
    {
      name: 'the docker-library pattern: su-exec installed as a package',
      code: 'FROM alpine:3.20\nRUN adduser -S redis && apk add --no-cache su-exec\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]\n',
    },
    { name: 'only the --target stage ships', code: 'FROM alpine:3.20 AS prod\nUSER 65534\nFROM alpine:3.20 AS debug\nRUN apk add --no-cache curl\n', options: { target: 'prod' } },
  ],
  invalid: [
    {
      name: 'the last RUN only deletes what the one before made (LW103): the user is created in that one (no new RUN, no LW104)',
      code: 'FROM debian:12\nRUN curl -o /tmp/x.tgz https://example.com/x.tgz && tar -xzf /tmp/x.tgz -C /opt\nRUN rm /tmp/x.tgz\n',
      errors: [{ line: 1 }],
      output: 'FROM debian:12\nRUN curl -o /tmp/x.tgz https://example.com/x.tgz && tar -xzf /tmp/x.tgz -C /opt \\\n    && groupadd --system app \\\n    && useradd --system --gid app --no-log-init app\nRUN rm /tmp/x.tgz\nUSER app\n',
    },
    {
      name: 'a lower-case file gets lower-case instructions (no LW346 finding)',
      code: 'from debian:bookworm-slim\nrun apt-get update\nrun apt-get install -y --no-install-recommends curl\n',
      errors: [{ line: 1 }],
      output: 'from debian:bookworm-slim\nrun apt-get update\nrun apt-get install -y --no-install-recommends curl \\\n    && groupadd --system app \\\n    && useradd --system --gid app --no-log-init app\nuser app\n',
    },
    {
      name: 'official node image: USER node before CMD',
      code: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n',
      errors: [{ message: 'the image runs as root: add a USER with a non-root user (node) before CMD/ENTRYPOINT', line: 1, column: 6, endColumn: 18 }],
      output: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'alpine: a RUN creates the user before CMD',
      code: 'FROM python:3.12-alpine\nRUN pip install --no-cache-dir flask\nCOPY app.py /app/\nCMD ["python", "/app/app.py"]\n',
      errors: [{ line: 1 }],
      output:
        'FROM python:3.12-alpine\nRUN pip install --no-cache-dir flask\nCOPY app.py /app/\nRUN addgroup -S app && adduser -S -G app app\nUSER app\nCMD ["python", "/app/app.py"]\n',
    },
    {
      name: 'alpine: right after a RUN, the user is created at its end (no extra consecutive RUN)',
      code: 'FROM python:3.12-alpine\nCOPY app.py /app/\nRUN pip install --no-cache-dir flask\nCMD ["python", "/app/app.py"]\n',
      errors: [{ line: 1 }],
      output:
        'FROM python:3.12-alpine\nCOPY app.py /app/\nRUN pip install --no-cache-dir flask \\\n    && addgroup -S app \\\n    && adduser -S -G app app\nUSER app\nCMD ["python", "/app/app.py"]\n',
    },
    {
      name: 'debian without RUN: a RUN creates the user, at the end of the stage; comments above CMD stay with it',
      code: 'FROM debian:bookworm-slim\nCOPY app /usr/local/bin/app\n# start\nENTRYPOINT ["app"]\n',
      errors: [{ line: 1 }],
      output:
        'FROM debian:bookworm-slim\nCOPY app /usr/local/bin/app\nRUN groupadd --system app && useradd --system --gid app --no-log-init app\nUSER app\n# start\nENTRYPOINT ["app"]\n',
    },
    {
      name: 'distroless with the default root user',
      code: 'FROM gcr.io/distroless/static-debian12\nCOPY app /app\n',
      errors: [{ line: 1 }],
      output: 'FROM gcr.io/distroless/static-debian12\nCOPY app /app\nUSER nonroot\n',
    },
    {
      name: 'scratch takes a numeric user',
      code: 'FROM golang:1.25 AS build\nRUN go build -o /app .\n\nFROM scratch\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n',
      errors: [{ line: 4, column: 6, endColumn: 13 }],
      output: 'FROM golang:1.25 AS build\nRUN go build -o /app .\n\nFROM scratch\nCOPY --from=build /app /app\nUSER 65532:65532\nENTRYPOINT ["/app"]\n',
    },
    {
      name: 'an explicit last USER root with nothing after it that needs root is replaced',
      code: 'FROM node:20\nUSER root\nCOPY . /app\nCMD ["node", "/app"]\n',
      errors: [{ message: 'the image runs as root: switch to a non-root USER (node) after the steps that need root', line: 2, column: 6, endColumn: 10 }],
      output: 'FROM node:20\nUSER node\nCOPY . /app\nCMD ["node", "/app"]\n',
    },
    {
      name: 'USER root then RUN: the switch goes after the RUN',
      code: 'FROM node:20\nUSER node\nRUN npm ci\nUSER root\nRUN chown -R node /app\nCMD ["node", "/app"]\n',
      errors: [{ line: 4 }],
      output: 'FROM node:20\nUSER node\nRUN npm ci\nUSER root\nRUN chown -R node /app\nUSER node\nCMD ["node", "/app"]\n',
    },
    {
      name: 'a user the Dockerfile already creates is the one to switch to',
      code: 'FROM debian:bookworm-slim\nRUN groupadd -r redis && useradd -r -g redis redis\nCOPY entrypoint.sh /usr/local/bin/\nENTRYPOINT ["entrypoint.sh"]\n',
      errors: [{ message: /\(redis\) before CMD\/ENTRYPOINT$/ }],
      output: 'FROM debian:bookworm-slim\nRUN groupadd -r redis && useradd -r -g redis redis\nCOPY entrypoint.sh /usr/local/bin/\nUSER redis\nENTRYPOINT ["entrypoint.sh"]\n',
    },
    {
      name: 'a useradd in a scratch stage cannot run: the numeric user, not the one it names',
      code: 'FROM scratch\nRUN useradd -m app\nCOPY app /app\n',
      errors: [{ line: 1, message: /\(65532:65532\)/ }],
      output: 'FROM scratch\nRUN useradd -m app\nCOPY app /app\nUSER 65532:65532\n',
    },
    {
      name: 'official redis with its ENTRYPOINT replaced: the script may never step down, USER redis',
      code: 'FROM redis:7\nCOPY start.sh /usr/local/bin/\nENTRYPOINT ["start.sh"]\n',
      errors: [{ message: 'the image runs as root: add a USER with a non-root user (redis) before CMD/ENTRYPOINT', line: 1 }],
      output: 'FROM redis:7\nCOPY start.sh /usr/local/bin/\nUSER redis\nENTRYPOINT ["start.sh"]\n',
    },
    {
      name: 'gosu installed but the image ENTRYPOINT kept: nothing calls it',
      code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gosu && rm -rf /var/lib/apt/lists/*\nCMD ["bash"]\n',
      errors: [{ line: 1 }],
      output:
        'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gosu && rm -rf /var/lib/apt/lists/* \\\n    && groupadd --system app \\\n    && useradd --system --gid app --no-log-init app\nUSER app\nCMD ["bash"]\n',
    },
    {
      name: 'official nginx: the unprivileged variant, not a USER that would keep the master from starting',
      code: 'FROM nginx:stable-alpine\nCOPY dist /usr/share/nginx/html\nEXPOSE 80\nCMD ["nginx", "-g", "daemon off;"]\n',
      errors: [
        {
          message:
            'nginx:stable-alpine starts its master process as root to bind port 80 (a USER switch alone would keep it from starting): use `nginxinc/nginx-unprivileged`, the same image running as a non-root user on port 8080',
          line: 1,
          column: 6,
          endColumn: 25,
        },
      ],
      output: 'FROM nginxinc/nginx-unprivileged:stable-alpine\nCOPY dist /usr/share/nginx/html\nEXPOSE 80\nCMD ["nginx", "-g", "daemon off;"]\n',
    },
    {
      name: 'official nginx with a tag the variant may not publish: the advice without a fix',
      code: 'FROM nginx:1.27-perl\nCOPY dist /usr/share/nginx/html\n',
      errors: [{ message: /^nginx:1\.27-perl starts its master process as root .*use `nginxinc\/nginx-unprivileged`/ }],
      output: null,
    },
    {
      name: 'official nginx with an explicit USER root: the advice without a fix (the swap would not remove the USER)',
      code: 'FROM nginx:1.27\nUSER root\nCOPY dist /usr/share/nginx/html\n',
      errors: [{ line: 2, message: /use `nginxinc\/nginx-unprivileged`/ }],
      output: null,
    },
    {
      name: 'php:apache runs Apache like httpd: no USER fix, the changes that let it run without root',
      code: 'FROM php:8.2-apache\nCOPY . /var/www/html/\n',
      errors: [
        {
          message:
            'php:8.2-apache starts its server as root to bind port 80 and runs the workers unprivileged; a USER switch alone would keep it from starting: to run without root, make it listen on a port above 1024 and own the files it writes, then add a USER',
        },
      ],
      output: null,
    },
    {
      name: 'an unknown image: reported without a fix',
      code: 'FROM registry.example.com/team/base:1.4\nCOPY app /app\n',
      errors: [{ message: /^no USER is set, so the container runs as root unless registry.example.com\/team\/base:1.4 sets one/ }],
      output: null,
    },
    {
      name: 'CRLF and escape=`',
      code: '# escape=`\r\nFROM debian:bookworm-slim\r\nRUN apt-get update `\r\n    && apt-get install -y curl `\r\n    && rm -rf /var/lib/apt/lists/*\r\nCMD ["curl"]\r\n',
      errors: [{ line: 2 }],
      output:
        '# escape=`\r\nFROM debian:bookworm-slim\r\nRUN apt-get update `\r\n    && apt-get install -y curl `\r\n    && rm -rf /var/lib/apt/lists/* `\r\n    && groupadd --system app `\r\n    && useradd --system --gid app --no-log-init app\r\nUSER app\r\nCMD ["curl"]\r\n',
    },
    {
      name: 'a heredoc RUN before: a separate RUN creates the user',
      code: 'FROM alpine:3.20\nRUN <<EOF\napk add --no-cache curl\nEOF\n',
      errors: [{ line: 1 }],
      output: 'FROM alpine:3.20\nRUN <<EOF\napk add --no-cache curl\nEOF\nRUN addgroup -S app && adduser -S -G app app\nUSER app\n',
    },
    {
      name: 'an unterminated COPY heredoc at the end: new lines would be its content, no fix',
      code: 'FROM alpine:3.20\nCOPY <<EOF /etc/motd\nhello\nCMD ["sh"]\n',
      errors: [{ line: 1, message: /^the image runs as root: add a USER with a non-root user \(app\)/ }],
      output: null,
    },
    {
      name: 'a FROM alone, ending in a dangling continuation: new lines would join it, no fix',
      code: 'FROM debian:12 \\\n',
      errors: [{ line: 1 }],
      output: null,
    },
    {
      name: 'a dangling continuation followed by a comment at the end: new lines would join it, no fix',
      code: 'FROM scratch\nCOPY app /app\nLABEL a=b \\\n# note\n',
      errors: [{ line: 1 }],
      output: null,
    },
    {
      name: 'a terminated COPY heredoc at the end: the user goes after it',
      code: 'FROM alpine:3.20\nCOPY <<EOF /etc/motd\nhello\nEOF\n',
      errors: [{ line: 1 }],
      output: 'FROM alpine:3.20\nCOPY <<EOF /etc/motd\nhello\nEOF\nRUN addgroup -S app && adduser -S -G app app\nUSER app\n',
    },
    {
      name: 'the --target stage is the one judged',
      code: 'FROM node:20 AS dev\nCMD ["npm", "run", "dev"]\nFROM node:20-slim AS prod\nUSER node\n',
      options: { target: 'dev' },
      errors: [{ line: 1 }],
      output: 'FROM node:20 AS dev\nUSER node\nCMD ["npm", "run", "dev"]\nFROM node:20-slim AS prod\nUSER node\n',
    },
  ],
});
