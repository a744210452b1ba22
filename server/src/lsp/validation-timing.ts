// The timing line the server logs after each publication when asked to (initializationOptions
// `logTimings`): benchmarks read it to tell the server's own overhead from the time analyze() takes.
// No imports, so that a benchmark client can read it without loading the analysis.

/** The prefix of the timing lines in the log; the rest of the line is a ValidationTiming as JSON. */
export const TIMING_LOG_PREFIX = 'timing ';

/** Where the time went between a request to validate a document and its diagnostics going out. */
export interface ValidationTiming {
  uri: string;
  version: number;
  /** From the edit (or other cause) to the start of the validation: the debounce and the event loop. */
  waitMs: number;
  settingsMs: number;
  /** Getting the analysis: routing, the worker's round trip, analyze() and the conversion to plain data. */
  analysisMs: number;
  /** What analyze() took for this version (also when its result was cached); absent for a notice. */
  analyzeMs?: number;
  /** Turning findings into diagnostics and handing them to the transport. */
  publishMs: number;
}
