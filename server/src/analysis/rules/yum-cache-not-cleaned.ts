import { defineRule } from '../rule';
import { isCall, packageCacheVisitor, programText, subcommandWriters, type PackageCacheSpec } from './support/size-caches';
import { RPM_CACHE, YUM, YUM_WRITERS } from './support/size-rpm';

/** What the rule looks for: the same for every analysis, so built once. */
const CACHE_SPEC: PackageCacheSpec = {
  location: RPM_CACHE,
  writers: (run) => subcommandWriters(run, YUM, YUM_WRITERS),
  isCleanup: (invocation) => isCall(invocation, ['yum', 'dnf'], ['clean', 'all']),
  message: (writer) =>
    `\`yum ${writer.subcommand?.value ?? 'install'}\` keeps yum's repository metadata and package cache (often tens of MB) in this layer: end the RUN with \`yum clean all\``,
  report: 'once',
  fix: { kind: 'append', command: (writer) => `${programText(writer)} clean all`, title: 'Append yum clean all', safety: 'safe' },
};

export default defineRule({
  id: 'yum-cache-not-cleaned',
  code: 'LW105',
  aliases: { hadolint: 'DL3032', trivy: 'AVD-DS-0015' },
  category: 'size',
  severity: 'warning',
  appliesTo: 'shipped-stages',
  docs: {
    summary: '`yum install` without `yum clean all` leaves the repository metadata and packages in the layer.',
    rationale: [
      'yum downloads the metadata of every enabled repository (tens of MB with EPEL or the RHEL repositories)',
      'and, depending on `keepcache`, the packages themselves into `/var/cache/yum` (`/var/cache/dnf` where',
      '`yum` is dnf, on EL 8 and later). A layer never shrinks later, so the cache must go in the RUN that',
      'filled it: end it with `yum clean all` (or `rm -rf /var/cache/yum`). A',
      '`RUN --mount=type=cache,target=/var/cache/yum` keeps the cache out of the image too, and between builds.',
    ].join('\n'),
    examples: {
      invalid: ['FROM centos:7\nRUN yum install -y httpd\n'],
      valid: [
        'FROM centos:7\nRUN yum install -y httpd \\\n    && yum clean all\n',
        'FROM centos:7\nRUN yum install -y httpd && rm -rf /var/cache/yum\n',
        'FROM centos:7\nRUN --mount=type=cache,target=/var/cache/yum yum install -y httpd\n',
      ],
    },
    differences: [
      'Judges only the stages whose layers are shipped. Also judges the other calls that fill the cache (update,',
      'upgrade, groupinstall, localinstall, reinstall, makecache). `dnf clean all` and removing `/var/cache/dnf` count',
      'too, since `yum` is dnf on EL 8 and later. The clean must come after the last install of the RUN.',
    ].join(' '),
  },
  fix: {
    availability: 'sometimes',
    safety: 'safe',
    reason:
      'Not offered for heredoc or exec-form RUNs, after a SHELL instruction, or when the RUN ends in a way `&&` would change (`;`, `&`, a comment). No cache-mount rewrite is offered: the cache directory depends on the yum version of the base image.',
  },
  create(context) {
    return packageCacheVisitor(context, CACHE_SPEC);
  },
});
