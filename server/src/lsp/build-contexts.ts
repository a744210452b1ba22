// The build contexts of open Dockerfiles, for the size estimates. Reading a context takes time (a
// bounded walk of the folder), so it never blocks an analysis: the first analysis runs without it,
// the read starts in the background, and `onArrived` asks for a new analysis when it is there.
// Cached per folder (per Dockerfile when it has its own `<Dockerfile>.dockerignore`), refreshed after
// a short time or when watched files change.
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildContextInfo } from '../analysis/engine-types';
import { readBuildContext } from '../context/build-context';
import type { Logger } from './logger';

export const CONTEXT_TTL_MS = 20_000;

interface Entry {
  context: BuildContextInfo | undefined;
  readAt: number;
  reading: boolean;
  /** Watched files changed while a read was under way: its answer may already be old. */
  dirty: boolean;
  /** Documents that asked for this context: told when it arrives. */
  waiting: Set<string>;
}

export type ContextReader = (dockerfilePath: string) => Promise<BuildContextInfo | undefined>;

export class BuildContexts {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly logger: Logger,
    private readonly onArrived: (uris: string[]) => void,
    private readonly read: ContextReader = (path) => readBuildContext(path),
    private readonly ttlMs = CONTEXT_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The context known now (possibly stale, or undefined); starts a read when there is none or it is old. */
  contextFor(uri: string): BuildContextInfo | undefined {
    const path = filePath(uri);
    if (path === null) return undefined;
    const key = existsSync(`${path}.dockerignore`) ? path : dirname(path);
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { context: undefined, readAt: Number.NEGATIVE_INFINITY, reading: false, dirty: false, waiting: new Set() };
      this.entries.set(key, entry);
    }
    entry.waiting.add(uri);
    if (!entry.reading && this.now() - entry.readAt > this.ttlMs) this.start(key, path, entry);
    return entry.context;
  }

  /** Watched files changed: every context is read again on next use. */
  changed(): void {
    for (const entry of this.entries.values()) {
      entry.readAt = Number.NEGATIVE_INFINITY;
      entry.dirty = entry.reading;
    }
  }

  forget(uri: string): void {
    for (const [key, entry] of this.entries) {
      entry.waiting.delete(uri);
      if (entry.waiting.size === 0 && !entry.reading) this.entries.delete(key);
    }
  }

  private start(key: string, path: string, entry: Entry): void {
    entry.reading = true;
    entry.dirty = false;
    this.read(path)
      .then((context) => {
        entry.readAt = this.now();
        // An unchanged folder keeps its object, so cached analyses stay valid and nothing is re-published.
        if (context === undefined || (entry.context !== undefined && fingerprint(entry.context) === fingerprint(context))) return;
        entry.context = context;
        this.onArrived([...entry.waiting]);
      })
      .catch((error: unknown) => this.logger.error(`reading the build context of ${path} failed`, error))
      .finally(() => {
        entry.reading = false;
        if (entry.waiting.size === 0) this.entries.delete(key);
        // Files changed while this read was under way: read once more so the change is seen.
        else if (entry.dirty) this.start(key, path, entry);
      });
  }
}

function filePath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

function fingerprint(context: BuildContextInfo): string {
  const files = context.files ?? [];
  const bytes = files.reduce((total, file) => total + file.bytes, 0);
  const manifests = (context.manifests ?? []).map((manifest) => `${manifest.path}:${manifest.text.length}`).join(',');
  return [files.length, bytes, context.truncated ?? false, context.nodeModulesBytes ?? -1, context.dockerignore ?? '', manifests].join('|');
}
