// One analysis per document version and settings, shared by diagnostics, code actions and lenses,
// so a code-lens request right after a change does not analyse the text a second time.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../analysis/engine';
import type { AnalysisResult, AnalyzeOptions } from '../analysis/engine-types';
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
  analysis: DocumentAnalysis;
}

export function analyzeOptionsFrom(settings: LayerwiseSettings): AnalyzeOptions {
  return {
    target: settings.target,
    rules: settings.rules,
    estimateSizes: settings.sizeLens.enabled,
  };
}

export class DocumentAnalyses {
  private readonly entries = new Map<string, CacheEntry>();

  constructor(private readonly logger: Logger) {}

  /** The analysis of this exact version with these settings; computed now when not cached. */
  analysisFor(document: TextDocument, settings: LayerwiseSettings): DocumentAnalysis {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version && cached.settings === settings) return cached.analysis;
    const analysis = this.compute(document, settings);
    this.entries.set(document.uri, { version: document.version, settings, analysis });
    return analysis;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }

  private compute(document: TextDocument, settings: LayerwiseSettings): DocumentAnalysis {
    if (!settings.enable) return { kind: 'disabled' };
    const text = document.getText();
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > MAX_ANALYSED_BYTES) return { kind: 'too-large', bytes };
    try {
      const result = analyze(text, analyzeOptionsFrom(settings));
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
