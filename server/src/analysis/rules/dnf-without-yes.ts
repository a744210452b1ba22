import { defineRule } from '../rule';
import { hasOption, nonInteractiveVisitor, shortOptionLetters, type NonInteractiveSpec } from './support/correctness-noninteractive';

const DNF = {
  programs: ['dnf', 'dnf5'],
  optionsWithValue: new Set(['-c', '--config', '-d', '--debuglevel', '-e', '--errorlevel', '-x', '--exclude', '--releasever', '--installroot', '--enablerepo', '--disablerepo', '--repo', '--setopt']),
};

/** Built once, not per analysis. */
const DNF_YES: NonInteractiveSpec = {
  tool: DNF,
  subcommands: ['install', 'in', 'groupinstall', 'localinstall', 'update', 'upgrade', 'up', 'remove', 'rm', 'erase', 'reinstall', 'downgrade'],
  answered: (call) => shortOptionLetters(call).includes('y') || hasOption(call, '--assumeyes', '--assume-yes') || call.args.some((word) => /assumeyes=(1|true|yes)/i.test(word.value)),
  configuredBy: /assumeyes\s*=\s*(1|true|yes)/i,
  flag: '-y',
  placement: 'after-subcommand',
};

export default defineRule({
  id: 'dnf-without-yes',
  code: 'LW313',
  aliases: { hadolint: 'DL3038' },
  category: 'correctness',
  severity: 'warning',
  appliesTo: 'all-stages',
  docs: {
    summary: '`dnf install` without `-y`: the build stops at a prompt no one can answer.',
    rationale: [
      'dnf asks "Is this ok [y/N]" before it changes anything. A build has no terminal, the default answer',
      'is no, and the step fails with "Operation aborted". `-y` (`--assumeyes`) answers yes.',
    ].join('\n'),
    examples: {
      invalid: ['FROM fedora:41\nRUN dnf install httpd && dnf clean all\n'],
      valid: ['FROM fedora:41\nRUN dnf install -y httpd && dnf clean all\n', 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install httpd && microdnf clean all\n'],
    },
    differences: [
      'microdnf is not judged (hadolint judges it under DL3038): it never prompts, and its `-y` does nothing.',
      'Also judges the `in`, update, upgrade, remove and reinstall subcommands; `yes |` or an `assumeyes=1`',
      'setting written anywhere in the Dockerfile counts as an answer.',
    ].join(' '),
  },
  fix: { availability: 'always', safety: 'safe' },
  create(context) {
    return nonInteractiveVisitor(context, DNF_YES);
  },
});
