// One analysis per document version and settings, shared by diagnostics, code actions and lenses,
// so a code-lens request right after a change does not analyse the text a second time. Small files
// are analysed here, the others on the worker (see analysis-routing.ts); either way the result is
// plain data. Here the findings come first and the size estimate after, when the diagnostics are out
// or a lens asks for it, so that diagnostics never wait for it. An analysis that overran its budget
// is not tried again for the same version.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, withSizeEstimates } from '../analysis/engine';
import type { AnalysisResult } from '../analysis/engine-types';
import type { AnalyzeOptions, BuildContextInfo, ExtraBaseImage } from '../analysis/engine-types';
import type { LoadedHadolintConfig } from '../config/hadolint-file';
import type { OffThreadAnalyzer } from './analysis-worker-host';
import { DEFAULT_MAIN_THREAD_MAX_BYTES, routeFor } from './analysis-routing';
import type { LayerwiseSettings } from './settings';
import type { Logger } from './logger';
import { toPortableAnalysis, type PortableAnalysis } from './portable-analysis';

/** Larger files are not analysed: the parser's cost grows faster than linearly on huge inputs. */
export const MAX_ANALYSED_BYTES = 2 * 1024 * 1024;

export type DocumentAnalysis =
  /** analyzeMs: what analyze() itself took (the rest of the time to diagnostics is the server's). */
  | { kind: 'analysed'; result: PortableAnalysis; analyzeMs?: number }
  | { kind: 'too-large'; bytes: number }
  | { kind: 'timed-out'; budgetMs: number }
  | { kind: 'disabled' }
  | { kind: 'failed' };

interface CacheEntry {
  version: number;
  settings: LayerwiseSettings;
  hadolint: LoadedHadolintConfig | null;
  buildContext: BuildContextInfo | undefined;
  extraBaseImages: Record<string, ExtraBaseImage> | undefined;
  /** Where base-image sizes are learnt, when the settings allow a lookup. */
  registrySizes: BaseImageSizeSource | null;
  /** The analysis as soon as its findings are known (possibly before its size estimate); null: superseded. */
  findings: Promise<DocumentAnalysis | null>;
  /** What computing gave; the whole analysis is made from it when first needed. */
  computed: Promise<Computed>;
  /** The whole analysis, size estimate included; null: superseded by newer work before it finished. */
  whole: Promise<DocumentAnalysis | null> | null;
}

/** What computing an analysis gives: the analysis, and for one made without sizes the step that adds them. */
interface Computed {
  analysis: DocumentAnalysis | null;
  addSizes?: () => DocumentAnalysis;
}

/** The build context known for a document now (see BuildContexts); none by default. */
export type BuildContextSource = (uri: string) => BuildContextInfo | undefined;

/** The `.hadolint.yaml` that applies to a document (see HadolintConfigs); none by default. */
export type HadolintConfigSource = (uri: string) => LoadedHadolintConfig | null;

/** Sizes of base images learnt outside the table (see RegistrySizes), asked for only when the setting allows it. */
export interface BaseImageSizeSource {
  /** The same object until a size changes: it is part of the cache key. */
  sizesFor(uri: string): Record<string, ExtraBaseImage> | undefined;
  /** Told of each analysis, to learn which base images are unknown; must not block. */
  noteAnalysis(uri: string, analysis: PortableAnalysis): void;
}

/**
 * The settings, and a `.hadolint.yaml` when one applies: its rule settings rank below `layerwise.rules`,
 * and suppressions are honoured only when neither forbids them.
 */
export function analyzeOptionsFrom(settings: LayerwiseSettings, hadolint: LoadedHadolintConfig | null = null): AnalyzeOptions {
  const config = hadolint?.result.ok ? hadolint.result.config : null;
  return {
    target: settings.target,
    rules: settings.rules,
    importedRules: config?.rules,
    ruleOptions: config?.trustedRegistries ? { trustedRegistries: config.trustedRegistries } : undefined,
    allowSuppressions: settings.allowSuppressions && config?.allowSuppressions !== false,
    estimateSizes: settings.sizeLens.enabled,
  };
}

