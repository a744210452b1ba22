// When to analyse and publish: at once on open, debounced on change. A newer version supersedes
// older work, so diagnostics are never published for a version the editor no longer shows, and
// never after the document was closed (analyses on the worker finish later: checked again then).
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { diagnosticsFor } from './diagnostics';
import type { DocumentAnalyses } from './document-analysis';
import type { Logger } from './logger';
import type { SettingsStore } from './settings-store';

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
      const version = document.version;
      const started = performance.now();
      const analysis = await analyses.analysisFor(document, documentSettings);
      const elapsed = performance.now() - started;
      if (this.latestRun.get(uri) !== run || documents.get(uri)?.version !== version || analysis === null) return;
      if (elapsed > SLOW_ANALYSIS_MS) logger.info(`analysing ${uri} took ${Math.round(elapsed)} ms`);
      await this.publish(uri, version, diagnosticsFor(analysis, version));
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
