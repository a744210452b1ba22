import { defineRule } from '../rule';
import { code, isLocalPath, isUrl, pinningVisitor, type PinningCheck } from './support/pinning-rules';
import { NPM_INSTALL } from './support/pinning-syntaxes';

const TARBALL = /\.(tgz|tar\.gz|tar)$/i;
const GIT_SPEC = /^(git(\+(ssh|https?|file))?:\/\/|github:|gitlab:|bitbucket:|gist:)/i;
/** `owner/repo`: npm reads an unscoped name with one slash as a GitHub repository. */
const GITHUB_SHORTHAND = /^[\w.-]+\/[\w.-]+(#.*)?$/;

/** What the rule judges: the same for every analysis, so built once. */
const CHECK: PinningCheck = {
  syntax: NPM_INSTALL,
  judge(word) {
    const value = word.value;
    if (isLocalPath(value) || value.startsWith('file:') || TARBALL.test(value)) return null;
    if (GIT_SPEC.test(value) || GITHUB_SHORTHAND.test(value)) {
      return value.includes('#') ? null : `Pin ${code(value)} to a tag or commit (${code(`${value}#<tag>`)}): unpinned, each build installs the branch head`;
    }
    if (isUrl(value)) return null;
    // A boolean flag may be followed by an explicit true/false (`--save false`).
    if (value === 'true' || value === 'false') return null;
    const [name, version] = splitVersion(value);
    if (version === null) return `Pin ${code(name)} to a version (${code(`${name}@<version>`)}): unpinned, each build installs the newest release`;
    if (version === 'latest') return `${code(value)} installs the newest release on each build: pin a version (${code(`${name}@<version>`)})`;
    return null;
  },
};

export default defineRule({
  id: 'npm-package-unpinned',
  code: 'LW406',
  aliases: { hadolint: 'DL3016' },
  category: 'reproducibility',
  severity: 'warning',
  appliesTo: 'all-stages',
  docs: {
    summary: '`npm install` of a named package without a version (`typescript@<version>`).',
    rationale: [
      'Without a version, `npm install -g typescript` installs whatever is tagged `latest` on the day of the',
      'build, and `@latest` says so explicitly: two builds of the same Dockerfile can ship different tools, and a',
      'new major version can break the build. Pin a version (`typescript@5.6.3`), or let `npm ci` install what',
      '`package-lock.json` records. A git dependency is pinned with a tag or commit (`#v1.2.0`).',
    ].join('\n'),
    examples: {
      invalid: ['FROM node:20-slim\nRUN npm install -g pnpm@9.12.0 typescript\n'],
      valid: [
        'FROM node:20-slim\nRUN npm install -g pnpm@9.12.0 typescript@5.6.3\n',
        'FROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\n',
      ],
    },
    differences: [
      'Like hadolint: `npm install` without names, local folders and tarballs, and git URLs with `#ref` are',
      'accepted. Unlike hadolint, `@latest` is reported (it is not a version), the aliases of `install`',
      '(`npm i`, `npm add`…) are read too, and packages whose name or version comes from a variable are',
      'never reported.',
    ].join(' '),
  },
  fix: {
    availability: 'never',
    safety: 'suggestion',
    reason: 'Which version you want cannot be guessed: pin the one you test with (`npm view <package> version`).',
  },
  create(context) {
    return pinningVisitor(context, CHECK);
  },
});

/** `@scope/name@1.2` → [`@scope/name`, `1.2`]; the version is null when there is no `@` after the scope. */
function splitVersion(spec: string): [string, string | null] {
  const at = spec.indexOf('@', spec.startsWith('@') ? 1 : 0);
  return at === -1 ? [spec, null] : [spec.slice(0, at), spec.slice(at + 1)];
}
