// The command lines of the package managers the version-pinning rules read: program names, install
// subcommands and, above all, which options take a value. A value read as a package is a false finding
// (`apt-get -t bookworm-backports install`, `pip install -i URL`), so the tables follow each tool's manual.
import type { InstallSyntax, OptionTable } from './pinning-command-line';

const set = (...names: string[]): ReadonlySet<string> => new Set(names);
const join = (...sets: ReadonlyArray<ReadonlySet<string>>): ReadonlySet<string> => new Set(sets.flatMap((s) => [...s]));
const getopt = (withValue: ReadonlySet<string>): OptionTable => ({ withValue, bundlesShortOptions: true });

// apt-get(8), apt(8), aptitude(8). Options may come before or after the subcommand.
const APT_OPTIONS = getopt(
  set(
    '-o', '--option', '-c', '--config-file', '-t', '--target-release', '--default-release',
    '-a', '--host-architecture', '-P', '--build-profiles', '--solver',
    // aptitude only
    '-F', '--display-format', '-w', '--width', '-O', '--sort', '-S', '--log-file', '--log-level',
  ),
);

export const APT_INSTALL: InstallSyntax = {
  programs: /^(apt-get|apt|aptitude)$/,
  installSubcommands: [['install']],
  globalOptions: APT_OPTIONS,
  installOptions: APT_OPTIONS,
};

// apk(8) global options and apk-add(8).
const APK_GLOBAL = set(
  '-X', '--repository', '-p', '--root', '--arch', '--keys-dir', '--repositories-file', '--cache-dir',
  '--cache-max-age', '--progress-fd', '--wait', '--timeout', '--uvol-manager', '--from',
);

export const APK_ADD: InstallSyntax = {
  programs: /^apk$/,
  installSubcommands: [['add']],
  globalOptions: getopt(APK_GLOBAL),
  installOptions: getopt(join(APK_GLOBAL, set('-t', '--virtual'))),
};

// pip's general options (accepted before and after the subcommand) and `pip install`'s.
const PIP_GENERAL = set(
  '--python', '--log', '--log-file', '--local-log', '--proxy', '--retries', '--timeout', '--exists-action',
  '--trusted-host', '--cert', '--client-cert', '--cache-dir', '--use-feature', '--use-deprecated',
  '--keyring-provider', '--resume-retries',
);
const PIP_INSTALL_OPTIONS = set(
  '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-t', '--target', '--platform',
  '--python-version', '--implementation', '--abi', '--root', '--prefix', '--src', '-b', '--build',
  '--upgrade-strategy', '-C', '--config-settings', '--global-option', '--install-option', '--no-binary',
  '--only-binary', '--progress-bar', '--root-user-action', '--report', '--group', '-i', '--index-url',
  '--extra-index-url', '-f', '--find-links',
);

export const PIP_INSTALL: InstallSyntax = {
  programs: /^pip(\d+(\.\d+)*)?$/,
  pythonModule: 'pip',
  installSubcommands: [['install']],
  globalOptions: getopt(PIP_GENERAL),
  installOptions: getopt(join(PIP_GENERAL, PIP_INSTALL_OPTIONS)),
};

// npm's parser (nopt) gives any option it does not know as a boolean the next word as its value, so
// the table lists the flags: an unknown option is assumed to take a value (no package is invented).
const NPM_FLAGS = set(
  '-g', '--global', '-D', '--save-dev', '-P', '--save-prod', '-O', '--save-optional', '-B', '--save-bundle',
  '-E', '--save-exact', '-S', '--save', '--save-peer', '--dry-run', '-f', '--force', '--legacy-peer-deps',
  '--strict-peer-deps', '--prefer-offline', '--prefer-online', '--offline', '--audit', '--fund',
  '--ignore-scripts', '--package-lock', '--package-lock-only', '--production', '--global-style',
  '--legacy-bundling', '--bin-links', '--install-links', '--foreground-scripts', '--progress', '-q', '--quiet',
  '-s', '--silent', '-d', '-dd', '-ddd', '--verbose', '--unsafe-perm', '--update-notifier',
  '--workspaces', '-ws', '--include-workspace-root', '--json', '--parseable', '--link', '-y', '--yes',
  '--shrinkwrap', '--optional', '--color', '-l', '--long',
);
const NPM_WITH_VALUE = set(
  '--prefix', '-C', '--registry', '--cache', '--userconfig', '--globalconfig', '--tag', '--omit', '--include',
  '--install-strategy', '-w', '--workspace', '--loglevel', '--before', '--location', '--otp', '--auth-type',
  '--cpu', '--os', '--libc', '--proxy', '--https-proxy', '--noproxy', '--cafile', '--fetch-retries',
  '--fetch-timeout', '--save-prefix', '--script-shell',
);
const NPM_OPTIONS: OptionTable = { withValue: NPM_WITH_VALUE, flags: NPM_FLAGS, bundlesShortOptions: false };

