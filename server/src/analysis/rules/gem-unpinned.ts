import { defineRule } from '../rule';
import { optionValue } from './support/pinning-command-line';
import { code, isLocalPath, pinningVisitor, type PinningCheck } from './support/pinning-rules';
import { GEM_INSTALL } from './support/pinning-syntaxes';

/** What the rule judges: the same for every analysis, so built once. */
const CHECK: PinningCheck = {
  syntax: GEM_INSTALL,
  skipCall: (call) => optionValue(call, '-v', '--version') !== null,
  judge(word) {
    const value = word.value;
    if (value.includes(':') || value.endsWith('.gem') || value.includes('/') || isLocalPath(value)) return null;
    return `Pin ${code(value)} to a version (${code(`gem install ${value} -v <version>`)} or ${code(`${value}:<version>`)}): unpinned, each build installs the newest release`;
  },
};

export default defineRule({
  id: 'gem-unpinned',
  code: 'LW407',
  aliases: { hadolint: 'DL3028' },
  category: 'reproducibility',
  severity: 'warning',
  appliesTo: 'all-stages',
  docs: {
    summary: '`gem install` of a gem without a version (`-v <version>` or `bundler:<version>`).',
    rationale: [
      'Without a version, `gem install bundler` installs the newest release on the day of the build: two builds',
      'of the same Dockerfile can ship different tools, and a new major version (Bundler 1 → 2 did) can break',
      'the build. Pin it (`gem install bundler -v 2.5.22` or `gem install bundler:2.5.22`), or install the',
      'application\'s gems from `Gemfile.lock` with `bundle install`.',
    ].join('\n'),
    examples: {
      invalid: ['FROM ruby:3.3-slim\nRUN gem install bundler\n'],
      valid: ['FROM ruby:3.3-slim\nRUN gem install bundler -v 2.5.22\n', 'FROM ruby:3.3-slim\nRUN gem install bundler:2.5.22 rake:13.2.1\n'],
    },
    differences: [
      'Like hadolint: `-v`/`--version` pins every gem of the call and `name:version` pins one. Also accepted:',
      'local `.gem` files and paths, the values of options such as `--install-dir`, and gems whose name or',
      'version comes from a variable.',
    ].join(' '),
  },
  fix: {
    availability: 'never',
    safety: 'suggestion',
    reason: 'Which version you want cannot be guessed: pin the one you test with (`gem list <gem>` shows it).',
  },
  create(context) {
    return pinningVisitor(context, CHECK);
  },
});
