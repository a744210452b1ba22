// The messages between the language server and its analysis worker (see analysis-worker.ts).
import type { AnalyzeOptions } from '../analysis/engine-types';
import type { PortableAnalysis } from './portable-analysis';

export interface AnalysisRequest {
  id: number;
  text: string;
  options: AnalyzeOptions;
}

export type AnalysisReply =
  /** analyzeMs: the time analyze() itself took on the worker, for the timing log. */
  | { id: number; ok: true; analysis: PortableAnalysis; analyzeMs: number }
  | { id: number; ok: false; message: string };

/** The worker's bundle, beside the server's in dist/. */
export const ANALYSIS_WORKER_FILE = 'analysis-worker.js';
