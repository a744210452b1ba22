// One analysis per document version and settings, shared by diagnostics, code actions and lenses,
// so a code-lens request right after a change does not analyse the text a second time.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../analysis/engine';
import type { AnalysisResult, AnalyzeOptions, BuildContextInfo } from '../analysis/engine-types';
import type { LoadedHadolintConfig } from '../config/hadolint-file';
import type { LayerwiseSettings } from './settings';
import type { Logger } from './logger';

/** Larger files are not analysed: the parser's cost grows faster than linearly on huge inputs. */
export const MAX_ANALYSED_BYTES = 2 * 1024 * 1024;

export type DocumentAnalysis =
  | { kind: 'analysed'; result: AnalysisResult }
  | { kind: 'too-large'; bytes: number }
  | { kind: 'disabled' }
  | { kind: 'failed' };

interface CacheEntry {
  version: number;
  settings: LayerwiseSettings;
  hadolint: LoadedHadolintConfig | null;
  buildContext: BuildContextInfo | undefined;
  analysis: DocumentAnalysis;
}

/** The build context known for a document now (see BuildContexts); none by default. */
export type BuildContextSource = (uri: string) => BuildContextInfo | undefined;

/** The `.hadolint.yaml` that applies to a document (see HadolintConfigs); none by default. */
export type HadolintConfigSource = (uri: string) => LoadedHadolintConfig | null;

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

export class DocumentAnalyses {
  private readonly entries = new Map<string, CacheEntry>();

  constructor(
    private readonly logger: Logger,
    private readonly hadolintConfigFor: HadolintConfigSource = () => null,
    private readonly buildContextFor: BuildContextSource = () => undefined,
  ) {}

  /** The analysis of this exact version with these settings and configuration; computed now when not cached. */
  analysisFor(document: TextDocument, settings: LayerwiseSettings): DocumentAnalysis {
    const hadolint = settings.enable ? this.hadolintConfigFor(document.uri) : null;
    // Only the size estimate reads the context; without the lens it is neither read nor waited for.
    const buildContext = settings.enable && settings.sizeLens.enabled ? this.buildContextFor(document.uri) : undefined;
    const cached = this.entries.get(document.uri);
    if (
      cached &&
      cached.version === document.version &&
      cached.settings === settings &&
      cached.hadolint === hadolint &&
      cached.buildContext === buildContext
    ) {
      return cached.analysis;
    }
    const analysis = this.compute(document, settings, hadolint, buildContext);
    this.entries.set(document.uri, { version: document.version, settings, hadolint, buildContext, analysis });
    return analysis;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }

  private compute(
    document: TextDocument,
    settings: LayerwiseSettings,
    hadolint: LoadedHadolintConfig | null,
    buildContext: BuildContextInfo | undefined,
  ): DocumentAnalysis {
    if (!settings.enable) return { kind: 'disabled' };
    const text = document.getText();
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > MAX_ANALYSED_BYTES) return { kind: 'too-large', bytes };
    try {
      const result = analyze(text, { ...analyzeOptionsFrom(settings, hadolint), buildContext });
      for (const failure of result.internalErrors ?? []) {
        this.logger.error(`rule ${failure.rule} failed on ${document.uri}: ${failure.message}`);
      }
      return { kind: 'analysed', result };
    } catch (error) {
      this.logger.error(`analysis of ${document.uri} (version ${document.version}) failed`, error);
      return { kind: 'failed' };
    }
  }
}
