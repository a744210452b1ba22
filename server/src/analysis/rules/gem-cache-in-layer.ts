import type { InstructionInfo, Stage } from '../model-types';
import { defineRule } from '../rule';
import { findCalls, hasFlag, operands, type ToolSpec } from './support/commands';
import { findInstallCalls } from './support/pinning-command-line';
import { GEM_INSTALL } from './support/pinning-syntaxes';
import { packageCacheVisitor, type CacheWriter, type PackageCacheSpec } from './support/size-caches';
import { variableSetting, writtenBefore } from './support/size-context';

/** Where the official ruby images install gems (GEM_HOME), and so where RubyGems keeps the `.gem` files. */
const GEM_CACHE = '/usr/local/bundle/cache';
const BUNDLE: ToolSpec = { programs: ['bundle', 'bundler'] };
const INSTALL_DIR_OPTIONS = ['-i', '--install-dir'];
/** Settings that move the gems (and their cache) somewhere the rule cannot see. */
const MOVED = ['GEM_HOME', 'BUNDLE_PATH', 'BUNDLE_DEPLOYMENT', 'GEM_PATH'];
const BUNDLE_CONFIG_MOVES = /bundle config( set)?( --\w+)* (path|deployment)\b/;

/** What the rule looks for: the same for every analysis, so built once. */
const CACHE_SPEC: PackageCacheSpec = {
  location: { paths: [GEM_CACHE] },
  writers: (run) => gemInstalls(run),
  isCleanup: () => false,
  isConfiguredAway: (stage, run) =>
    !onOfficialRubyImage(stage) ||
    MOVED.some((name) => variableSetting(stage, run, name) !== null) ||
    writtenBefore(stage, run, BUNDLE_CONFIG_MOVES),
  message: (writer) =>
    `\`${writer.invocation.name} install\` keeps the downloaded .gem archives in ${GEM_CACHE} (a second copy of every gem) in this layer: remove them in the same RUN`,
  report: 'once',
  fix: { kind: 'append', command: () => `rm -rf ${GEM_CACHE}`, title: `Append rm -rf ${GEM_CACHE}`, safety: 'safe' },
  mountTarget: GEM_CACHE,
};

export default defineRule({
  id: 'gem-cache-in-layer',
  code: 'LW111',
  aliases: {},
  category: 'size',
  severity: 'warning',
  appliesTo: 'shipped-stages',
  docs: {
    summary: '`bundle install` or `gem install` leaves the downloaded `.gem` archives in the layer.',
    rationale: [
      'RubyGems keeps the `.gem` archive of every gem it installs in `$GEM_HOME/cache`',
      '(`/usr/local/bundle/cache` in the official ruby images), whether `gem install` or `bundle install` runs',
      'it: a second copy of every gem, often tens of MB for a Rails app. Nothing needs it at run time. Remove',
      'it in the same RUN (`rm -rf /usr/local/bundle/cache`) or keep it out of the image with',
      '`RUN --mount=type=cache,target=/usr/local/bundle/cache`.',
    ].join('\n'),
    examples: {
      invalid: ['FROM ruby:3.3-slim\nWORKDIR /app\nCOPY Gemfile Gemfile.lock ./\nRUN bundle install\n'],
      valid: [
        'FROM ruby:3.3-slim\nWORKDIR /app\nCOPY Gemfile Gemfile.lock ./\nRUN bundle install \\\n    && rm -rf /usr/local/bundle/cache\n',
        'FROM ruby:3.3-slim\nWORKDIR /app\nCOPY Gemfile Gemfile.lock ./\nRUN --mount=type=cache,target=/usr/local/bundle/cache bundle install\n',
      ],
    },
    differences: [
      'Judged only on the official ruby images, where the gem directory is known, and only when nothing in',
      'the Dockerfile moves it (`GEM_HOME`, `BUNDLE_PATH`, `BUNDLE_DEPLOYMENT`, `bundle config set path`).',
      'Not related to hadolint’s DL3028 (gem version pinning).',
    ].join(' '),
  },
  fix: {
    availability: 'sometimes',
    safety: 'safe',
    reason:
      'Not offered for heredoc or exec-form RUNs, after a SHELL instruction, or when the RUN ends in a way `&&` would change; the cache-mount alternative is offered when the RUN runs as root.',
  },
  create(context) {
    return packageCacheVisitor(context, CACHE_SPEC);
  },
});

/** `gem install …` and `bundle install` (or bare `bundle`), without options that install elsewhere. */
function gemInstalls(run: InstructionInfo): CacheWriter[] {
  if (!run.script) return [];
  const gemCalls = findInstallCalls(run.script, GEM_INSTALL);
  const bundleCalls = findCalls(run.script, BUNDLE);
  // Cheap test first: most RUNs call neither.
  if (gemCalls.length === 0 && bundleCalls.length === 0) return [];
  const gems = gemCalls
    .filter((call) => !call.options.some((option) => INSTALL_DIR_OPTIONS.includes(option.name)))
    .map((call): CacheWriter => {
      const subcommand = call.subcommand[0];
      return { invocation: call.invocation, range: { start: call.invocation.program.range.start, end: subcommand.range.end }, subcommand };
    });
  const bundles = bundleCalls
    .filter((call) => {
      const words = operands(call);
      return (words.length === 0 || words[0].value === 'install') && !hasFlag(call, '--path', '--deployment', '--standalone');
    })
    .map((call): CacheWriter => {
      const subcommand = operands(call)[0] ?? null;
      return { invocation: call, range: { start: call.program.range.start, end: (subcommand ?? call.program).range.end }, subcommand };
    });
  return [...gems, ...bundles];
}

/** The stage is (built on) an official ruby image: `ruby:…` from Docker Hub. */
function onOfficialRubyImage(stage: Stage): boolean {
  let root = stage;
  while (root.baseStage) root = root.baseStage;
  return root.base.registry === null && (root.base.repository === 'ruby' || root.base.repository === 'library/ruby');
}
