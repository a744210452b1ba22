// The server's own knobs, from `initializationOptions` (tests and benchmarks set them; the extension
// sends none). Anything odd gives the default.
import { DEFAULT_ANALYSIS_BUDGET_MS } from './analysis-worker-host';
import { DEFAULT_MAIN_THREAD_MAX_BYTES } from './analysis-routing';

export const DEFAULT_DEBOUNCE_MS = 200;

export interface ServerOptions {
  /** Wait after a change before analysing (0 for tests and benchmarks). */
  debounceMs: number;
  /** How long an analysis may take on the worker before it is stopped. */
  analysisBudgetMs: number;
  /** Larger files are analysed on the worker (0: every file). */
  mainThreadMaxBytes: number;
  /** Log where the time to each publication went (benchmarks: the server's overhead beside analyze()). */
  logTimings: boolean;
}

function numberOption(options: Record<string, unknown>, name: string, fallback: number, max: number): number {
  const value = options[name];
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return fallback;
  return Math.min(value, max);
}

export function serverOptionsFrom(initializationOptions: unknown): ServerOptions {
  const options =
    typeof initializationOptions === 'object' && initializationOptions !== null ? (initializationOptions as Record<string, unknown>) : {};
  return {
    debounceMs: numberOption(options, 'debounceMs', DEFAULT_DEBOUNCE_MS, 10_000),
    analysisBudgetMs: Math.max(1, numberOption(options, 'analysisBudgetMs', DEFAULT_ANALYSIS_BUDGET_MS, 60_000)),
    mainThreadMaxBytes: numberOption(options, 'mainThreadMaxBytes', DEFAULT_MAIN_THREAD_MAX_BYTES, 2 * 1024 * 1024),
    logTimings: options.logTimings === true,
  };
}
