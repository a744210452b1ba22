import { testRule } from '../testing/rule-tester';
import rule from './npm-package-unpinned';

const TYPESCRIPT = 'Pin `typescript` to a version (`typescript@<version>`): unpinned, each build installs the newest release';

testRule(rule, {
  valid: [
    // What hadolint accepts for DL3016.
    'FROM node:20-slim\nRUN npm install -g typescript@5.6.3 @angular/cli@18.2.8 pnpm@^9.0.0 yarn@stable\n',
    { name: 'install from package.json', code: 'FROM node:20-slim\nRUN npm install && npm ci --omit=dev\n' },
    { name: 'local folders and tarballs', code: 'FROM node:20-slim\nRUN npm install -g . ./tools ../lib /opt/pkg.tgz app-1.0.0.tar.gz file:vendor/x\n' },
    { name: 'git with a ref', code: 'FROM node:20-slim\nRUN npm install git+https://github.com/org/repo.git#v1.2.0 github:org/tool#abc1234 org/other#v2\n' },
    { name: 'a tarball URL', code: 'FROM node:20-slim\nRUN npm install https://example.com/pkg-1.0.0.tgz\n' },
    { name: 'option values', code: 'FROM node:20-slim\nRUN npm install --prefix /opt --registry https://registry.example.com --omit dev\n' },
    { name: 'variables', code: 'FROM node:20-slim\nARG V\nRUN npm install -g typescript@$V "$TOOLS"\n' },
    { name: 'other subcommands', code: 'FROM node:20-slim\nRUN npm uninstall -g typescript && npm run build\n' },
    { name: 'flags only', code: 'FROM node:20-slim\nRUN npm install --unsafe-perm && npm install --loglevel verbose\n' },
    { name: 'a script named install', code: 'FROM node:20-slim\nRUN npm run install\n' },
    { name: 'a folder', code: 'FROM node:20-slim\nRUN npm install /app\n' },
    {
      name: 'option values around pinned packages',
      code: 'FROM node:20-slim\nRUN npm install --registry https://registry.example.com sax@0.1.1 \\\n    && npm install dompurify@1.0.10 --prefix /home/app --no-package-lock \\\n    && npm install --global nodemon@"2.0.16" --registry https://registry.npmjs.org/\n',
    },
  ],
  invalid: [
    {
      code: 'FROM node:20-slim\nRUN npm install -g typescript\n',
      errors: [{ message: TYPESCRIPT, line: 2, column: 20, endColumn: 30 }],
      output: null,
    },
    {
      name: 'scoped packages, aliases of install, and a local install',
      code: 'FROM node:20-slim\nRUN npm i -g @angular/cli && npm add --save-dev vitest\n',
      errors: [
        { message: 'Pin `@angular/cli` to a version (`@angular/cli@<version>`): unpinned, each build installs the newest release', column: 14, endColumn: 26 },
        { message: /^Pin `vitest`/, column: 49 },
      ],
      output: null,
    },
    {
      name: '@latest is not a version (hadolint accepts it)',
      code: 'FROM node:20-slim\nRUN npm install -g npm@latest\n',
      errors: [{ message: '`npm@latest` installs the newest release on each build: pin a version (`npm@<version>`)', column: 20, endColumn: 30 }],
      output: null,
    },
    {
      name: 'a git URL without a ref',
      code: 'FROM node:20-slim\nRUN npm install git+https://github.com/org/repo.git\n',
      errors: [
        {
          message:
            'Pin `git+https://github.com/org/repo.git` to a tag or commit (`git+https://github.com/org/repo.git#<tag>`): unpinned, each build installs the branch head',
          column: 17,
        },
      ],
      output: null,
    },
    {
      name: 'heredoc, ONBUILD, CRLF',
      code: 'FROM node:20-slim\r\nRUN <<EOF\r\nnpm install -g typescript\r\nEOF\r\nONBUILD RUN npm install -g typescript\r\n',
      errors: [{ message: TYPESCRIPT, line: 3, column: 16 }, { message: TYPESCRIPT, line: 5, column: 28 }],
      output: null,
    },
  ],
});
