// yum, dnf, microdnf and zypper as the cache rules (LW105–LW107) read them: the calls that download
// repository metadata and packages, and where those end up.
import type { ToolSpec } from './commands';
import type { CacheLocation } from './size-caches';

// yum(8) and dnf(8) options that take a separate value, so that it is not read as the subcommand.
const RPM_OPTIONS_WITH_VALUE = new Set([
  '-c', '--config', '-d', '--debuglevel', '-e', '--errorlevel', '-x', '--exclude', '--releasever', '--installroot',
  '--enablerepo', '--disablerepo', '--repo', '--repoid', '--setopt', '--forcearch', '--downloaddir', '--destdir', '-R', '--randomwait',
]);

export const YUM: ToolSpec = { programs: ['yum'], optionsWithValue: RPM_OPTIONS_WITH_VALUE };
export const DNF: ToolSpec = { programs: ['dnf', 'dnf-3', 'dnf5'], optionsWithValue: RPM_OPTIONS_WITH_VALUE };
export const MICRODNF: ToolSpec = { programs: ['microdnf'], optionsWithValue: RPM_OPTIONS_WITH_VALUE };

/** Subcommands that fetch repository metadata (and packages) into the cache. */
export const YUM_WRITERS = ['install', 'groupinstall', 'localinstall', 'reinstall', 'downgrade', 'update', 'upgrade', 'makecache'];
export const DNF_WRITERS = [
  'install', 'in', 'reinstall', 'rei', 'downgrade', 'update', 'upgrade', 'up', 'upgrade-minimal', 'up-min',
  'distro-sync', 'makecache', 'mc', 'groupinstall',
];

/**
 * yum keeps its cache in /var/cache/yum; dnf (which `yum` is on EL 8 and later) in /var/cache/dnf, dnf5 in
 * /var/cache/libdnf5, microdnf in /var/cache/yum. Removing any of them is taken as the cleanup: which one
 * the base image uses is not known here.
 */
export const RPM_CACHE: CacheLocation = { paths: ['/var/cache/yum', '/var/cache/dnf', '/var/cache/libdnf5'] };

// zypper(8) global options that take a value (they come before the subcommand).
export const ZYPPER: ToolSpec = {
  programs: ['zypper'],
  optionsWithValue: new Set([
    '-c', '--config', '-R', '--root', '-D', '--reposd-dir', '-C', '--cache-dir', '--raw-cache-dir', '--solv-cache-dir',
    '--pkg-cache-dir', '-p', '--plus-repo', '--plus-content', '--installroot', '--userdata', '--releasever',
  ]),
};

export const ZYPPER_WRITERS = ['install', 'in', 'update', 'up', 'dist-upgrade', 'dup', 'patch', 'refresh', 'ref', 'source-install', 'si'];
export const ZYPPER_CACHE: CacheLocation = { paths: ['/var/cache/zypp'] };
