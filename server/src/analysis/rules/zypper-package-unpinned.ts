import { defineRule } from '../rule';
import { code, hasRpmVersion, isPattern, pinningVisitor, type PinningCheck } from './support/pinning-rules';
import { ZYPPER_INSTALL } from './support/pinning-syntaxes';

/** What the rule judges: the same for every analysis, so built once. */
const CHECK: PinningCheck = {
  syntax: ZYPPER_INSTALL,
  // `-t pattern|patch|product|srcpackage` installs something else than packages. (Before the
  // subcommand, `-t` is --terse and has no value.)
  skipCall: (call) => call.options.some((option) => ['-t', '--type'].includes(option.name) && option.value !== null && option.value !== 'package'),
  judge(word) {
    const value = word.value;
    if (/[=<>]/.test(value) || value.includes('/') || value.includes(':') || value.endsWith('.rpm')) return null;
    if (hasRpmVersion(value) || isPattern(value)) return null;
    return `Pin ${code(value)} to a version (${code(`${value}=<version>`)}): unpinned, each build installs whatever the repository has that day`;
  },
};

export default defineRule({
  id: 'zypper-package-unpinned',
  code: 'LW411',
  aliases: { hadolint: 'DL3037' },
  category: 'reproducibility',
  severity: 'warning',
  appliesTo: 'all-stages',
  docs: {
    summary: '`zypper install` of a package without a version (`curl=<version>`).',
    rationale: [
      'Without a version, `zypper install curl` installs whatever the repositories offer on the day of the build:',
      'two builds of the same Dockerfile can ship different software. Pin the version you tested',
      '(`curl=8.6.0`, or a range such as `\'curl>=8.6,<8.7\'`).',
    ].join('\n'),
    examples: {
      invalid: ['FROM opensuse/leap:15.6\nRUN zypper install -y curl=8.6.0 git && zypper clean --all\n'],
      valid: ['FROM opensuse/leap:15.6\nRUN zypper install -y curl=8.6.0 \'git>=2.43\' && zypper clean --all\n'],
    },
    differences: [
      'Like hadolint: `=`, `<` and `>` pins and `.rpm` files are accepted. Also accepted: `name-<version>` (zypper',
      'reads it as an edition), paths, typed names (`pattern:…`), installs of patterns, patches or products',
      '(`-t pattern`), options whose meaning differs before and after the subcommand (`zypper -D dir in …`), and',
      'packages named through a variable.',
    ].join(' '),
  },
  fix: {
    availability: 'never',
    safety: 'suggestion',
    reason: 'Which version you want cannot be guessed: pin the one you test with (`zypper search -s <package>`).',
  },
  create(context) {
    return pinningVisitor(context, CHECK);
  },
});
