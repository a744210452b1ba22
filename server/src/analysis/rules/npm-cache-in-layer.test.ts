import assert from 'node:assert/strict';
import { it } from 'node:test';
import { findingsOf, testRule } from '../testing/rule-tester';
import rule from './npm-cache-in-layer';

testRule(rule, {
  valid: [
    'FROM node:20-slim\nRUN npm ci --omit=dev && npm cache clean --force\n',
    'FROM node:20-slim\nRUN npm install -g pnpm@9.1.0 && rm -rf ~/.npm\n',
    'FROM node:20-slim\nUSER node\nRUN npm ci && rm -rf /home/node/.npm\n',
    { name: 'cache mount', code: 'FROM node:20-slim\nRUN --mount=type=cache,target=/root/.npm npm ci\n' },
    { name: 'cache mount on another user’s cache', code: 'FROM node:20-slim\nUSER node\nRUN --mount=type=cache,target=/home/node/.npm,uid=1000 npm ci\n' },
    { name: 'a cache moved with --cache', code: 'FROM node:20-slim\nRUN npm ci --cache /tmp/npm-cache && rm -rf /tmp/npm-cache\n' },
    { name: 'a cache moved with npm_config_cache', code: 'FROM node:20-slim\nENV npm_config_cache=/tmp/npm\nRUN npm ci\n' },
    { name: 'npm run and npm test download nothing', code: 'FROM node:20-slim\nRUN npm run build && npm test\n' },
    { name: 'ONBUILD', code: 'FROM node:20-slim\nONBUILD RUN npm ci\n' },
    {
      name: 'a builder stage may keep its cache',
      code: 'FROM node:20 AS build\nRUN npm ci && npm run build\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n',
    },
  ],
  invalid: [
    {
      name: 'npm ci: the clean is appended',
      code: 'FROM node:20-slim\nRUN npm ci --omit=dev\n',
      errors: [{ message: '`npm ci` keeps npm’s package cache (about the size of the dependencies) in this layer: end the RUN with `npm cache clean --force`', column: 5, endColumn: 11 }],
      output: 'FROM node:20-slim\nRUN npm ci --omit=dev \\\n    && npm cache clean --force\n',
    },
    {
      name: 'npm install aliases and global installs',
      code: 'FROM node:20-slim\nRUN npm i -g typescript@5.4.5\n',
      errors: [{ message: /^`npm i`/ }],
      output: 'FROM node:20-slim\nRUN npm i -g typescript@5.4.5 \\\n    && npm cache clean --force\n',
    },
    {
      name: 'as a non-root user the clean is still right',
      code: 'FROM node:20-slim\nUSER node\nRUN npm ci\n',
      errors: [{ line: 3 }],
      output: 'FROM node:20-slim\nUSER node\nRUN npm ci \\\n    && npm cache clean --force\n',
    },
    {
      name: 'a clean before the install does not count',
      code: 'FROM node:20-slim\nRUN npm cache clean --force && npm ci\n',
      errors: [{ column: 32 }],
      output: 'FROM node:20-slim\nRUN npm cache clean --force && npm ci \\\n    && npm cache clean --force\n',
    },
    {
      name: 'heredoc: only the cache mount is offered',
      code: 'FROM node:20-slim\nRUN <<EOF\nnpm ci\nnpm run build\nEOF\n',
      errors: [{ line: 3 }],
      output: 'FROM node:20-slim\nRUN --mount=type=cache,target=/root/.npm <<EOF\nnpm ci\nnpm run build\nEOF\n',
    },
    {
      name: 'escape=` and CRLF',
      code: '# escape=`\r\nFROM node:20-slim\r\nRUN npm ci `\r\n    && npm run build\r\n',
      errors: [{ line: 3 }],
      output: '# escape=`\r\nFROM node:20-slim\r\nRUN npm ci `\r\n    && npm run build `\r\n    && npm cache clean --force\r\n',
    },
    {
      name: 'multi-stage: only the shipped stage',
      code: 'FROM node:20 AS build\nRUN npm ci\nFROM node:20-slim\nRUN npm ci --omit=dev\n',
      errors: [{ line: 4 }],
      output: 'FROM node:20 AS build\nRUN npm ci\nFROM node:20-slim\nRUN npm ci --omit=dev \\\n    && npm cache clean --force\n',
    },
  ],
});

it('does not offer a cache mount that would give the RUN the same flags as its neighbour', () => {
  const code = 'FROM node:20-slim\nRUN --mount=type=cache,target=/root/.npm npm ci\nRUN npm install -g serve@14.2.3\n';
  const [finding] = findingsOf(rule, code);
  assert.deepEqual(finding.fixes.map((fix) => fix.title), ['Append npm cache clean --force']);
});

it('does not offer a cache mount that would cut a row of short RUNs in two', () => {
  const code = 'FROM node:20-slim\nRUN mkdir /a\nRUN mkdir /b\nRUN npm ci\nRUN mkdir /c\nRUN mkdir /d\n';
  const [finding] = findingsOf(rule, code);
  assert.deepEqual(finding.fixes.map((fix) => fix.title), ['Append npm cache clean --force']);
});

it('offers no fix on a Windows stage whose SHELL is PowerShell', () => {
  const code = '# escape=`\r\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\r\nSHELL ["powershell", "-Command"]\r\nRUN npm ci --omit=dev\r\n';
  const [finding] = findingsOf(rule, code);
  assert.deepEqual(finding.fixes, []);
});
