import { testRule } from '../testing/rule-tester';
import rule from './heavy-base-image';

testRule(rule, {
  valid: [
    'FROM node:20-slim\nCMD ["node"]\n',
    { name: 'a builder stage may be heavy', code: 'FROM node:20 AS build\nRUN npm ci\nFROM node:20-slim\nCOPY --from=build /app /app\n' },
    { name: 'both sizes must be measured (ruby:3.3 is not)', code: 'FROM ruby:3.3\nCMD ["ruby"]\n' },
    { name: 'the stage runs git, which slim lacks', code: 'FROM node:20\nRUN git clone --depth 1 https://example.com/app.git /app\nCMD ["node", "/app"]\n' },
    { name: 'the stage compiles with make, which slim lacks', code: 'FROM python:3.12\nRUN make -C /src\nCMD ["python"]\n' },
    { name: 'a chiseled variant cannot run a RUN', code: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nRUN mkdir /data\nENTRYPOINT ["dotnet", "app.dll"]\n' },
    { name: 'a chiseled variant cannot run a shell-form CMD', code: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCMD dotnet app.dll\n' },
    { name: 'postgres: alpine changes collations, not offered', code: 'FROM postgres:17\n' },
    { name: 'an unresolved variable', code: 'ARG TAG\nFROM node:${TAG}\n' },
    { name: 'a digest pins that exact image on purpose', code: 'FROM node:20@sha256:0000000000000000000000000000000000000000000000000000000000000000\nCMD ["node"]\n' },
    {
      name: 'an exec-form CMD runs make too: the same verdict as `CMD make`, so LW301 may rewrite it (fuzz seed 13664)',
      code: 'FROM python:3.12 AS build \\\nSTOPSIGNAL ./src `\nCMD ["make"]\n',
    },
    { name: 'an exec-form ENTRYPOINT with a path to git', code: 'FROM node:20\nENTRYPOINT ["/usr/bin/git", "daemon"]\n' },
    { name: 'an exec-form HEALTHCHECK CMD with curl', code: 'FROM node:20\nHEALTHCHECK --interval=30s CMD ["curl", "-f", "http://localhost/"]\nCMD ["node", "server.js"]\n' },
    { name: 'only the --target stage ships', code: 'FROM node:20 AS dev\nFROM node:20-slim AS prod\n', options: { target: 'prod' } },
  ],
  invalid: [
    {
      name: 'a CMD that a later one replaces never runs: its curl does not count (removing it must not change the verdict)',
      code: 'FROM node:20\nCMD curl -f http://localhost/\nCMD ["node", "server.js"]\n',
      errors: [{ line: 1 }],
      output: 'FROM node:20-slim\nCMD curl -f http://localhost/\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'node:20 → node:20-slim with the measured sizes',
      code: 'FROM node:20\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n',
      errors: [
        {
          message: '`node:20` is ~1 GB; `node:20-slim` has the same runtime in ~186 MB (it leaves out compilers, git and curl): use it',
          line: 1,
          column: 6,
          endColumn: 13,
        },
      ],
      output: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'python with a codename: slim goes before it; a tool the Dockerfile installs is fine',
      code: 'FROM python:3.12-bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nRUN curl -fsSL https://example.com/x -o /x\n',
      errors: [{ message: /^`python:3.12-bookworm` is ~1.1 GB; `python:3.12-slim-bookworm` has the same runtime in ~119 MB/ }],
      output: 'FROM python:3.12-slim-bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nRUN curl -fsSL https://example.com/x -o /x\n',
    },
    {
      name: 'nginx without a tag → nginx:alpine',
      code: 'FROM nginx\nCOPY site/ /usr/share/nginx/html/\n',
      errors: [{ message: /^`nginx` is ~164 MB; `nginx:alpine` .* \(it uses musl libc instead of glibc\)/ }],
      output: 'FROM nginx:alpine\nCOPY site/ /usr/share/nginx/html/\n',
    },
    {
      name: 'the registry prefix is kept',
      code: 'FROM docker.io/library/debian:bookworm\nCMD ["bash"]\n',
      errors: [{ message: /`debian:bookworm-slim`/ }],
      output: 'FROM docker.io/library/debian:bookworm-slim\nCMD ["bash"]\n',
    },
    {
      name: 'ASP.NET with exec-form ENTRYPOINT only → chiseled',
      code: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\nCOPY out/ .\nENTRYPOINT ["dotnet", "api.dll"]\n',
      errors: [{ message: /~215 MB; `mcr.microsoft.com\/dotnet\/aspnet:8.0-noble-chiseled` has the same runtime in ~108 MB \(it has no shell and runs as the user app\)/ }],
      output: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled\nWORKDIR /app\nCOPY out/ .\nENTRYPOINT ["dotnet", "api.dll"]\n',
    },
    {
      name: 'ARG default: reported, no fix (the tag is written through a variable)',
      code: 'ARG NODE=20\nFROM node:${NODE}\nCMD ["node"]\n',
      errors: [{ message: /`node:20-slim`/ }],
      output: null,
    },
    {
      name: 'in the stage the shipped one is built FROM; CRLF; ONBUILD lines do not count as tool use',
      code: 'FROM node:20 AS base\r\nONBUILD RUN git --version\r\nFROM base\r\nCMD ["node"]\r\n',
      errors: [{ line: 1 }],
      output: 'FROM node:20-slim AS base\r\nONBUILD RUN git --version\r\nFROM base\r\nCMD ["node"]\r\n',
    },
    {
      name: 'escape=`',
      code: '# escape=`\nFROM python:3.12\nRUN pip install `\n    flask==3.0.3\n',
      errors: [{ line: 2 }],
      output: '# escape=`\nFROM python:3.12-slim\nRUN pip install `\n    flask==3.0.3\n',
    },
  ],
});
