import { defineRule } from '../rule';
import { hasOption, nonInteractiveVisitor, shortOptionLetters, type NonInteractiveSpec } from './support/correctness-noninteractive';

const ZYPPER = {
  programs: ['zypper'],
  optionsWithValue: new Set(['-c', '--config', '-R', '--root', '-D', '--reposd-path', '-C', '--cache-dir', '--raw-cache-dir', '--solv-cache-dir', '--pkg-cache-dir']),
};

/** Built once, not per analysis. */
const ZYPPER_NON_INTERACTIVE: NonInteractiveSpec = {
  tool: ZYPPER,
  subcommands: ['install', 'in', 'remove', 'rm', 'source-install', 'si', 'patch', 'update', 'up', 'dist-upgrade', 'dup'],
  answered: (call) => /[ny]/.test(shortOptionLetters(call)) || hasOption(call, '--non-interactive', '--no-confirm'),
  flag: '-n',
  placement: 'after-program',
};

export default defineRule({
  id: 'zypper-without-non-interactive',
  code: 'LW314',
  aliases: { hadolint: 'DL3034' },
  category: 'correctness',
  severity: 'warning',
  appliesTo: 'all-stages',
  docs: {
    summary: '`zypper install` without `-n`: the build stops at a prompt no one can answer.',
    rationale: [
      'zypper asks "Continue? [y/n/v/...? shows all options] (y)" before it changes anything. A build has no',
      'terminal, so the step hangs or aborts. The global `-n` (`--non-interactive`) answers every question with',
      'its default; `install -y` (`--no-confirm`) answers this one.',
    ].join('\n'),
    examples: {
      invalid: ['FROM opensuse/leap:15.6\nRUN zypper install httpd && zypper clean\n'],
      valid: ['FROM opensuse/leap:15.6\nRUN zypper -n install httpd && zypper clean\n', 'FROM opensuse/leap:15.6\nRUN zypper install -y httpd && zypper clean\n'],
    },
    differences: 'The global `-n`/`--non-interactive` counts as an answer (hadolint accepts only `-y`/`--no-confirm`); update and dist-upgrade are judged too.',
  },
  fix: { availability: 'always', safety: 'safe' },
  create(context) {
    return nonInteractiveVisitor(context, ZYPPER_NON_INTERACTIVE);
  },
});
