import { testRule } from '../testing/rule-tester';
import rule from './yarn-cache-in-layer';

testRule(rule, {
  valid: [
    'FROM node:20-slim\nRUN foo\n',
    'FROM node:20-slim\nRUN yarn install --frozen-lockfile && yarn cache clean\n',
    'FROM node:20-slim\nRUN yarn && rm -rf "$(yarn cache dir)"\n',
    'FROM node:20-slim\nRUN yarn install && rm -rf /usr/local/share/.cache/yarn\n',
    { name: 'cache mount (hadolint’s case)', code: 'FROM node:20-slim\nRUN --mount=type=cache,target=/root/.cache/yarn yarn install foobar\n' },
    { name: 'tmpfs mount', code: 'FROM node:20-slim\nRUN --mount=type=tmpfs,target=/root/.cache/yarn yarn install foobar\n' },
    { name: 'cache mount with a non-root home', code: 'FROM node:20-slim\nRUN --mount=type=cache,target=/home/node/.cache/yarn yarn install foobar\n' },
    { name: 'Yarn 2+ (--immutable) is not judged', code: 'FROM node:20-slim\nRUN corepack enable && yarn install --immutable\n' },
    { name: 'Yarn 2+ config copied in', code: 'FROM node:20-slim\nCOPY .yarnrc.yml package.json yarn.lock ./\nRUN yarn install\n' },
    { name: 'yarn build downloads nothing', code: 'FROM node:20-slim\nRUN yarn build\n' },
    { name: 'ONBUILD', code: 'FROM node:20-slim\nONBUILD RUN yarn install\n' },
    {
      name: 'an unused builder stage (hadolint reports it)',
      code: 'FROM node:lts-alpine AS foo\nRUN yarn install foo\nFROM scratch\nCOPY app /app\n',
    },
  ],
  invalid: [
    {
      name: 'yarn install without clean',
      code: 'FROM node:20-slim\nRUN yarn install foo\n',
      errors: [{ message: '`yarn install` keeps Yarn’s package cache (about the size of node_modules) in this layer: end the RUN with `yarn cache clean`', column: 5, endColumn: 17 }],
      output: 'FROM node:20-slim\nRUN yarn install foo \\\n    && yarn cache clean\n',
    },
    {
      name: 'bare yarn with options installs',
      code: 'FROM node:20-slim\nRUN yarn --frozen-lockfile --production\n',
      errors: [{ message: /^`yarn` keeps/, column: 5, endColumn: 9 }],
      output: 'FROM node:20-slim\nRUN yarn --frozen-lockfile --production \\\n    && yarn cache clean\n',
    },
    {
      name: 'a clean before the install does not count',
      code: 'FROM node:20-slim\nRUN yarn cache clean && yarn install foo\n',
      errors: [{ column: 25 }],
      output: 'FROM node:20-slim\nRUN yarn cache clean && yarn install foo \\\n    && yarn cache clean\n',
    },
    {
      name: 'a cache mount in the wrong place',
      code: 'FROM node:20-slim\nRUN --mount=type=cache,target=/var/lib/foobar yarn install foobar\n',
      errors: [{ line: 2 }],
      output: 'FROM node:20-slim\nRUN --mount=type=cache,target=/var/lib/foobar yarn install foobar \\\n    && yarn cache clean\n',
    },
    {
      name: 'the stage the shipped stage is built on',
      code: 'FROM node:lts-alpine AS foo\nRUN yarn install\nFROM foo\nRUN echo hey\n',
      errors: [{ line: 2 }],
      output: 'FROM node:lts-alpine AS foo\nRUN yarn install \\\n    && yarn cache clean\nFROM foo\nRUN echo hey\n',
    },
    {
      name: 'escape=` and CRLF',
      code: '# escape=`\r\nFROM node:20-slim\r\nRUN yarn global add serve@14.2.3\r\n',
      errors: [{ message: /^`yarn add`/ }],
      output: '# escape=`\r\nFROM node:20-slim\r\nRUN yarn global add serve@14.2.3 `\r\n    && yarn cache clean\r\n',
    },
    {
      name: 'heredoc: reported, not rewritten',
      code: 'FROM node:20-slim\nRUN <<EOF\nyarn install\nEOF\n',
      errors: [{ line: 3 }],
      output: null,
    },
  ],
});
