import { defineRule } from '../rule';
import { code, isLocalPath, pinningVisitor, type PinningCheck } from './support/pinning-rules';
import { GO_INSTALL } from './support/pinning-syntaxes';

/** Module queries that move: `@latest`, `@upgrade`, `@patch`, and the usual default branch names. */
const MOVING_QUERIES = new Set(['latest', 'upgrade', 'patch', 'master', 'main', 'HEAD']);

/** What the rule judges: the same for every analysis, so built once. */
const CHECK: PinningCheck = {
  syntax: GO_INSTALL,
  judge(word) {
    const value = word.value;
    const at = value.lastIndexOf('@');
    if (isLocalPath(value) || at === -1) return null;
    const query = value.slice(at + 1);
    if (!MOVING_QUERIES.has(query)) return null;
    const path = value.slice(0, at);
    return `${code(value)} builds whatever ${code(`@${query}`)} points to on each build: install a version (${code(`${path}@<version>`)})`;
  },
};

export default defineRule({
  id: 'go-install-unpinned',
  code: 'LW408',
  aliases: {},
  category: 'reproducibility',
  severity: 'warning',
  appliesTo: 'all-stages',
  docs: {
    summary: '`go install pkg@latest` (or a branch) instead of a version (`pkg@v1.2.3`).',
    rationale: [
      '`go install golang.org/x/tools/gopls@latest` builds whatever was released last on the day of the build:',
      'two builds of the same Dockerfile can ship different tools, and a new release can break the build.',
      'Install a version (`@v0.16.2`) or a commit instead. (`go run pkg@version` is not an install and is',
      'not judged.)',
    ].join('\n'),
    examples: {
      invalid: ['FROM golang:1.23 AS tools\nRUN go install golang.org/x/tools/gopls@latest\n'],
      valid: [
        'FROM golang:1.23 AS tools\nRUN go install golang.org/x/tools/gopls@v0.16.2\n',
        'FROM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nRUN go install ./...\n',
      ],
    },
    differences: [
      'hadolint has no such rule. A package without `@version` is not reported: `go install` then resolves it',
      'through the `go.mod` of the working directory, which pins it (and outside a module the command fails).',
      'Local packages (`./...`, `.`) and packages named through a variable are not judged.',
    ].join(' '),
  },
  fix: {
    availability: 'never',
    safety: 'suggestion',
    reason: 'Which version you want cannot be guessed: pin the one you test with (`go list -m -versions <module>`).',
  },
  create(context) {
    return pinningVisitor(context, CHECK);
  },
});
