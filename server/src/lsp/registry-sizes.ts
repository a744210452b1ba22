// The opt-in refinement of base-image sizes from registry manifests (`layerwise.sizeLens.registryLookup`).
// Analyses never wait for it: an analysis reports the base images the table does not know, lookups run
// in the background (a few at a time, each with a deadline), and when one succeeds the documents that
// use the image are analysed again with the size passed to the core as data. Results are cached in
// memory per image; failures are logged and tried again only after a while.
import type { ExtraBaseImage } from '../analysis/engine-types';
import type { Logger } from './logger';
import type { PortableAnalysis } from './portable-analysis';
import { fetchCompressedSize, registryImageOf, type ManifestSize, type RegistryImage } from './registry-manifest';

export interface RegistrySizesOptions {
  /** Per image, token and index included. */
  timeoutMs?: number;
  concurrency?: number;
  /** How long a reference must stay wanted before it is looked up: no request per keystroke while typing a tag. */
  settleMs?: number;
  /** A failed lookup is not tried again for this long. */
  retryAfterMs?: number;
  /** Host → base URL, for tests; never from a setting. */
  endpoints?: ReadonlyMap<string, string>;
  now?: () => number;
}

type Lookup = { state: 'queued' | 'running' } | { state: 'known'; image: ExtraBaseImage } | { state: 'failed'; at: number };

const DEFAULTS = { timeoutMs: 3000, concurrency: 2, settleMs: 1000, retryAfterMs: 10 * 60 * 1000 };

/** `registry-1.docker.io/library/node@sha256:…`: one lookup however the image is written. */
function lookupKey(image: RegistryImage): string {
  return `${image.host}/${image.repository}@${image.reference}`;
}

export class RegistrySizes {
  private readonly lookups = new Map<string, Lookup>();
  /** Per document: the base images as written → their lookup key. */
  private readonly wanted = new Map<string, ReadonlyMap<string, string>>();
  private readonly snapshots = new Map<string, Record<string, ExtraBaseImage> | undefined>();
  private readonly queue: string[] = [];
  private readonly images = new Map<string, RegistryImage>();
  private readonly settings: typeof DEFAULTS;
  private readonly endpoints: ReadonlyMap<string, string> | undefined;
  private readonly now: () => number;
  private running = 0;
  private idleWaiters: Array<() => void> = [];
  private disposed = false;

  constructor(
    private readonly logger: Logger,
    /** Documents whose known sizes changed: analyse them again and refresh the lenses. */
    private readonly onChanged: (uris: string[]) => void,
    options: RegistrySizesOptions = {},
  ) {
    this.settings = {
      timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
      concurrency: Math.max(1, options.concurrency ?? DEFAULTS.concurrency),
      settleMs: options.settleMs ?? DEFAULTS.settleMs,
      retryAfterMs: options.retryAfterMs ?? DEFAULTS.retryAfterMs,
    };
    this.endpoints = options.endpoints;
    this.now = options.now ?? Date.now;
  }

  /** The sizes known for the document's base images; the same object until one of them changes. */
  sizesFor(uri: string): Record<string, ExtraBaseImage> | undefined {
    if (!this.snapshots.has(uri)) this.snapshots.set(uri, this.buildSnapshot(uri));
    return this.snapshots.get(uri);
  }

  /**
   * After an analysis: the base images whose size is unknown are looked up, and those already priced
   * here stay wanted while the document still uses them. Images it no longer names are dropped.
   */
  noteAnalysis(uri: string, analysis: Pick<PortableAnalysis, 'stages' | 'estimates'>): void {
    if (this.disposed) return;
    const previous = this.wanted.get(uri);
    const next = new Map<string, string>();
    const stageNames = new Set(analysis.stages.map((stage) => stage.name?.toLowerCase()).filter((name) => name));
    for (const stage of analysis.stages) {
      if (stageNames.has(stage.base.toLowerCase())) continue;
      const baseLayer = analysis.estimates.find((estimate) => estimate.stageIndex === stage.index)?.layers[0];
      const priced = previous?.has(stage.base) === true;
      if (!priced && baseLayer?.basis !== 'unknown') continue;
      const image = registryImageOf(stage.base);
      if (!image) continue;
      const key = lookupKey(image);
      this.images.set(key, image);
      next.set(stage.base, key);
    }
    this.wanted.set(uri, next);
    this.refreshSnapshot(uri);
    for (const key of new Set(next.values())) this.request(key);
  }

