import { defineRule } from '../rule';
import { pinningVisitor, rpmInstallMessage, type PinningCheck } from './support/pinning-rules';
import { YUM_INSTALL } from './support/pinning-syntaxes';

/** What the rule judges: the same for every analysis, so built once. */
const CHECK: PinningCheck = {
  syntax: YUM_INSTALL,
  judge: (word, call) => rpmInstallMessage(word.value, call.subcommand.length > 1, 'yum'),
};

export default defineRule({
  id: 'yum-package-unpinned',
  code: 'LW409',
  aliases: { hadolint: 'DL3033' },
  category: 'reproducibility',
  severity: 'warning',
  appliesTo: 'all-stages',
  docs: {
    summary: '`yum install` of a package without a version (`httpd-<version>`).',
    rationale: [
      'Without a version, `yum install httpd` installs whatever the repositories offer on the day of the build:',
      'two builds of the same Dockerfile can ship different software. Pin the version you tested',
      '(`httpd-2.4.37`, or with its release `httpd-2.4.37-65.module+el8`), and a module by its stream',
      '(`yum module install nodejs:20`).',
    ].join('\n'),
    examples: {
      invalid: ['FROM centos:7\nRUN yum install -y httpd-2.4.6 mod_ssl && yum clean all\n'],
      valid: ['FROM centos:7\nRUN yum install -y httpd-2.4.6 mod_ssl-2.4.6 && yum clean all\n'],
    },
    differences: [
      'hadolint accepts any name with a dash (so `python3-pip` counts as pinned); here a dash must be followed',
      'by a version (a part starting with a digit). Also accepted: comparisons (`\'httpd >= 2.4\'`), local or',
      'remote `.rpm` files, file and capability names (`/usr/bin/x`, `pkgconfig(x)`), groups (`@…`), glob',
      'patterns, option values such as `--enablerepo epel`, and packages named through a variable.',
    ].join(' '),
  },
  fix: {
    availability: 'never',
    safety: 'suggestion',
    reason: 'Which version you want cannot be guessed: pin the one you test with (`yum list --showduplicates <package>`).',
  },
  create(context) {
    return pinningVisitor(context, CHECK);
  },
});
