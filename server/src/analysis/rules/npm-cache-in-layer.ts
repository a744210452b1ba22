import { defineRule } from '../rule';
import { findInstallCalls, optionValue } from './support/pinning-command-line';
import { NPM_INSTALL } from './support/pinning-syntaxes';
import { isCall, packageCacheVisitor, programText, type CacheWriter, type PackageCacheSpec } from './support/size-caches';
import { variableSetting } from './support/size-context';

/** The npm subcommands (and the aliases npm documents) that download packages into the cache. */
const NPM_WRITERS = [
  ...NPM_INSTALL.installSubcommands.map((path) => path[0]),
  'ci', 'clean-install', 'ic', 'install-clean', 'isntall-clean',
  'install-test', 'it', 'install-ci-test', 'cit',
  'update', 'up', 'upgrade', 'udpate',
];

const WRITER_SYNTAX = { ...NPM_INSTALL, installSubcommands: NPM_WRITERS.map((name) => [name]) };

/** What the rule looks for: the same for every analysis, so built once. */
const CACHE_SPEC: PackageCacheSpec = {
  location: { paths: ['/root/.npm'], homeDirectories: ['.npm'] },
  writers: (run) =>
    run.script
      ? findInstallCalls(run.script, WRITER_SYNTAX)
          .filter((call) => optionValue(call, '--cache') === null)
          .map((call): CacheWriter => {
            const subcommand = call.subcommand[0];
            return { invocation: call.invocation, range: { start: call.invocation.program.range.start, end: subcommand.range.end }, subcommand };
          })
      : [],
  isCleanup: (invocation) => isCall(invocation, ['npm'], ['cache', 'clean']),
  isConfiguredAway: (stage, run) =>
    variableSetting(stage, run, 'npm_config_cache') !== null || variableSetting(stage, run, 'NPM_CONFIG_CACHE') !== null,
  message: (writer) =>
    `\`npm ${writer.subcommand?.value ?? 'install'}\` keeps npm’s package cache (about the size of the dependencies) in this layer: end the RUN with \`npm cache clean --force\``,
  report: 'once',
  fix: { kind: 'append', command: (writer) => `${programText(writer)} cache clean --force`, title: 'Append npm cache clean --force', safety: 'safe' },
  mountTarget: '/root/.npm',
};

export default defineRule({
  id: 'npm-cache-in-layer',
  code: 'LW109',
  aliases: {},
  category: 'size',
  severity: 'warning',
  appliesTo: 'shipped-stages',
  docs: {
    summary: '`npm install` or `npm ci` leaves npm’s package cache (`~/.npm`) in the layer.',
    rationale: [
      'npm stores a compressed copy of every package it downloads in `~/.npm/_cacache`: roughly the size of',
      'the dependencies again (often 50–300 MB for a web app). In an image the cache is dead weight. Clean it',
      'in the same RUN with `npm cache clean --force`, or keep it out of the image with',
      '`RUN --mount=type=cache,target=/root/.npm`, which also speeds up rebuilds.',
    ].join('\n'),
    examples: {
      invalid: ['FROM node:20-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\n'],
      valid: [
        'FROM node:20-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev \\\n    && npm cache clean --force\n',
        'FROM node:20-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN --mount=type=cache,target=/root/.npm npm ci --omit=dev\n',
      ],
    },
    differences:
      'Judges only the stages whose layers are shipped: a builder stage may keep its cache. A cache moved elsewhere (`--cache`, `npm_config_cache`) is not judged.',
  },
  fix: {
    availability: 'sometimes',
    safety: 'safe',
    reason:
      'The cleanup is not appended to heredoc or exec-form RUNs, after a SHELL instruction, or when the RUN ends in a way `&&` would change; the cache-mount alternative is offered when the RUN runs as root.',
  },
  create(context) {
    return packageCacheVisitor(context, CACHE_SPEC);
  },
});
