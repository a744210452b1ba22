import { defineRule } from '../rule';
import { isCall, packageCacheVisitor, programText, subcommandWriters, type PackageCacheSpec } from './support/size-caches';
import { DNF, DNF_WRITERS, MICRODNF, RPM_CACHE } from './support/size-rpm';

/** `yum clean all` empties the same cache (yum is dnf on EL 8 and later). */
const CLEANING_PROGRAMS = [...DNF.programs, ...MICRODNF.programs, 'yum'];

/** What the rule looks for: the same for every analysis, so built once. */
const CACHE_SPEC: PackageCacheSpec = {
  location: RPM_CACHE,
  writers: (run) => [...subcommandWriters(run, DNF, DNF_WRITERS), ...subcommandWriters(run, MICRODNF, DNF_WRITERS)],
  isCleanup: (invocation) => isCall(invocation, CLEANING_PROGRAMS, ['clean', 'all']),
  message: (writer) =>
    `\`${writer.invocation.name} ${writer.subcommand?.value ?? 'install'}\` keeps the repository metadata (often tens of MB) in this layer: end the RUN with \`${writer.invocation.name} clean all\``,
  report: 'once',
  fix: { kind: 'append', command: (writer) => `${programText(writer)} clean all`, title: 'Append dnf clean all', safety: 'safe' },
};

export default defineRule({
  id: 'dnf-cache-not-cleaned',
  code: 'LW106',
  aliases: { hadolint: 'DL3040', trivy: 'AVD-DS-0019' },
  category: 'size',
  severity: 'warning',
  appliesTo: 'shipped-stages',
  docs: {
    summary: '`dnf install` or `microdnf install` without `clean all` leaves the repository metadata in the layer.',
    rationale: [
      'dnf and microdnf download the metadata of every enabled repository (often 20–100 MB on Fedora and the',
      'RHEL/UBI repositories) into `/var/cache/dnf` (`/var/cache/libdnf5` with dnf5, `/var/cache/yum` with',
      'microdnf). A layer never shrinks later, so the cache must go in the RUN that filled it: end it with',
      '`dnf clean all` (`microdnf clean all`). A BuildKit cache mount on the cache directory keeps it out of',
      'the image too.',
    ].join('\n'),
    examples: {
      invalid: ['FROM fedora:40\nRUN dnf install -y httpd\n'],
      valid: [
        'FROM fedora:40\nRUN dnf install -y httpd \\\n    && dnf clean all\n',
        'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y tar && microdnf clean all\n',
        'FROM fedora:41\nRUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y httpd\n',
      ],
    },
    differences: [
      'Judges only the stages whose layers are shipped. Any `clean all` of dnf, microdnf or yum after the last',
      'install counts, and so does removing `/var/cache/dnf`, `/var/cache/libdnf5` or `/var/cache/yum`.',
    ].join(' '),
  },
  fix: {
    availability: 'sometimes',
    safety: 'safe',
    reason:
      'Not offered for heredoc or exec-form RUNs, after a SHELL instruction, or when the RUN ends in a way `&&` would change. No cache-mount rewrite is offered: the cache directory depends on the dnf version of the base image.',
  },
  create(context) {
    return packageCacheVisitor(context, CACHE_SPEC);
  },
});
