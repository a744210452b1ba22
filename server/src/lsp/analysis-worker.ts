// The analysis worker: a thread that runs analyze() so that the language server's own loop never
// waits on a parse (dockerfile-ast's is quadratic in comments × FROMs and cannot be interrupted).
// It answers each request with plain data; the server terminates it when an analysis overruns.
import { parentPort } from 'node:worker_threads';
import { analyze } from '../analysis/engine';
import type { AnalysisReply, AnalysisRequest } from './analysis-worker-protocol';
import { toPortableAnalysis } from './portable-analysis';

function answer(request: AnalysisRequest): AnalysisReply {
  try {
    const started = performance.now();
    const result = analyze(request.text, request.options);
    const analyzeMs = performance.now() - started;
    return { id: request.id, ok: true, analysis: toPortableAnalysis(result), analyzeMs };
  } catch (error) {
    return { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

parentPort?.on('message', (request: AnalysisRequest) => parentPort?.postMessage(answer(request)));
