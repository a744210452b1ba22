// Turns the PATH arguments into the list of Dockerfiles to lint.
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join, resolve } from 'node:path';

/** A missing path or an unreadable folder: exit code 2. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

export const STDIN_PATH = '-';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/**
 * The names Docker tooling treats as Dockerfiles. `Dockerfile.dockerignore` (BuildKit's per-Dockerfile
 * ignore file) matches `Dockerfile.*` but is not a Dockerfile.
 */
export function isDockerfileName(name: string): boolean {
  if (name.endsWith('.dockerignore')) return false;
  return (
    name === 'Dockerfile' ||
    name === 'Containerfile' ||
    name.startsWith('Dockerfile.') ||
    name.endsWith('.Dockerfile') ||
    name.endsWith('.dockerfile')
  );
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function listFolder(folder: string): Dirent[] {
  try {
    return readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    throw new InputError(`cannot read folder ${folder}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function findInFolder(folder: string, found: string[]): void {
  const entries = listFolder(folder).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) findInFolder(path, found);
    } else if (isDockerfileName(entry.name)) {
      // Follow symbolic links to files, never to folders (a link to a parent would loop forever).
      const isFile = entry.isFile() || (entry.isSymbolicLink() && statOrNull(path)?.isFile() === true);
      if (isFile) found.push(path);
    }
  }
}

/**
 * Files are taken whatever their name (the user named them); folders are searched for Dockerfile
 * names. The result keeps argument order, each folder's files sorted, duplicates removed.
 */
export function discoverFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    if (path === STDIN_PATH) {
      files.push(STDIN_PATH);
      continue;
    }
    const stats = statOrNull(path);
    if (!stats) throw new InputError(`no such file or folder: ${path}`);
    if (stats.isDirectory()) {
      const found: string[] = [];
      findInFolder(path, found);
      files.push(...found);
    } else {
      files.push(path);
    }
  }
  const seen = new Set<string>();
  return files.filter((file) => {
    const key = file === STDIN_PATH ? file : resolve(file);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
