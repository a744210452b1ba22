import { defineRule } from '../rule';
import { findInstallCalls, optionValue } from './support/pinning-command-line';
import { PIP_INSTALL } from './support/pinning-syntaxes';
import { isCall, packageCacheVisitor, type CacheWriter, type PackageCacheSpec } from './support/size-caches';
import { variableSetting, writtenBefore } from './support/size-context';

/** pip reads PIP_NO_CACHE_DIR with strtobool and, for compatibility, disables the cache for any valid value. */
const STRTOBOOL = /^(y|yes|t|true|on|1|n|no|f|false|off|0)$/i;
/** `pip config set global.no-cache-dir …` or a pip.conf written with `no-cache-dir`. */
const PIP_CONFIG = /global\.no-cache-dir|no-cache-dir\s*=/;

/** What the rule looks for: the same for every analysis, so built once. */
const CACHE_SPEC: PackageCacheSpec = {
  location: { paths: ['/root/.cache/pip'], homeDirectories: ['.cache/pip'] },
  writers: (run) =>
    run.script
      ? findInstallCalls(run.script, PIP_INSTALL)
          .filter((call) => optionValue(call, '--no-cache-dir', '--cache-dir') === null)
          .map((call): CacheWriter => {
            const install = call.subcommand[call.subcommand.length - 1];
            return { invocation: call.invocation, range: { start: call.invocation.program.range.start, end: install.range.end }, subcommand: install };
          })
      : [],
  isCleanup: (invocation) => /^pip(\d+(\.\d+)*)?$/.test(invocation.name) && isCall(invocation, [invocation.name], ['cache', 'purge']),
  isConfiguredAway: (stage, run) =>
    STRTOBOOL.test(variableSetting(stage, run, 'PIP_NO_CACHE_DIR') ?? '') ||
    variableSetting(stage, run, 'PIP_CACHE_DIR') !== null ||
    writtenBefore(stage, run, PIP_CONFIG),
  message: () => '`pip install` keeps pip’s download cache (about the size of the packages downloaded) in this layer: add `--no-cache-dir`',
  report: 'each',
  fix: { kind: 'flag', flag: '--no-cache-dir', title: 'Add --no-cache-dir', safety: 'safe' },
  mountTarget: '/root/.cache/pip',
};

export default defineRule({
  id: 'pip-cache-in-layer',
  code: 'LW108',
  aliases: { hadolint: 'DL3042' },
  category: 'size',
  severity: 'warning',
  appliesTo: 'shipped-stages',
  docs: {
    summary: '`pip install` without `--no-cache-dir` leaves pip’s download cache in the layer.',
    rationale: [
      'pip keeps every wheel and source archive it downloads (and every wheel it builds) in `~/.cache/pip`.',
      'In an image that cache is dead weight about the size of the packages installed: often tens of MB, and',
      'hundreds for numpy, torch or similar. `pip install --no-cache-dir` writes no cache; so does',
      '`PIP_NO_CACHE_DIR=1`. A `RUN --mount=type=cache,target=/root/.cache/pip` keeps the cache out of the',
      'image and reuses it between builds.',
    ].join('\n'),
    examples: {
      invalid: ['FROM python:3.12-slim\nRUN pip install flask==3.0.3\n'],
      valid: [
        'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask==3.0.3\n',
        'FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask==3.0.3\n',
        'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask==3.0.3\n',
      ],
    },
    differences: [
      'Judges only the stages whose layers are shipped (a virtualenv built in a builder stage may keep its',
      'cache). `PIP_NO_CACHE_DIR` with any value pip accepts counts (pip disables the cache even for `0` or',
      '`off`), as do a cache mount on `~/.cache/pip`, `pip cache purge` or removing `~/.cache/pip` after the',
      'install, a pip config that sets `no-cache-dir`, and `--cache-dir` or `PIP_CACHE_DIR` (the cache is then deliberate).',
    ].join(' '),
  },
  fix: {
    availability: 'always',
    safety: 'safe',
  },
  create(context) {
    return packageCacheVisitor(context, CACHE_SPEC);
  },
});
