// Downloads in a Dockerfile: remote ADD sources, and curl/wget commands whose output goes to stdout
// (where a pipe can hand it to a shell).
import type { ShellWord } from '../../shell-types';
import type { Invocation } from './commands';

const REMOTE_URL = /^(https?|ftp):\/\//i;
const GIT_URL = /^(git@|git:\/\/|ssh:\/\/)|^https?:\/\/\S+\.git(#\S*)?$/i;

/** A source ADD downloads or clones instead of reading from the build context. */
export function isRemoteSource(source: string): boolean {
  return REMOTE_URL.test(source) || GIT_URL.test(source);
}

export function isGitSource(source: string): boolean {
  return GIT_URL.test(source);
}

export const DOWNLOADERS = ['curl', 'wget'] as const;

/** Shells that run a script read from stdin or given as a string. */
export const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh']);

/**
 * True when the download goes to stdout: curl unless told to write a file (`-o`, `-O`), wget only when told
 * to (`-O -`, `-qO-`, `--output-document=-`).
 */
export function downloadsToStdout(download: Invocation): boolean {
  const words = download.args.map((word) => word.value);
  if (download.name === 'curl') {
    return !words.some(
      (word) => /^--(output|remote-name|remote-name-all|output-dir)(=|$)/.test(word) || /^-[a-zA-Z]*[oO]/.test(word),
    );
  }
  return words.some(
    (word, index) => word === '--output-document=-' || /^-[a-zA-Z]*O-$/.test(word) || (/^-[a-zA-Z]*O$/.test(word) && words[index + 1] === '-') || (word === '--output-document' && words[index + 1] === '-'),
  );
}

/**
 * True when a shell invocation runs the script it reads on stdin: `sh`, `bash -s -- args`, `sh -`, but
 * not `sh -c '…'` nor `bash script.sh`.
 */
export function shellReadsStdin(shell: Invocation): boolean {
  const words = shell.args.map((word) => word.value);
  if (words.some((word) => /^-[a-zA-Z]*c[a-zA-Z]*$/.test(word))) return false;
  if (words.some((word) => /^-[a-zA-Z]*s[a-zA-Z]*$/.test(word))) return true;
  const operand = words.find((word) => !word.startsWith('-') || word === '-');
  return operand === undefined || operand === '-';
}

/** True when the word is `$(…)`, `` `…` `` or `<(…)`: its text comes from running the commands inside it. */
export function isSubstitution(word: ShellWord): boolean {
  return /^"?(\$\(|`|<\()/.test(word.raw.trim());
}
