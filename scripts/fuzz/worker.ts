// A fuzz worker thread: checks the inputs of each seed range it is given and reports a summary per
// range. It writes the seed it is on into shared memory first, so that the parent can name (and
// save) the input when a check hangs or kills the thread.
import { parentPort, workerData } from 'node:worker_threads';
import { checkInput, failureSignature, type Failure } from './check';
import { fuzzInput, isBigInput } from './inputs';

export interface WorkerData {
  /** This worker's slot in `currentSeed`. */
  slot: number;
  currentSeed: Int32Array;
  /** Fixes are verified on every k-th input (1 = all). */
  verifyEvery: number;
}

export interface RangeRequest {
  start: number;
  end: number;
}

export interface FailureGroup {
  signature: string;
  count: number;
  firstSeed: number;
  first: Failure;
}

export interface RangeReport {
  start: number;
  end: number;
  inputs: number;
  bytes: number;
  fixesVerified: number;
  slowest: { seed: number; ms: number; bytes: number };
  failures: FailureGroup[];
}

function checkRange({ start, end }: RangeRequest, data: WorkerData): RangeReport {
  const report: RangeReport = { start, end, inputs: 0, bytes: 0, fixesVerified: 0, slowest: { seed: start, ms: 0, bytes: 0 }, failures: [] };
  const groups = new Map<string, FailureGroup>();
  for (let seed = start; seed < end; seed++) {
    Atomics.store(data.currentSeed, data.slot, seed);
    const text = fuzzInput(seed);
    const result = checkInput(text, { verifyFixes: seed % data.verifyEvery === 0 && !isBigInput(seed) });
    const size = Buffer.byteLength(text);
    report.inputs++;
    report.bytes += size;
    report.fixesVerified += result.fixesVerified;
    if (result.analysisMs > report.slowest.ms) report.slowest = { seed, ms: result.analysisMs, bytes: size };
    for (const failure of result.failures) {
      const signature = failureSignature(failure);
      const group = groups.get(signature);
      if (group) group.count++;
      else groups.set(signature, { signature, count: 1, firstSeed: seed, first: failure });
    }
  }
  report.failures = [...groups.values()];
  return report;
}

const data = workerData as WorkerData;
parentPort?.on('message', (request: RangeRequest) => {
  parentPort?.postMessage(checkRange(request, data));
});
