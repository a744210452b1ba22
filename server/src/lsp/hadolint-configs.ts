// `.hadolint.yaml` for open documents: found next to the Dockerfile or at the root of its workspace
// folder, read once and cached until the client reports a change to such a file
// (workspace/didChangeWatchedFiles; the VS Code client watches `**/.hadolint.{yaml,yml}`).
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeProblems, findHadolintConfig, type LoadedHadolintConfig } from '../config/hadolint-file';
import type { Logger } from './logger';

export class HadolintConfigs {
  /** Keyed by document URI; null caches "no configuration" too. */
  private readonly byDocument = new Map<string, LoadedHadolintConfig | null>();
  private workspaceRoots: string[] = [];

  constructor(private readonly logger: Logger) {}

  /** Folder URIs from initialize (workspaceFolders, or the older rootUri). */
  setWorkspaceFolders(uris: readonly string[]): void {
    this.workspaceRoots = uris.map(pathOfFileUri).filter((path): path is string => path !== null);
    this.byDocument.clear();
  }

  /** The configuration for a document; null for none, for unsaved and for non-file documents. */
  configFor(uri: string): LoadedHadolintConfig | null {
    if (this.byDocument.has(uri)) return this.byDocument.get(uri) ?? null;
    const path = pathOfFileUri(uri);
    const loaded = path === null ? null : findHadolintConfig(path, this.rootOf(path));
    if (loaded) for (const line of describeProblems(loaded)) this.logger.error(`hadolint configuration: ${line}`);
    this.byDocument.set(uri, loaded);
    return loaded;
  }

  /** A configuration file was created, changed or deleted: read again on next use. */
  changed(): void {
    this.byDocument.clear();
  }

  forget(uri: string): void {
    this.byDocument.delete(uri);
  }

  /** The deepest workspace folder that holds the file. */
  private rootOf(path: string): string | undefined {
    const holders = this.workspaceRoots.filter((root) => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep));
    return holders.sort((a, b) => b.length - a.length)[0];
  }
}

function pathOfFileUri(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}