export interface DocumentAnalysesOptions {
  hadolintConfigFor?: HadolintConfigSource;
  buildContextFor?: BuildContextSource;
  baseImageSizes?: BaseImageSizeSource;
  /** Where analyses that may take long run; without one, everything runs on the main thread. */
  offThread?: OffThreadAnalyzer | null;
  /** Files up to this size (and of a linear shape) are analysed on the main thread. */
  mainThreadMaxBytes?: number;
}

export class DocumentAnalyses {
  private readonly entries = new Map<string, CacheEntry>();
  /** The version of each document whose analysis overran its budget: not tried again. */
  private readonly overran = new Map<string, { version: number; budgetMs: number }>();
  private readonly hadolintConfigFor: HadolintConfigSource;
  private readonly buildContextFor: BuildContextSource;
  private readonly baseImageSizes: BaseImageSizeSource | null;
  private readonly offThread: OffThreadAnalyzer | null;
  private readonly mainThreadMaxBytes: number;

  constructor(
    private readonly logger: Logger,
    options: DocumentAnalysesOptions = {},
  ) {
    this.hadolintConfigFor = options.hadolintConfigFor ?? (() => null);
    this.buildContextFor = options.buildContextFor ?? (() => undefined);
    this.baseImageSizes = options.baseImageSizes ?? null;
    this.offThread = options.offThread ?? null;
    this.mainThreadMaxBytes = options.mainThreadMaxBytes ?? DEFAULT_MAIN_THREAD_MAX_BYTES;
  }

  /**
   * The analysis of this exact version with these settings and configuration, size estimate included;
   * computed now when not cached. null when newer work for the document (or its closing) superseded it.
   */
  analysisFor(document: TextDocument, settings: LayerwiseSettings): Promise<DocumentAnalysis | null> {
    return this.wholeOf(document.uri, this.entryFor(document, settings));
  }

  /**
   * The same analysis as soon as its findings are known: what diagnostics and code actions need. Its
   * stages may not have their size estimate yet.
   */
  findingsFor(document: TextDocument, settings: LayerwiseSettings): Promise<DocumentAnalysis | null> {
    return this.entryFor(document, settings).findings;
  }

  /**
   * Makes the size estimate of this version now, when it is still the current one, so that the lenses
   * are ready when asked for (after its diagnostics are out: they must not wait for it).
   */
  estimateSizes(uri: string, version: number): void {
    const entry = this.entries.get(uri);
    if (entry?.version === version) void this.wholeOf(uri, entry);
  }

  private entryFor(document: TextDocument, settings: LayerwiseSettings): CacheEntry {
    const { uri, version } = document;
    const hadolint = settings.enable ? this.hadolintConfigFor(uri) : null;
    // Only the size estimate reads the context; without the lens it is neither read nor waited for.
    const buildContext = settings.enable && settings.sizeLens.enabled ? this.buildContextFor(uri) : undefined;
    const registrySizes = settings.enable && settings.sizeLens.enabled && settings.sizeLens.registryLookup ? this.baseImageSizes : null;
    const extraBaseImages = registrySizes?.sizesFor(uri);
    const cached = this.entries.get(uri);
    if (
      cached &&
      cached.version === version &&
      cached.settings === settings &&
      cached.hadolint === hadolint &&
      cached.buildContext === buildContext &&
      cached.extraBaseImages === extraBaseImages
    ) {
      return cached;
    }
    const computed = this.compute(document, settings, hadolint, { buildContext, extraBaseImages });
    const findings = computed.then(({ analysis }) => analysis);
    const entry: CacheEntry = { version, settings, hadolint, buildContext, extraBaseImages, registrySizes, findings, computed, whole: null };
    this.entries.set(uri, entry);
    void findings.then((result) => {
      if (result === null && this.entries.get(uri) === entry) this.entries.delete(uri);
    });
    return entry;
  }

  /** The whole analysis of an entry, the size estimate added the first time it is needed; null once superseded. */
  private wholeOf(uri: string, entry: CacheEntry): Promise<DocumentAnalysis | null> {
    if (entry.whole) return entry.whole;
    const whole = entry.computed.then(({ analysis, addSizes }) => {
      if (!addSizes) return analysis;
      return this.entries.get(uri) === entry ? addSizes() : null;
    });
    entry.whole = whole;
    // A null here is a superseded entry (or a null findings, which removed the entry already).
    void whole.then((result) => {
      if (result?.kind === 'analysed' && entry.registrySizes) this.noteAnalysis(entry.registrySizes, uri, result.result);
    });
    return whole;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
    this.overran.delete(uri);
    this.offThread?.cancel(uri);
  }

