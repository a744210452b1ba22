// When to analyse and publish: at once on open, debounced on change. A newer version supersedes
// older work, so diagnostics are never published for a version the editor no longer shows, and
// never after the document was closed (analyses on the worker finish later: checked again then).
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { diagnosticsFor } from './diagnostics';
import type { DocumentAnalyses, DocumentAnalysis } from './document-analysis';
import type { Logger } from './logger';
import type { SettingsStore } from './settings-store';
import { TIMING_LOG_PREFIX, type ValidationTiming } from './validation-timing';

/** Analyses slower than this are logged, so slow files show up in the output channel. */
const SLOW_ANALYSIS_MS = 250;
/** From publishing a version's diagnostics to estimating its sizes, unless a newer version came. */
const SIZE_ESTIMATE_DELAY_MS = 50;

export interface ValidatorDependencies {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  settings: SettingsStore;
  analyses: DocumentAnalyses;
  logger: Logger;
  debounceMs: number;
  /** Log a ValidationTiming line after each publication (benchmarks). */
  logTimings?: boolean;
}

/** performance.now() at each step of a validation, for the timing log. */
interface ValidationMarks {
  requested: number | undefined;
  started: number;
  analysing: number;
  analysed: number;
}

export class Validator {
  /** Stops the validation scheduled for a document. */
  private readonly scheduled = new Map<string, () => void>();
  /** When the latest validation of a document was asked for. */
  private readonly requestedAt = new Map<string, number>();
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
    this.requestedAt.delete(uri);
    void this.publish(uri, undefined, []);
  }

  revalidateAll(): void {
    for (const document of this.deps.documents.all()) this.schedule(document.uri, 0);
  }

  dispose(): void {
    for (const uri of [...this.scheduled.keys()]) this.cancel(uri);
  }

  private schedule(uri: string, delayMs: number): void {
    this.cancel(uri);
    this.requestedAt.set(uri, performance.now());
    const run = () => {
      this.scheduled.delete(uri);
      void this.validate(uri);
    };
    // A timeout waits a millisecond or more even at 0; an immediate runs once the current message is handled.
    if (delayMs === 0) {
      const immediate = setImmediate(run);
      this.scheduled.set(uri, () => clearImmediate(immediate));
    } else {
      const timer = setTimeout(run, delayMs);
      this.scheduled.set(uri, () => clearTimeout(timer));
    }
  }

  private cancel(uri: string): void {
    this.scheduled.get(uri)?.();
    this.scheduled.delete(uri);
  }

  private async validate(uri: string): Promise<void> {
    const run = ++this.runCounter;
    this.latestRun.set(uri, run);
    const { documents, settings, analyses, logger } = this.deps;
    try {
      const requested = documents.get(uri);
      if (!requested) return;
      const marks: ValidationMarks = { requested: this.requestedAt.get(uri), started: performance.now(), analysing: 0, analysed: 0 };
      const documentSettings = await settings.settingsFor(uri);
      // While the settings were on their way the document may have changed or closed.
      const document = documents.get(uri);
      if (this.latestRun.get(uri) !== run || !document || document.version !== requested.version) return;
      const version = document.version;
      marks.analysing = performance.now();
      // The findings are all diagnostics need: the size estimate follows after publishing.
      const analysis = await analyses.findingsFor(document, documentSettings);
      marks.analysed = performance.now();
      if (this.latestRun.get(uri) !== run || documents.get(uri)?.version !== version || analysis === null) return;
      const analysisMs = marks.analysed - marks.analysing;
      if (analysisMs > SLOW_ANALYSIS_MS) logger.info(`analysing ${uri} took ${Math.round(analysisMs)} ms`);
      await this.publish(uri, version, diagnosticsFor(analysis, version));
      if (this.deps.logTimings) this.logTiming(uri, version, analysis, marks);
      this.estimateSizesSoon(uri, version);
    } catch (error) {
      logger.error(`validating ${uri} failed`, error);
    }
  }

  /**
   * The size estimate is for the lenses, which the editor asks for a while after an edit: it waits a
   * moment, and is skipped when the next edit comes first (when typing, the next keystroke often does).
   */
  private estimateSizesSoon(uri: string, version: number): void {
    const timer = setTimeout(() => {
      if (this.deps.documents.get(uri)?.version === version) this.deps.analyses.estimateSizes(uri, version);
    }, SIZE_ESTIMATE_DELAY_MS);
    timer.unref();
  }

  private logTiming(uri: string, version: number, analysis: DocumentAnalysis, marks: ValidationMarks): void {
    const timing: ValidationTiming = {
      uri,
      version,
      waitMs: marks.started - (marks.requested ?? marks.started),
      settingsMs: marks.analysing - marks.started,
      analysisMs: marks.analysed - marks.analysing,
      analyzeMs: analysis.kind === 'analysed' ? analysis.analyzeMs : undefined,
      publishMs: performance.now() - marks.analysed,
    };
    this.deps.logger.info(TIMING_LOG_PREFIX + JSON.stringify(timing));
  }

  private async publish(uri: string, version: number | undefined, diagnostics: ReturnType<typeof diagnosticsFor>) {
    try {
      await this.deps.connection.sendDiagnostics({ uri, version, diagnostics });
    } catch (error) {
      this.deps.logger.error(`publishing diagnostics for ${uri} failed`, error);
    }
  }
}
