import { defineRule } from '../rule';
import { hasOption, nonInteractiveVisitor, shortOptionLetters, type NonInteractiveSpec } from './support/correctness-noninteractive';

const YUM = {
  programs: ['yum'],
  optionsWithValue: new Set(['-c', '--config', '-d', '--debuglevel', '-e', '--errorlevel', '-x', '--exclude', '--releasever', '--installroot', '--enablerepo', '--disablerepo', '--setopt']),
};

/** Built once, not per analysis. */
const YUM_YES: NonInteractiveSpec = {
  tool: YUM,
  subcommands: ['install', 'groupinstall', 'localinstall', 'update', 'upgrade', 'remove', 'erase', 'reinstall', 'downgrade'],
  answered: (call) => shortOptionLetters(call).includes('y') || hasOption(call, '--assumeyes', '--assume-yes') || call.args.some((word) => /assumeyes=(1|true|yes)/i.test(word.value)),
  configuredBy: /assumeyes\s*=\s*(1|true|yes)/i,
  flag: '-y',
  placement: 'after-subcommand',
};

export default defineRule({
  id: 'yum-without-yes',
  code: 'LW312',
  aliases: { hadolint: 'DL3030' },
  category: 'correctness',
  severity: 'warning',
  appliesTo: 'all-stages',
  docs: {
    summary: '`yum install` without `-y`: the build stops at a prompt no one can answer.',
    rationale: [
      'yum asks "Is this ok [y/N]" before it changes anything. A build has no terminal, the default answer',
      'is no, and the step fails with "Operation aborted". `-y` (`--assumeyes`) answers yes.',
    ].join('\n'),
    examples: {
      invalid: ['FROM centos:7\nRUN yum install httpd && yum clean all\n'],
      valid: ['FROM centos:7\nRUN yum install -y httpd && yum clean all\n'],
    },
    differences: [
      'Also judges update, upgrade, remove, erase, reinstall and downgrade, which prompt too; `yes |` or an',
      '`assumeyes=1` setting written anywhere in the Dockerfile counts as an answer.',
    ].join(' '),
  },
  fix: { availability: 'always', safety: 'safe' },
  create(context) {
    return nonInteractiveVisitor(context, YUM_YES);
  },
});