  dispose(): void {
    this.entries.clear();
    this.offThread?.dispose();
  }

  private async compute(
    document: TextDocument,
    settings: LayerwiseSettings,
    hadolint: LoadedHadolintConfig | null,
    door: Pick<AnalyzeOptions, 'buildContext' | 'extraBaseImages'>,
  ): Promise<Computed> {
    if (!settings.enable) return { analysis: { kind: 'disabled' } };
    const { uri, version } = document;
    const overran = this.overran.get(uri);
    if (overran?.version === version) return { analysis: { kind: 'timed-out', budgetMs: overran.budgetMs } };
    // Read now: the document object changes in place with the next edit.
    const text = document.getText();
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > MAX_ANALYSED_BYTES) return { analysis: { kind: 'too-large', bytes } };
    const options: AnalyzeOptions = { ...analyzeOptionsFrom(settings, hadolint), ...door };
    const where = `${uri} (version ${version})`;
    const offThread = this.offThread;
    const route = routeFor(text, this.mainThreadMaxBytes);
    if (!offThread?.usable || route.onMainThread) return this.analyzeHere(text, options, where);
    // Whatever else happens, the main thread is not taken with this document for the rest of the call.
    const outcome = await offThread.run(uri, text, options, route.linear);
    switch (outcome.kind) {
      case 'done':
        this.logInternalErrors(outcome.analysis, where);
        return { analysis: { kind: 'analysed', result: outcome.analysis, analyzeMs: outcome.analyzeMs } };
      case 'timed-out':
        this.overran.set(uri, { version, budgetMs: outcome.budgetMs });
        this.logger.info(`analysing ${where} took over ${outcome.budgetMs} ms and was stopped`);
        return { analysis: { kind: 'timed-out', budgetMs: outcome.budgetMs } };
      case 'superseded':
        return { analysis: null };
      case 'failed':
        this.logger.error(`analysis of ${where} failed: ${outcome.message}`);
        return { analysis: { kind: 'failed' } };
    }
  }

  /** The findings now; the size estimate (when asked for) is added from the same model by addSizes. */
  private analyzeHere(text: string, options: AnalyzeOptions, where: string): Computed {
    try {
      const started = performance.now();
      const result = analyze(text, { ...options, estimateSizes: false });
      const analyzeMs = performance.now() - started;
      const portable = toPortableAnalysis(result);
      this.logInternalErrors(portable, where);
      const analysis: DocumentAnalysis = { kind: 'analysed', result: portable, analyzeMs };
      if (options.estimateSizes === false) return { analysis };
      return { analysis, addSizes: () => this.addSizes(result, portable, options, analyzeMs, where) };
    } catch (error) {
      this.logger.error(`analysis of ${where} failed`, error);
      return { analysis: { kind: 'failed' } };
    }
  }

  private addSizes(result: AnalysisResult, portable: PortableAnalysis, options: AnalyzeOptions, analyzeMs: number, where: string): DocumentAnalysis {
    const started = performance.now();
    try {
      const { stages, estimates } = withSizeEstimates(result, options);
      return { kind: 'analysed', result: { ...portable, stages, estimates }, analyzeMs: analyzeMs + (performance.now() - started) };
    } catch (error) {
      // The findings stand without it: the lenses show unknown sizes.
      this.logger.error(`size estimate of ${where} failed`, error);
      return { kind: 'analysed', result: portable, analyzeMs };
    }
  }

  private noteAnalysis(source: BaseImageSizeSource, uri: string, result: PortableAnalysis): void {
    try {
      source.noteAnalysis(uri, result);
    } catch (error) {
      this.logger.error(`base-image size lookup for ${uri} failed`, error);
    }
  }

  private logInternalErrors(result: PortableAnalysis, where: string): void {
    for (const failure of result.internalErrors) this.logger.error(`rule ${failure.rule} failed on ${where}: ${failure.message}`);
  }
}
