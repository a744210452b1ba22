// Finding and reading `.hadolint.yaml` for the doors (server and CLI): next to the Dockerfile first,
// then at the workspace root. Only reads the file; the core parses it (analysis/hadolint-config.ts).
// Nothing in a configuration file can make Layerwise run a program.
import { lstatSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { MAX_CONFIG_BYTES, parseHadolintConfig, type HadolintConfigResult } from '../analysis/hadolint-config';

export const HADOLINT_CONFIG_NAMES = ['.hadolint.yaml', '.hadolint.yml'] as const;

export interface LoadedHadolintConfig {
  path: string;
  result: HadolintConfigResult;
}

/** The files that may configure a Dockerfile, nearest first, without duplicates. */
export function hadolintConfigCandidates(dockerfilePath: string, workspaceRoot?: string): string[] {
  const folders = [dirname(resolve(dockerfilePath))];
  if (workspaceRoot !== undefined) folders.push(resolve(workspaceRoot));
  const paths = folders.flatMap((folder) => HADOLINT_CONFIG_NAMES.map((name) => join(folder, name)));
  return [...new Set(paths)];
}

/** The configuration read from `path`; null when there is no such file. Never throws. */
export function loadHadolintConfig(path: string): LoadedHadolintConfig | null {
  let size: number;
  try {
    // lstat: a symbolic link is not followed, so a workspace cannot point the editor at a file
    // outside it (its content would reach the log as parse problems).
    const stats = lstatSync(path);
    if (!stats.isFile()) return null;
    size = stats.size;
  } catch {
    return null;
  }
  if (size > MAX_CONFIG_BYTES) {
    return { path, result: { ok: false, problems: [{ message: `the file is larger than ${MAX_CONFIG_BYTES / 1024} KB` }] } };
  }
  try {
    return { path, result: parseHadolintConfig(readFileSync(path, 'utf8')) };
  } catch (error) {
    return { path, result: { ok: false, problems: [{ message: `cannot read the file: ${error instanceof Error ? error.message : String(error)}` }] } };
  }
}

/** The first configuration file found for a Dockerfile, or null. */
export function findHadolintConfig(dockerfilePath: string, workspaceRoot?: string): LoadedHadolintConfig | null {
  for (const candidate of hadolintConfigCandidates(dockerfilePath, workspaceRoot)) {
    const loaded = loadHadolintConfig(candidate);
    if (loaded) return loaded;
  }
  return null;
}

/** One line per problem, `path:line: message`, for logs and stderr. */
export function describeProblems(loaded: LoadedHadolintConfig): string[] {
  const problems = loaded.result.ok ? loaded.result.warnings : loaded.result.problems;
  return problems.map((problem) => `${loaded.path}${problem.line !== undefined ? `:${problem.line}` : ''}: ${problem.message}`);
}
