import { defineRule } from '../rule';
import { APT_INSTALL } from './support/pinning-syntaxes';
import { code, isPattern, pinningVisitor, type PinningCheck } from './support/pinning-rules';

/** What the rule judges: the same for every analysis, so built once. */
const CHECK: PinningCheck = {
  syntax: APT_INSTALL,
  judge(word) {
    const value = word.value;
    // `=version`, `/release`, a local .deb (a path), a removal (`pkg-`) or a pattern: nothing to pin.
    if (value.includes('=') || value.includes('/') || value.endsWith('.deb') || value.endsWith('-') || isPattern(value)) {
      return null;
    }
    // A trailing `+` asks apt to install, but `g++` and `libstdc++` are names that end in `+`.
    const name = value.endsWith('+') && !value.endsWith('++') ? value.slice(0, -1) : value;
    return `Pin ${code(name)} to a version (${code(`${name}=<version>`)}): unpinned, each build installs whatever the mirror has that day`;
  },
};

export default defineRule({
  id: 'apt-package-unpinned',
  code: 'LW403',
  aliases: { hadolint: 'DL3008' },
  category: 'reproducibility',
  severity: 'warning',
  appliesTo: 'all-stages',
  docs: {
    summary: '`apt-get install` of a package without a version (`curl=<version>`).',
    rationale: [
      'Without a version, `apt-get install curl` installs whatever the mirror offers on the day of the build:',
      'two builds of the same Dockerfile can ship different software, and a new upstream release can break the',
      'build or the application without any change to the repository. Pin the version you tested',
      '(`curl=7.88.1-10+deb12u8`; `apt-cache policy curl` shows the candidates), or a prefix such as `curl=7.88.*`.',
      'Pinned versions do disappear from the archive when they are superseded, so a pin also tells you when to',
      'update on purpose rather than by accident.',
    ].join('\n'),
    examples: {
      invalid: ['FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 git \\\n    && rm -rf /var/lib/apt/lists/*\n'],
      valid: [
        'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 \\\n    && rm -rf /var/lib/apt/lists/*\n',
        'FROM debian:12\nARG CURL_VERSION=7.88.1-10+deb12u8\nRUN apt-get update && apt-get install -y --no-install-recommends "curl=${CURL_VERSION}" \\\n    && rm -rf /var/lib/apt/lists/*\n',
      ],
    },
    differences: [
      'Like hadolint, `pkg/release` (a release pin) and local `.deb` files are accepted, and the value of',
      '`-t`/`--target-release` is not a package. Also read: `apt install` and `aptitude install`, options',
      'anywhere on the line (`apt-get -o Dpkg::Options::=--force-confold install …`), packages whose name or',
      'version comes from a variable (never reported), glob patterns and `pkg-` (a removal) are not judged.',
    ].join(' '),
  },
  fix: {
    availability: 'never',
    safety: 'suggestion',
    reason: 'Which version you want cannot be guessed: pin the one you test with (`apt-cache policy <package>`).',
  },
  create(context) {
    return pinningVisitor(context, CHECK);
  },
});
