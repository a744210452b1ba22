import type { InstructionInfo } from '../model-types';
import { defineRule } from '../rule';
import { findCalls, hasFlag, operands, type Invocation } from './support/commands';
import { isCall, packageCacheVisitor, programText, type CacheWriter, type PackageCacheSpec } from './support/size-caches';
import { variableSetting, writtenBefore } from './support/size-context';

const YARN = { programs: ['yarn'] };
/**
 * Signs of Yarn 2+ (berry): with Plug'n'Play its cache holds the installed packages themselves, so
 * cleaning it is not a size fix. Such RUNs are not judged.
 */
const BERRY = /corepack|yarn set version|yarn policies set-version|\.yarnrc\.yml|YARN_ENABLE_GLOBAL_CACHE|YARN_NODE_LINKER/;
const BERRY_FLAGS = ['--immutable', '--immutable-cache', '--check-cache', '--mode'];

/** What the rule looks for: the same for every analysis, so built once. */
const CACHE_SPEC: PackageCacheSpec = {
  location: { paths: ['/usr/local/share/.cache/yarn'], homeDirectories: ['.cache/yarn', '.yarn/berry/cache'] },
  writers: (run) => yarnInstalls(run),
  isCleanup: (invocation) => isCall(invocation, YARN.programs, ['cache', 'clean']) || removesYarnCacheDir(invocation),
  isConfiguredAway: (stage, run) =>
    variableSetting(stage, run, 'YARN_CACHE_FOLDER') !== null || writtenBefore(stage, run, BERRY, ['RUN', 'ENV', 'COPY', 'ARG']),
  message: (writer) =>
    `\`${writer.subcommand ? `yarn ${writer.subcommand.value}` : 'yarn'}\` keeps Yarn’s package cache (about the size of node_modules) in this layer: end the RUN with \`yarn cache clean\``,
  report: 'once',
  fix: { kind: 'append', command: (writer) => `${programText(writer)} cache clean`, title: 'Append yarn cache clean', safety: 'unsafe' },
};

export default defineRule({
  id: 'yarn-cache-in-layer',
  code: 'LW110',
  aliases: { hadolint: 'DL3060' },
  category: 'size',
  severity: 'info',
  appliesTo: 'shipped-stages',
  docs: {
    summary: '`yarn install` without `yarn cache clean` leaves Yarn’s package cache in the layer.',
    rationale: [
      'Yarn 1 keeps a copy of every package it installs in its global cache (`/usr/local/share/.cache/yarn`',
      'for root): about the size of `node_modules` again. In an image that copy is dead weight. Run',
      '`yarn cache clean` in the same RUN, or keep the cache out of the image with a BuildKit cache mount on',
      '`yarn cache dir`.',
    ].join('\n'),
    examples: {
      invalid: ['FROM node:20-slim\nWORKDIR /app\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile --production\n'],
      valid: [
        'FROM node:20-slim\nWORKDIR /app\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile --production \\\n    && yarn cache clean\n',
        'FROM node:20-slim\nWORKDIR /app\nCOPY package.json yarn.lock ./\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile --production\n',
      ],
    },
    differences: [
      'Judges only the stages whose layers are shipped (hadolint judges every stage). A `yarn cache clean` after',
      'the install is accepted (newer hadolint versions want a cache mount). Bare `yarn` and `yarn add` count',
      'as installs. RUNs that show signs of Yarn 2+ (`--immutable`, corepack, `.yarnrc.yml`, `yarn set version`)',
      'are not judged: with Plug’n’Play the cache is the installed packages.',
    ].join(' '),
  },
  fix: {
    availability: 'sometimes',
    safety: 'unsafe',
    reason: [
      'The fix is unsafe because a Dockerfile does not show the Yarn version: if the project uses Yarn 2+ with',
      'Plug’n’Play (through `.yarnrc.yml` or `packageManager`), the cache holds the packages the app loads.',
      'Not offered for heredoc or exec-form RUNs, after a SHELL instruction, or when the RUN ends in a way `&&`',
      'would change. No cache-mount rewrite is offered: the cache directory depends on the Yarn version.',
    ].join(' '),
  },
  create(context) {
    return packageCacheVisitor(context, CACHE_SPEC);
  },
});

/** `yarn`, `yarn install`, `yarn add …`, `yarn global add …` without a cache folder of their own or Yarn 2+ flags. */
function yarnInstalls(run: InstructionInfo): CacheWriter[] {
  if (!run.script) return [];
  const writers: CacheWriter[] = [];
  for (const call of findCalls(run.script, YARN)) {
    if (hasFlag(call, '--cache-folder', ...BERRY_FLAGS)) continue;
    const words = operands(call);
    const [first, second] = words;
    const installs =
      words.length === 0 ||
      first.value === 'install' ||
      first.value === 'add' ||
      (first.value === 'global' && second?.value === 'add');
    if (!installs) continue;
    const last = first?.value === 'global' ? second : first;
    writers.push({ invocation: call, range: { start: call.program.range.start, end: (last ?? call.program).range.end }, subcommand: last ?? null });
  }
  return writers;
}

/** `rm -rf "$(yarn cache dir)"`. */
function removesYarnCacheDir(invocation: Invocation): boolean {
  return invocation.name === 'rm' && operands(invocation).some((word) => /\$\(\s*yarn cache dir\s*\)/.test(word.value));
}
