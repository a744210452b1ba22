// The door-side reader of the build context: which files `docker build` would send, with their
// sizes, so the size estimator can price `COPY . .` with real bytes. Bounded (file count and time),
// never follows a symbolic link, never throws: what cannot be read is left out, and a listing that
// stopped early says so (`truncated`), which makes its sizes lower bounds.
import { lstat, opendir, readFile, realpath } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { BuildContextInfo } from '../analysis/engine-types';
import { parseDockerignore, type DockerignoreMatcher } from './dockerignore';

export interface ReadContextOptions {
  /** The context root; the Dockerfile's folder by default (what `docker build -f X/Dockerfile X` uses). */
  contextRoot?: string;
  /** At most this many files are listed. */
  maxFiles?: number;
  /** The listing stops after this long. */
  timeBudgetMs?: number;
}

export const DEFAULT_MAX_FILES = 20_000;
export const DEFAULT_TIME_BUDGET_MS = 1_500;
/** Lock files and manifests the estimator reads for its heuristics (context root only). */
const MANIFEST_NAMES = /^(package-lock\.json|yarn\.lock|pnpm-lock\.yaml|requirements[\w.-]*\.txt|poetry\.lock|uv\.lock|pdm\.lock|go\.sum|go\.mod|Cargo\.lock)$/;
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
/** Stats run this many at a time: fast on SSDs, gentle on network drives. */
const STAT_BATCH = 64;

interface Budget {
  deadline: number;
  filesLeft: number;
  truncated: boolean;
}

/**
 * Reads the build context of a Dockerfile on disk. Resolves, never rejects: undefined when the context
 * root cannot be read (unknown, which is not the same as an empty context without a .dockerignore).
 */
export async function readBuildContext(dockerfilePath: string, options: ReadContextOptions = {}): Promise<BuildContextInfo | undefined> {
  try {
    const root = await realpath(options.contextRoot ?? dirname(dockerfilePath));
    if (!(await lstat(root)).isDirectory()) return undefined;
    const dockerignore = await readDockerignore(dockerfilePath, root);
    const matcher = parseDockerignore(dockerignore);
    const budget: Budget = {
      deadline: Date.now() + (options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS),
      filesLeft: options.maxFiles ?? DEFAULT_MAX_FILES,
      truncated: false,
    };
    const files = await listFiles(root, matcher, budget);
    // node_modules gets its own time: the context listing usually skips it (.dockerignore), this does not.
    const nodeModulesDeadline = Date.now() + (options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS);
    const [manifests, nodeModulesBytes] = await Promise.all([readManifests(root), folderBytes(join(root, 'node_modules'), nodeModulesDeadline)]);
    const info: BuildContextInfo = { dockerignore, files, manifests };
    if (budget.truncated) info.truncated = true;
    if (nodeModulesBytes !== null) info.nodeModulesBytes = nodeModulesBytes;
    return info;
  } catch {
    return undefined;
  }
}

/** `<Dockerfile>.dockerignore` next to the Dockerfile wins over the context root's `.dockerignore`. */
async function readDockerignore(dockerfilePath: string, root: string): Promise<string | null> {
  const candidates = [join(dirname(dockerfilePath), `${basename(dockerfilePath)}.dockerignore`), join(root, '.dockerignore')];
  for (const candidate of candidates) {
    const text = await readSmallFile(candidate, 1024 * 1024);
    if (text !== null) return text;
  }
  return null;
}

async function readSmallFile(path: string, maxBytes: number): Promise<string | null> {
  try {
    const info = await lstat(path);
    if (!info.isFile() || info.size > maxBytes) return null;
    return await readFile(path, 'utf8');
  } catch {
    return null;
  }
}

async function listFiles(root: string, matcher: DockerignoreMatcher, budget: Budget): Promise<Array<{ path: string; bytes: number }>> {
  const files: Array<{ path: string; bytes: number }> = [];
  const folders: string[] = [''];
  while (folders.length > 0) {
    if (Date.now() > budget.deadline || budget.filesLeft <= 0) {
      budget.truncated = true;
      break;
    }
    const folder = folders.shift() as string;
    const candidates: string[] = [];
    for (const entry of await readFolder(join(root, folder))) {
      const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
      // Symbolic links are never followed: Docker sends the link itself, a few bytes.
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) {
        if (!matcher.canSkipFolder(path)) folders.push(path);
      } else if (entry.isFile() && !matcher.excludes(path)) {
        candidates.push(path);
      }
    }
    for (let start = 0; start < candidates.length; start += STAT_BATCH) {
      const batch = candidates.slice(start, start + STAT_BATCH).slice(0, Math.max(0, budget.filesLeft));
      if (batch.length === 0 || Date.now() > budget.deadline) {
        budget.truncated = true;
        break;
      }
      const sizes = await Promise.all(batch.map((path) => fileSize(join(root, path))));
      batch.forEach((path, index) => {
        const bytes = sizes[index];
        if (bytes !== null) files.push({ path, bytes });
      });
      budget.filesLeft -= batch.length;
    }
  }
  return files;
}

async function readFolder(path: string) {
  try {
    const entries = [];
    for await (const entry of await opendir(path)) entries.push(entry);
    return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}

async function fileSize(path: string): Promise<number | null> {
  try {
    const info = await lstat(path);
    return info.isFile() ? info.size : null;
  } catch {
    return null;
  }
}

async function readManifests(root: string): Promise<Array<{ path: string; text: string }>> {
  const names = (await readFolder(root)).filter((entry) => entry.isFile() && MANIFEST_NAMES.test(entry.name)).map((entry) => entry.name);
  const texts = await Promise.all(names.map((name) => readSmallFile(join(root, name), MAX_MANIFEST_BYTES)));
  return names.flatMap((name, index) => (texts[index] === null ? [] : [{ path: name, text: texts[index] as string }]));
}

/** Total bytes under a folder (symbolic links not followed); null when absent or not finished in time. */
async function folderBytes(path: string, deadline: number, maxEntries = 200_000): Promise<number | null> {
  let total = 0;
  let entries = 0;
  const folders = [path];
  try {
    const first = await lstat(path);
    if (!first.isDirectory()) return null;
  } catch {
    return null;
  }
  while (folders.length > 0) {
    if (Date.now() > deadline || entries > maxEntries) return null;
    const folder = folders.pop() as string;
    const files: string[] = [];
    for (const entry of await readFolder(folder)) {
      entries++;
      if (entry.isDirectory()) folders.push(join(folder, entry.name));
      else if (entry.isFile()) files.push(join(folder, entry.name));
    }
    for (let start = 0; start < files.length; start += STAT_BATCH) {
      const sizes = await Promise.all(files.slice(start, start + STAT_BATCH).map(fileSize));
      total += sizes.reduce<number>((sum, size) => sum + (size ?? 0), 0);
    }
  }
  return total;
}
