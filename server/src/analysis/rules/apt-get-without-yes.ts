import { defineRule } from '../rule';
import { hasOption, nonInteractiveVisitor, shortOptionLetters, type NonInteractiveSpec } from './support/correctness-noninteractive';
import { APT } from './support/package-managers';

/** Built once, not per analysis. */
const APT_GET_YES: NonInteractiveSpec = {
  tool: APT,
  subcommands: ['install', 'reinstall', 'upgrade', 'dist-upgrade', 'full-upgrade', 'remove', 'purge', 'autoremove', 'build-dep', 'satisfy'],
  answered: (call) => {
    const letters = shortOptionLetters(call);
    return (
      letters.includes('y') ||
      (letters.match(/q/g)?.length ?? 0) >= 2 ||
      hasOption(call, '--yes', '--assume-yes', '--force-yes') ||
      call.args.some((word) => /^(--quiet|-q)=[2-9]/.test(word.value) || /assume-yes/i.test(word.value))
    );
  },
  configuredBy: /APT::Get::Assume-Yes/i,
  flag: '-y',
  placement: 'after-subcommand',
};

export default defineRule({
  id: 'apt-get-without-yes',
  code: 'LW311',
  aliases: { hadolint: 'DL3014' },
  category: 'correctness',
  severity: 'warning',
  appliesTo: 'all-stages',
  docs: {
    summary: '`apt-get install` without `-y`: the build stops at a prompt no one can answer.',
    rationale: [
      'When an install pulls in more packages, apt-get asks "Do you want to continue? [Y/n]". A build has no',
      'terminal, so the answer is end-of-file and apt-get aborts: the build fails, or worse, works until a',
      'dependency changes. `-y` (or `--yes`, `-qq`) answers yes. `DEBIAN_FRONTEND=noninteractive` does not:',
      'it only silences debconf questions.',
    ].join('\n'),
    examples: {
      invalid: ['FROM debian:12-slim\nRUN apt-get update && apt-get install --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n'],
      valid: [
        'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
        'FROM debian:12-slim\nRUN apt-get update && apt-get -qq install --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
      ],
    },
    differences: [
      'Also judges `apt` and `aptitude`, and the other subcommands that prompt (upgrade, dist-upgrade, remove,',
      'purge, autoremove, build-dep); a single `-q` does not count as an answer (only `-qq` implies `-y`), and',
      '`yes |` or an `APT::Get::Assume-Yes` setting written anywhere in the Dockerfile does.',
    ].join(' '),
  },
  fix: { availability: 'always', safety: 'safe' },
  create(context) {
    return nonInteractiveVisitor(context, APT_GET_YES);
  },
});
