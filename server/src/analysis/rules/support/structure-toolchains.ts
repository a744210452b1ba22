// Build toolchains installed with the system package manager: which package names are compilers, build
// systems or headers, and whether the same RUN removes them again (the official-image pattern
// `apk add --virtual .build-deps gcc … && … && apk del .build-deps`).
import type { InstructionInfo } from '../../model-types';
import type { RunScript, ShellWord } from '../../shell-types';
import { findCalls, firstOperandIndex, type ToolSpec } from './commands';
import { findInstallCalls, optionValue, type InstallCall, type InstallSyntax } from './pinning-command-line';
import { APK_ADD, APT_INSTALL, DNF_INSTALL, YUM_INSTALL, ZYPPER_INSTALL } from './pinning-syntaxes';

const TOOLCHAIN_NAMES = new Set([
  'gcc', 'g++', 'cc', 'c++', 'clang', 'llvm', 'gfortran', 'make', 'cmake', 'ninja-build', 'autoconf', 'automake',
  'libtool', 'pkg-config', 'pkgconf', 'pkgconfig', 'build-essential', 'build-base', 'alpine-sdk', 'gcc-c++',
  'musl-dev', 'libc6-dev', 'libc-dev', 'linux-headers', 'kernel-headers', 'glibc-devel', 'golang', 'golang-go',
  'rustc', 'cargo', 'maven', 'gradle', 'default-jdk', 'default-jdk-headless',
]);

/** Versioned compilers, JDKs, and the Debian, Alpine and RPM header packages: one pattern, tested once per package. */
const TOOLCHAIN_PATTERN = new RegExp(
  [
    /(gcc|g\+\+|clang|cpp|gfortran)-\d+(\.\d+)*/, // versioned compilers
    /llvm-\d+/,
    /openjdk-\d+-jdk(-headless)?/,
    /java-[\d.]+-openjdk-devel/,
    /[a-z0-9][a-z0-9.+]*-dev/, // Debian and Alpine headers
    /[a-z0-9][a-z0-9._+]*-devel/, // RPM headers
  ]
    .map((pattern) => `^(?:${pattern.source})$`)
    .join('|'),
);

/** `gcc=4:12.2.0-3`, `gcc:amd64`, `gcc>12` → `gcc`. */
export function packageName(word: string): string {
  return word.split(/[=<>~:]/)[0].toLowerCase();
}

export function isToolchainPackage(name: string): boolean {
  return TOOLCHAIN_NAMES.has(name) || TOOLCHAIN_PATTERN.test(name);
}

export interface InstalledToolchain {
  /** The package word as written. */
  word: ShellWord;
  name: string;
}

const INSTALLERS: readonly InstallSyntax[] = [APT_INSTALL, APK_ADD, DNF_INSTALL, YUM_INSTALL, ZYPPER_INSTALL];

const REMOVERS: ReadonlyArray<{ tool: ToolSpec; subcommands: string[] }> = [
  { tool: { programs: ['apt-get', 'apt', 'aptitude'] }, subcommands: ['purge', 'remove', 'autoremove'] },
  { tool: { programs: ['apk'] }, subcommands: ['del'] },
  { tool: { programs: ['dnf', 'dnf-3', 'dnf5', 'microdnf', 'yum'] }, subcommands: ['remove', 'erase', 'autoremove'] },
  { tool: { programs: ['zypper'] }, subcommands: ['rm', 'remove'] },
];

const APT_MARK: ToolSpec = { programs: ['apt-mark'] };
const GROUP_INSTALLERS: ToolSpec = { programs: ['dnf', 'dnf-3', 'dnf5', 'yum'] };

/** Names the script removes again, and whether it purges everything auto-installed (`apt-mark auto` + `--auto-remove`). */
function removedInScript(script: RunScript): { names: Set<string>; purgesAutoInstalled: boolean } {
  const names = new Set<string>();
  let autoRemoves = false;
  for (const { tool, subcommands } of REMOVERS) {
    for (const call of findCalls(script, tool, subcommands)) {
      const rest = call.args.slice(call.subcommandIndex + 1);
      rest.filter((word) => !word.value.startsWith('-')).forEach((word) => names.add(packageName(word.value)));
      if (call.subcommand?.value === 'autoremove' || rest.some((word) => word.value === '--auto-remove' || word.value === '--autoremove')) {
        autoRemoves = true;
      }
    }
  }
  const marksAuto = findCalls(script, APT_MARK, ['auto']).length > 0;
  return { names, purgesAutoInstalled: autoRemoves && marksAuto };
}

/** The install's `apk add --virtual NAME` (or `-t NAME`), lower-cased, when it has one. */
function virtualName(call: InstallCall): string | null {
  const value = optionValue(call, '--virtual', '-t');
  return value ? value.toLowerCase() : null;
}

/** Toolchain packages a RUN installs and leaves installed at its end. */
export function installedToolchains(run: InstructionInfo): InstalledToolchain[] {
  const script = run.script;
  if (!script) return [];
  const found: InstalledToolchain[] = [];
  let removed: ReturnType<typeof removedInScript> | null = null;
  for (const syntax of INSTALLERS) {
    for (const call of findInstallCalls(script, syntax)) {
      // The removals are read only for a RUN that installs: most RUNs install nothing.
      removed ??= removedInScript(script);
      if (removed.purgesAutoInstalled) return [];
      const group = virtualName(call);
      if (group && removed.names.has(group)) continue;
      for (const word of call.packages) {
        if (word.hasExpansion) continue;
        const name = packageName(word.value);
        if (isToolchainPackage(name) && !removed.names.has(name)) found.push({ word, name });
      }
    }
  }
  return found;
}

/** `dnf groupinstall "Development Tools"` / `dnf group install …`: the whole compiler group. */
export function developmentGroupInstall(run: InstructionInfo): ShellWord | null {
  const script = run.script;
  if (!script) return null;
  for (const call of findCalls(script, GROUP_INSTALLERS)) {
    const index = firstOperandIndex(call.args);
    const words = call.args.slice(index).filter((word) => !word.value.startsWith('-'));
    const groupWords = words[0]?.value === 'groupinstall' ? words.slice(1) : words[0]?.value === 'group' && words[1]?.value === 'install' ? words.slice(2) : [];
    const group = groupWords.find((word) => /^@?development[ -]tools$/i.test(word.value));
    if (group) return group;
  }
  return null;
}
