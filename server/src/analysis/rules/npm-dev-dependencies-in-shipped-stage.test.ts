import { testRule } from '../testing/rule-tester';
import rule from './npm-dev-dependencies-in-shipped-stage';

const START = 'USER node\nCMD ["node", "server.js"]\n';

testRule(rule, {
  valid: [
    `FROM node:20-slim\nWORKDIR /app\nRUN npm ci --omit=dev\n${START}`,
    { name: '--omit dev as two words', code: `FROM node:20-slim\nWORKDIR /app\nRUN npm install --omit dev\n${START}` },
    { name: '--production (older npm)', code: `FROM node:20-slim\nWORKDIR /app\nRUN npm install --production\n${START}` },
    { name: 'NODE_ENV=production in an ENV of the stage it is built on', code: `FROM node:20-slim AS base\nENV NODE_ENV=production\nFROM base\nWORKDIR /app\nRUN npm ci\n${START}` },
    { name: 'NODE_ENV=production on the command', code: `FROM node:20-slim\nWORKDIR /app\nRUN NODE_ENV=production npm ci\n${START}` },
    { name: 'npm_config_omit through ARG', code: `FROM node:20-slim\nARG npm_config_omit=dev\nWORKDIR /app\nRUN npm ci\n${START}` },
    { name: 'pruned in the same RUN', code: `FROM node:20-slim\nWORKDIR /app\nRUN npm ci && npm run build && npm prune --omit=dev\n${START}` },
    { name: 'global installs', code: `FROM node:20-slim\nRUN npm install -g pm2@5\n${START}` },
    { name: 'named packages', code: `FROM node:20-slim\nWORKDIR /app\nRUN npm install express@4\n${START}` },
    {
      name: 'in a builder stage',
      code: 'FROM node:20 AS build\nWORKDIR /app\nRUN npm ci && npm run build\nFROM node:20-slim\nWORKDIR /app\nCOPY --from=build /app/dist ./dist\nRUN npm ci --omit=dev\nCMD ["node", "dist/index.js"]\n',
    },
    { name: 'a development image', code: 'FROM node:20\nWORKDIR /app\nRUN npm install\nCMD ["npm", "run", "dev"]\n' },
    { name: 'an image that starts nothing of its own', code: 'FROM node:20-slim\nWORKDIR /app\nRUN npm ci\n' },
    { name: 'ONBUILD trigger', code: `FROM node:20-slim\nWORKDIR /app\nONBUILD RUN npm ci\n${START}` },
  ],
  invalid: [
    {
      name: 'no build step after: --omit=dev first, the split second',
      code: `FROM node:20-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\n${START}`,
      errors: [{ message: '`npm ci` installs the devDependencies too: add `--omit=dev` (or set NODE_ENV=production)', line: 4, column: 5, endColumn: 11 }],
      output: `FROM node:20-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY . .\n${START}`,
    },
    {
      name: 'a build step follows: the split, pruning in the builder',
      code: 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm install && npm run build\nEXPOSE 3000\nUSER node\nCMD ["node", "dist/server.js"]\n',
      errors: [{ message: /^`npm install` keeps the devDependencies in the shipped image: build in a builder stage/, line: 4, column: 5, endColumn: 16 }],
      output:
        'FROM node:20 AS builder\nWORKDIR /app\nCOPY . .\nRUN npm install && npm run build\nUSER node\nRUN npm prune --omit=dev\n\nFROM node:20-slim\nWORKDIR /app\nCOPY --from=builder /app /app\nUSER node\nEXPOSE 3000\nCMD ["node", "dist/server.js"]\n',
    },
    {
      name: 'the build step in a later RUN; lower-case keywords; CRLF',
      code: 'from node:22-alpine\r\nworkdir /srv\r\nrun npm ci\r\nrun npx tsc\r\ncmd ["node", "out/index.js"]\r\n',
      errors: [{ line: 3 }],
      output: 'from node:22-alpine as builder\r\nworkdir /srv\r\nrun npm ci\r\nrun npx tsc\r\nrun npm prune --omit=dev\r\n\r\nfrom node:22-alpine\r\nworkdir /srv\r\ncopy --from=builder /srv /srv\r\ncmd ["node", "out/index.js"]\r\n',
    },
    {
      name: 'heredoc RUN: --omit=dev added after the subcommand',
      code: `FROM node:20-slim\nWORKDIR /app\nRUN <<EOF\nnpm ci\nEOF\n${START}`,
      errors: [{ line: 4, column: 1, endColumn: 7 }],
      output: `FROM node:20-slim\nWORKDIR /app\nRUN <<EOF\nnpm ci --omit=dev\nEOF\n${START}`,
    },
    {
      name: 'escape=` continuation',
      code: `# escape=\`\nFROM node:20-slim\nWORKDIR /app\nRUN npm \`\n    install\n${START}`,
      errors: [{ line: 4 }],
      output: `# escape=\`\nFROM node:20-slim\nWORKDIR /app\nRUN npm \`\n    install --omit=dev\n${START}`,
    },
  ],
});
