// One analysis per document version and settings, shared by diagnostics, code actions and lenses,
// so a code-lens request right after a change does not analyse the text a second time. Small files
// are analysed here, the others on the worker (see analysis-routing.ts); either way the result is
// plain data. An analysis that overran its budget is not tried again for the same version.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../analysis/engine';
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
  /** null: superseded by newer work before it finished. */
  analysis: Promise<DocumentAnalysis | null>;
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
   * The analysis of this exact version with these settings and configuration; computed now when not
   * cached. null when newer work for the document (or its closing) superseded it.
   */
  analysisFor(document: TextDocument, settings: LayerwiseSettings): Promise<DocumentAnalysis | null> {
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
      return cached.analysis;
    }
    const analysis = this.compute(document, settings, hadolint, { buildContext, extraBaseImages });
    const entry: CacheEntry = { version, settings, hadolint, buildContext, extraBaseImages, analysis };
    this.entries.set(uri, entry);
    void analysis.then((result) => {
      if (result === null && this.entries.get(uri) === entry) this.entries.delete(uri);
      if (result?.kind === 'analysed' && registrySizes) this.noteAnalysis(registrySizes, uri, result.result);
    });
    return analysis;
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
  ): Promise<DocumentAnalysis | null> {
    if (!settings.enable) return { kind: 'disabled' };
    const { uri, version } = document;
    const overran = this.overran.get(uri);
    if (overran?.version === version) return { kind: 'timed-out', budgetMs: overran.budgetMs };
    // Read now: the document object changes in place with the next edit.
    const text = document.getText();
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > MAX_ANALYSED_BYTES) return { kind: 'too-large', bytes };
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
        return { kind: 'analysed', result: outcome.analysis, analyzeMs: outcome.analyzeMs };
      case 'timed-out':
        this.overran.set(uri, { version, budgetMs: outcome.budgetMs });
        this.logger.info(`analysing ${where} took over ${outcome.budgetMs} ms and was stopped`);
        return { kind: 'timed-out', budgetMs: outcome.budgetMs };
      case 'superseded':
        return null;
      case 'failed':
        this.logger.error(`analysis of ${where} failed: ${outcome.message}`);
        return { kind: 'failed' };
    }
  }

  private analyzeHere(text: string, options: AnalyzeOptions, where: string): DocumentAnalysis {
    try {
      const started = performance.now();
      const analysis = analyze(text, options);
      const analyzeMs = performance.now() - started;
      const result = toPortableAnalysis(analysis);
      this.logInternalErrors(result, where);
      return { kind: 'analysed', result, analyzeMs };
    } catch (error) {
      this.logger.error(`analysis of ${where} failed`, error);
      return { kind: 'failed' };
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
