// The build context as COPY/ADD see it: which sources come from the context, and whether .dockerignore
// excludes them. Patterns are matched with the `ignore` package (a real gitignore matcher), one pattern
// at a time, with Docker's semantics on top (moby/patternmatcher):
// - every pattern is relative to the context root (`foo` matches `foo`, not `a/foo`): it is anchored with `/`;
// - a leading `/` and `./`, and a trailing `/`, are dropped (Docker cleans patterns with filepath.Clean);
// - the last matching pattern wins, and `!` exceptions can re-include a path under an excluded directory
//   (gitignore cannot; Docker can), so patterns are evaluated in order rather than by the gitignore engine.
// Differences that remain: Docker's `\` escapes and character-class edge cases follow gitignore here.
import ignore from 'ignore';
import type { InstructionInfo } from '../../model-types';
import { instructionArguments, type ArgumentWord } from './instruction-args';

export interface DockerignorePattern {
  /** As written in the file. */
  text: string;
  /** 1-based line in the .dockerignore. */
  line: number;
  exception: boolean;
  matches: (path: string) => boolean;
}

export function parseDockerignore(text: string): DockerignorePattern[] {
  const patterns: DockerignorePattern[] = [];
  text.split(/\r\n|\r|\n/).forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) return;
    const exception = line.startsWith('!');
    const cleaned = cleanPattern(exception ? line.slice(1).trim() : line);
    if (cleaned === null) return;
    const matcher = ignore().add(`/${cleaned}`);
    patterns.push({ text: line, line: index + 1, exception, matches: (path) => safeIgnores(matcher, path) });
  });
  return patterns;
}

function cleanPattern(pattern: string): string | null {
  let cleaned = pattern.replace(/^(\.\/|\/)+/, '').replace(/\/+$/, '');
  cleaned = cleaned.split('/').filter((segment) => segment !== '' && segment !== '.').join('/');
  return cleaned === '' || cleaned.startsWith('..') ? null : cleaned;
}

function safeIgnores(matcher: ReturnType<typeof ignore>, path: string): boolean {
  try {
    return matcher.ignores(path);
  } catch {
    return false;
  }
}

/** The pattern that excludes the path (Docker: the last matching pattern decides), or null when it is sent. */
export function excludingPattern(patterns: readonly DockerignorePattern[], path: string): DockerignorePattern | null {
  let decision: DockerignorePattern | null = null;
  for (const pattern of patterns) {
    if (pattern.matches(path)) decision = pattern.exception ? null : pattern;
  }
  return decision;
}

/** True when a pattern could re-include something below the path (`!dir/keep.txt` under an excluded `dir`). */
export function hasExceptionBelow(patterns: readonly DockerignorePattern[], path: string): boolean {
  return patterns.some((pattern) => pattern.exception && cleanPattern(pattern.text.slice(1).trim())?.startsWith(`${path}/`));
}

export interface ContextSource {
  word: ArgumentWord;
  /** Relative to the context root, cleaned: `./src/` → `src`; '' for the root itself. */
  path: string;
}

/**
 * The sources of a COPY/ADD that are read from the build context: not `--from`, not URLs or git
 * repositories, not heredocs, no variables. Globs are kept as written (the caller decides).
 */
export function contextSources(instruction: InstructionInfo): ContextSource[] {
  if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') return [];
  if (instruction.flags.some((flag) => flag.name === 'from')) return [];
  const words = instructionArguments(instruction);
  if (words.length < 2) return [];
  const sources: ContextSource[] = [];
  for (const word of words.slice(0, -1)) {
    const value = word.value;
    if (value.startsWith('<<') || value.includes('$') || /^[a-z][a-z0-9+.-]*:\/\//i.test(value) || /^git@/.test(value)) continue;
    const path = value
      .replace(/\\/g, '/')
      .split('/')
      .filter((segment) => segment !== '' && segment !== '.')
      .join('/');
    if (path.split('/').includes('..')) continue;
    sources.push({ word, path });
  }
  return sources;
}

export function isGlob(path: string): boolean {
  return /[*?[]/.test(path);
}
