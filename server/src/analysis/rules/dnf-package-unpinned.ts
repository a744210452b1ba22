import { defineRule } from '../rule';
import { pinningVisitor, rpmInstallMessage, type PinningCheck } from './support/pinning-rules';
import { DNF_INSTALL } from './support/pinning-syntaxes';

/** What the rule judges: the same for every analysis, so built once. */
const CHECK: PinningCheck = {
  syntax: DNF_INSTALL,
  judge: (word, call) => rpmInstallMessage(word.value, call.subcommand.length > 1, call.invocation.name),
};

export default defineRule({
  id: 'dnf-package-unpinned',
  code: 'LW410',
  aliases: { hadolint: 'DL3041' },
  category: 'reproducibility',
  severity: 'warning',
  appliesTo: 'all-stages',
  docs: {
    summary: '`dnf install` (or `microdnf install`) of a package without a version (`httpd-<version>`).',
    rationale: [
      'Without a version, `dnf install httpd` installs whatever the repositories offer on the day of the build:',
      'two builds of the same Dockerfile can ship different software. Pin the version you tested',
      '(`httpd-2.4.62`, or with its release `httpd-2.4.62-1.el9`), and a module by its stream',
      '(`dnf module install nodejs:20`).',
    ].join('\n'),
    examples: {
      invalid: ['FROM fedora:40\nRUN dnf install -y httpd-2.4.62 mod_ssl && dnf clean all\n'],
      valid: [
        'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 mod_ssl-2.4.62 && dnf clean all\n',
        'FROM rockylinux:9\nRUN dnf module install -y nodejs:20 && dnf clean all\n',
      ],
    },
    differences: [
      'Like hadolint, `microdnf` is read too, a version must follow a dash, `.rpm` files are accepted and modules',
      'need a stream. Also accepted: comparisons (`\'httpd >= 2.4\'`), file and capability names (`/usr/bin/x`,',
      '`pkgconfig(x)`), groups (`@…`), glob patterns, option values such as `--enablerepo crb`, and packages named',
      'through a variable.',
    ].join(' '),
  },
  fix: {
    availability: 'never',
    safety: 'suggestion',
    reason: 'Which version you want cannot be guessed: pin the one you test with (`dnf list --showduplicates <package>`).',
  },
  create(context) {
    return pinningVisitor(context, CHECK);
  },
});