  forget(uri: string): void {
    this.wanted.delete(uri);
    this.snapshots.delete(uri);
  }

  /** Resolves once nothing is queued or running (for tests and shutdown). */
  idle(): Promise<void> {
    if (this.running === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  dispose(): void {
    this.disposed = true;
    this.queue.length = 0;
    this.wanted.clear();
    this.snapshots.clear();
  }

  private buildSnapshot(uri: string): Record<string, ExtraBaseImage> | undefined {
    const wanted = this.wanted.get(uri);
    if (!wanted) return undefined;
    const sizes: Record<string, ExtraBaseImage> = Object.create(null) as Record<string, ExtraBaseImage>;
    let any = false;
    for (const [written, key] of wanted) {
      const lookup = this.lookups.get(key);
      if (lookup?.state !== 'known') continue;
      sizes[written] = lookup.image;
      any = true;
    }
    return any ? sizes : undefined;
  }

  /** Keeps the old object when nothing in it changed, so the analysis cache still matches. */
  private refreshSnapshot(uri: string): boolean {
    const previous = this.snapshots.get(uri);
    const next = this.buildSnapshot(uri);
    if (sameSizes(previous, next)) return false;
    this.snapshots.set(uri, next);
    return true;
  }

  private request(key: string): void {
    const lookup = this.lookups.get(key);
    if (lookup && (lookup.state !== 'failed' || this.now() - lookup.at < this.settings.retryAfterMs)) return;
    this.lookups.set(key, { state: 'queued' });
    this.queue.push(key);
    this.pump();
  }

  private pump(): void {
    while (!this.disposed && this.running < this.settings.concurrency && this.queue.length > 0) {
      const key = this.queue.shift() as string;
      this.running++;
      void this.settleThenLook(key).finally(() => {
        this.running--;
        this.pump();
        if (this.running === 0 && this.queue.length === 0) this.resolveIdle();
      });
    }
    if (this.disposed || (this.running === 0 && this.queue.length === 0)) this.resolveIdle();
  }

  private resolveIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private async settleThenLook(key: string): Promise<void> {
    if (this.settings.settleMs > 0) await new Promise((resolve) => setTimeout(resolve, this.settings.settleMs));
    const image = this.images.get(key);
    if (this.disposed || !image || !this.isWanted(key)) {
      this.lookups.delete(key);
      return;
    }
    this.lookups.set(key, { state: 'running' });
    let size: ManifestSize;
    try {
      size = await fetchCompressedSize(image, { timeoutMs: this.settings.timeoutMs, endpoints: this.endpoints });
    } catch (error) {
      this.lookups.set(key, { state: 'failed', at: this.now() });
      this.logger.info(`registry size of ${key} not available: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    const platform = size.fromIndex ? ', linux/amd64' : '';
    this.lookups.set(key, { state: 'known', image: { compressedBytes: size.compressedBytes, source: `the ${image.host} manifest (layer blobs${platform})` } });
    this.logger.info(`registry size of ${key}: ${size.compressedBytes} bytes compressed`);
    const changed = [...this.wanted.keys()].filter((uri) => this.refreshSnapshot(uri));
    if (changed.length > 0 && !this.disposed) this.onChanged(changed);
  }

  private isWanted(key: string): boolean {
    for (const wanted of this.wanted.values()) {
      for (const candidate of wanted.values()) if (candidate === key) return true;
    }
    return false;
  }
}

function sameSizes(a: Record<string, ExtraBaseImage> | undefined, b: Record<string, ExtraBaseImage> | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && a[key] === b[key]);
}
