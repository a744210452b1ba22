// When to analyse and publish: at once on open, debounced on change. A newer version supersedes
// older work, so diagnostics are never published for a version the editor no longer shows, and
// never after the document was closed.
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { diagnosticsFor } from './diagnostics';
import type { DocumentAnalyses } from './document-analysis';
import type { Logger } from './logger';
import type { SettingsStore } from './settings-store';

export const DEFAULT_DEBOUNCE_MS = 200;
/** Analyses slower than this are logged, so slow files show up in the output channel. */
const SLOW_ANALYSIS_MS = 250;

export interface ValidatorDependencies {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  settings: SettingsStore;
  analyses: DocumentAnalyses;
  logger: Logger;
  debounceMs: number;
}

export class Validator {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The latest validation started per document; an older one that wakes up stops. */
  private readonly latestRun = new Map<string, number>();
  private runCounter = 0;

  constructor(private readonly deps: ValidatorDependencies) {}

  opened(uri: string): void {
    this.schedule(uri, 0);
  }

  changed(uri: string): void {
    this.schedule(uri, this.deps.debounceMs);
  }

  closed(uri: string): void {
    this.cancel(uri);
    this.latestRun.delete(uri);
    void this.publish(uri, undefined, []);
  }

  revalidateAll(): void {
    for (const document of this.deps.documents.all()) this.schedule(document.uri, 0);
  }

  dispose(): void {
    for (const uri of [...this.timers.keys()]) this.cancel(uri);
  }

  private schedule(uri: string, delayMs: number): void {
    this.cancel(uri);
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      void this.validate(uri);
    }, delayMs);
    this.timers.set(uri, timer);
  }

  private cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(uri);
  }

  private async validate(uri: string): Promise<void> {
    const run = ++this.runCounter;
    this.latestRun.set(uri, run);
    const { documents, settings, analyses, logger } = this.deps;
    try {
      const requested = documents.get(uri);
      if (!requested) return;
      const documentSettings = await settings.settingsFor(uri);
      // While the settings were on their way the document may have changed or closed.
      const document = documents.get(uri);
      if (this.latestRun.get(uri) !== run || !document || document.version !== requested.version) return;
      const started = performance.now();
      const analysis = analyses.analysisFor(document, documentSettings);
      const elapsed = performance.now() - started;
      if (elapsed > SLOW_ANALYSIS_MS) logger.info(`analysing ${uri} took ${Math.round(elapsed)} ms`);
      await this.publish(uri, document.version, diagnosticsFor(analysis, document.version));
    } catch (error) {
      logger.error(`validating ${uri} failed`, error);
    }
  }

  private async publish(uri: string, version: number | undefined, diagnostics: ReturnType<typeof diagnosticsFor>) {
    try {
      await this.deps.connection.sendDiagnostics({ uri, version, diagnostics });
    } catch (error) {
      this.deps.logger.error(`publishing diagnostics for ${uri} failed`, error);
    }
  }
}

/** `initializationOptions.debounceMs` (tests and benchmarks set 0); anything odd gives the default. */
export function debounceFrom(initializationOptions: unknown): number {
  if (typeof initializationOptions !== 'object' || initializationOptions === null) return DEFAULT_DEBOUNCE_MS;
  const value = (initializationOptions as Record<string, unknown>).debounceMs;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return DEFAULT_DEBOUNCE_MS;
  return Math.min(value, 10_000);
}
