// What the version-pinning rules (LW403–LW411) share: find the install calls of one package manager in
// every RUN, and report each package word its judge calls unpinned, on that word.
import type { InstructionInfo, Stage } from '../../model-types';
import type { RuleContext, RuleVisitor } from '../../rule';
import type { ShellWord } from '../../shell-types';
import { findInstallCalls, type InstallCall, type InstallSyntax } from './pinning-command-line';

export interface PinningCheck {
  syntax: InstallSyntax;
  /** True when the whole call is pinned some other way (`pip install -c constraints.txt`, `gem install -v`) or is not a package install. */
  skipCall?: (call: InstallCall, run: InstructionInfo, stage: Stage) => boolean;
  /** The message for a package word that is not pinned; null when it is pinned or cannot be judged. */
  judge: (word: ShellWord, call: InstallCall) => string | null;
}

export function pinningVisitor(context: RuleContext, check: PinningCheck): RuleVisitor {
  return {
    RUN(run, stage) {
      if (!run.script) return;
      for (const call of findInstallCalls(run.script, check.syntax)) {
        if (check.skipCall?.(call, run, stage)) continue;
        for (const word of call.packages) {
          if (cannotBeJudged(word)) continue;
          const message = check.judge(word, call);
          if (message) context.report({ range: word.range, message });
        }
      }
    },
  };
}

/**
 * Words whose final text is only known when the build runs: `"$PKG"`, `curl=${CURL_VERSION}`,
 * `$(cat packages.txt)`. A variable usually carries the version (or the list), so it is never reported.
 */
function cannotBeJudged(word: ShellWord): boolean {
  return word.hasExpansion || word.value.trim() === '';
}

/** Glob characters: a pattern names many packages (or files), not one that could be pinned. */
export function isPattern(value: string): boolean {
  return /[*?[\]]/.test(value);
}

/** True when the word is a URL (`https://…`, `git+ssh://…`). */
export function isUrl(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value);
}

/** `.`, `./x`, `../x`, `/x`, `~/x`: a local file or directory. */
export function isLocalPath(value: string): boolean {
  return value === '.' || value === '..' || /^(\.{1,2}|~)?\//.test(value);
}

/** `name-1.2.3`, `name-1.2-3.el9.x86_64`, `name-2:1.0`: an RPM name with a version after a dash. */
export function hasRpmVersion(value: string): boolean {
  return value.split('-').slice(1).some((part) => /^\d/.test(part));
}

/** The word as it appears in a message: code-formatted. */
export function code(text: string): string {
  return `\`${text}\``;
}

/**
 * The yum/dnf judgement: `name-<version>` (any dash-separated part starting with a digit), a comparison
 * (`'name >= 1.2'`), a local or remote `.rpm`, a file or capability (`/usr/bin/x`, `pkgconfig(x)`) and a
 * group (`@…`) are not reported. In `module install`, a module is pinned by its stream (`nodejs:20`).
 */
export function rpmInstallMessage(value: string, isModuleInstall: boolean, tool: string): string | null {
  if (isModuleInstall) {
    if (value.includes(':')) return null;
    return `Pin the module ${code(value)} to a stream (${code(`${value}:<stream>`)}): unpinned, each build installs the default stream`;
  }
  if (/[=<>]/.test(value) || value.includes('/') || value.includes('(') || value.startsWith('@') || value.endsWith('.rpm')) return null;
  if (hasRpmVersion(value) || isPattern(value)) return null;
  return `Pin ${code(value)} to a version (${code(`${tool} install ${value}-<version>`)}): unpinned, each build installs whatever the repository has that day`;
}