export const NPM_INSTALL: InstallSyntax = {
  programs: /^npm$/,
  // `install` and the aliases npm documents for it.
  installSubcommands: [
    'install', 'i', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall', 'add',
  ].map((alias) => [alias]),
  globalOptions: NPM_OPTIONS,
  installOptions: NPM_OPTIONS,
};

// gem-install(1). `-p/--http-proxy`, `-g/--file` and `--document` take an optional value that is never a
// separate word in practice, so they are read as flags.
const GEM_OPTIONS = getopt(
  set(
    '-v', '--version', '-i', '--install-dir', '-n', '--bindir', '--build-root', '-s', '--source', '--platform',
    '-P', '--trust-policy', '-B', '--bulk-threshold', '--config-file', '--target-rbconfig', '--without',
  ),
);

export const GEM_INSTALL: InstallSyntax = {
  programs: /^gem$/,
  installSubcommands: [['install'], ['i']],
  globalOptions: GEM_OPTIONS,
  installOptions: GEM_OPTIONS,
};

// `go help build`: Go's flag package reads `-flag value` for every non-boolean flag, and accepts `--flag`.
const withDoubleDash = (names: string[]): ReadonlySet<string> => new Set(names.flatMap((name) => [name, `-${name}`]));
const GO_OPTIONS: OptionTable = {
  withValue: withDoubleDash([
    '-C', '-p', '-o', '-covermode', '-coverpkg', '-asmflags', '-buildmode', '-compiler', '-gccgoflags', '-gcflags',
    '-installsuffix', '-ldflags', '-mod', '-modfile', '-overlay', '-pgo', '-pkgdir', '-tags', '-toolexec',
  ]),
  flags: withDoubleDash([
    '-a', '-n', '-race', '-msan', '-asan', '-cover', '-v', '-work', '-x', '-trimpath', '-linkshared', '-modcacherw',
    '-buildvcs', '-i', '-json',
  ]),
  bundlesShortOptions: false,
};

export const GO_INSTALL: InstallSyntax = {
  programs: /^go$/,
  installSubcommands: [['install']],
  globalOptions: GO_OPTIONS,
  installOptions: GO_OPTIONS,
};

// dnf(8) and yum(8) share most options; argparse reads `-x value` and bundles short flags.
const RPM_TOOL_OPTIONS = set(
  '-c', '--config', '--installroot', '--releasever', '--setopt', '--setvar', '-d', '--debuglevel', '-e',
  '--errorlevel', '-x', '--exclude', '--excludepkgs', '--includepkgs', '--disableexcludes', '--disableexcludepkgs',
  '--enablerepo', '--disablerepo', '--repo', '--repoid', '--repofrompath', '--from-repo', '--forcearch',
  '--downloaddir', '--destdir', '--comment', '--color', '--rpmverbosity', '--advisory', '--advisories', '--bz',
  '--bzs', '--cve', '--cves', '--sec-severity', '--secseverity', '--disableplugin', '--enableplugin', '-R',
  '--randomwait',
);
const RPM_TOOL_TABLE = getopt(RPM_TOOL_OPTIONS);

export const YUM_INSTALL: InstallSyntax = {
  programs: /^yum$/,
  installSubcommands: [['install'], ['module', 'install']],
  globalOptions: RPM_TOOL_TABLE,
  installOptions: RPM_TOOL_TABLE,
};

export const DNF_INSTALL: InstallSyntax = {
  programs: /^(dnf|dnf-3|dnf5|microdnf)$/,
  installSubcommands: [['install'], ['in'], ['module', 'install']],
  globalOptions: RPM_TOOL_TABLE,
  installOptions: RPM_TOOL_TABLE,
};

// zypper(8): the global options come before the subcommand, and some letters mean something else there
// (`-D` is --reposd-dir before `install` and --dry-run after it; `-t` is --terse before, --type after).
export const ZYPPER_INSTALL: InstallSyntax = {
  programs: /^zypper$/,
  installSubcommands: [['install'], ['in']],
  globalOptions: getopt(
    set(
      '-c', '--config', '-R', '--root', '-D', '--reposd-dir', '-C', '--cache-dir', '--raw-cache-dir',
      '--solv-cache-dir', '--pkg-cache-dir', '-p', '--plus-repo', '--plus-content', '--installroot', '--userdata',
      '--releasever',
    ),
  ),
  installOptions: getopt(set('-r', '--repo', '-t', '--type', '--from', '--download')),
};
