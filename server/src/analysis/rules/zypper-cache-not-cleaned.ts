import { defineRule } from '../rule';
import { isCall, packageCacheVisitor, programText, subcommandWriters, type PackageCacheSpec } from './support/size-caches';
import { ZYPPER, ZYPPER_CACHE, ZYPPER_WRITERS } from './support/size-rpm';

/** What the rule looks for: the same for every analysis, so built once. */
const CACHE_SPEC: PackageCacheSpec = {
  location: ZYPPER_CACHE,
  writers: (run) => subcommandWriters(run, ZYPPER, ZYPPER_WRITERS),
  isCleanup: (invocation) => isCall(invocation, ZYPPER.programs, ['clean']) || isCall(invocation, ZYPPER.programs, ['cc']),
  message: (writer) =>
    `\`zypper ${writer.subcommand?.value ?? 'install'}\` keeps the repository metadata (tens of MB) in this layer: end the RUN with \`zypper clean --all\``,
  report: 'once',
  fix: { kind: 'append', command: (writer) => `${programText(writer)} clean --all`, title: 'Append zypper clean --all', safety: 'safe' },
  mountTarget: '/var/cache/zypp',
};

export default defineRule({
  id: 'zypper-cache-not-cleaned',
  code: 'LW107',
  aliases: { hadolint: 'DL3036', trivy: 'AVD-DS-0020' },
  category: 'size',
  severity: 'warning',
  appliesTo: 'shipped-stages',
  docs: {
    summary: '`zypper install` without `zypper clean` leaves the repository metadata and packages in the layer.',
    rationale: [
      'zypper keeps the raw and solver metadata of every repository it refreshed (tens of MB for the openSUSE',
      'OSS repository) and, when `keeppackages` is on, the packages in `/var/cache/zypp`. A layer never',
      'shrinks later, so the cache must go in the RUN that filled it: end it with `zypper clean --all`',
      '(plain `zypper clean` empties only the package cache). A',
      '`RUN --mount=type=cache,target=/var/cache/zypp` keeps the cache out of the image, and between builds.',
    ].join('\n'),
    examples: {
      invalid: ['FROM opensuse/leap:15.6\nRUN zypper --non-interactive install httpd\n'],
      valid: [
        'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install httpd \\\n    && zypper clean --all\n',
        'FROM opensuse/leap:15.6\nRUN --mount=type=cache,target=/var/cache/zypp zypper --non-interactive install httpd\n',
      ],
    },
    differences: [
      'Judges only the stages whose layers are shipped, and the other calls that fill the cache (update,',
      'dist-upgrade, patch, refresh, source-install). Like hadolint’s original rule (and unlike its newer',
      'versions), a `zypper clean` after the last install is accepted; the fix writes `zypper clean --all`.',
    ].join(' '),
  },
  fix: {
    availability: 'sometimes',
    safety: 'safe',
    reason: 'Not offered for heredoc or exec-form RUNs, after a SHELL instruction, or when the RUN ends in a way `&&` would change; the cache-mount alternative is offered when the RUN runs as root.',
  },
  create(context) {
    return packageCacheVisitor(context, CACHE_SPEC);
  },
});
