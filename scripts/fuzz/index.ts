// `npm run fuzz`: a million Dockerfile-shaped inputs through analyze() on worker threads, checking
// that nothing throws, no rule fails, no analysis of an input up to 1 MB takes a second, and every
// fix offered passes the shared fix verification. One input per failure cause is saved to a file.
// Options: --inputs=N (1000000) --seed=S (1) --workers=N (all cores) --out=DIR (test-results/fuzz)
//          --verify-every=K (10): fixes are verified on every K-th input. The verification re-analyses
//          the text twice per fix, ten times the cost of the analysis itself; K=1 checks every input's
//          fixes at about a fifth of the throughput. --stall-seconds=N (60): a check that makes no
//          progress for this long is reported as a hang and its input saved.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { saveFailure, type SavedFailure } from './save';
import type { FailureGroup, RangeReport, RangeRequest, WorkerData } from './worker';

const REPO_ROOT = join(__dirname, '..', '..');
const RANGE_SIZE = 500;
const PROGRESS_EVERY_MS = 10_000;

interface Options {
  inputs: number;
  seed: number;
  workers: number;
  verifyEvery: number;
  out: string;
  stallMs: number;
}

function parseOptions(argv: readonly string[]): Options {
  const value = (name: string, fallback: number): number => {
    const raw = argv.find((argument) => argument.startsWith(`--${name}=`))?.split('=')[1];
    const parsed = raw === undefined ? fallback : Number(raw.replace(/_/g, ''));
    if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`--${name} must be a positive integer`);
    return parsed;
  };
  const out = argv.find((argument) => argument.startsWith('--out='))?.slice('--out='.length);
  const options = {
    inputs: value('inputs', 1_000_000),
    seed: value('seed', 1),
    workers: value('workers', availableParallelism()),
    verifyEvery: value('verify-every', 10),
    out: out ?? join(REPO_ROOT, 'test-results', 'fuzz'),
    stallMs: value('stall-seconds', 60) * 1000,
  };
  if (options.seed + options.inputs >= 2 ** 31) throw new Error('--seed + --inputs must stay below 2^31');
  return options;
}

interface Totals {
  inputs: number;
  bytes: number;
  fixesVerified: number;
  slowest: RangeReport['slowest'];
  failures: Map<string, FailureGroup & { saved: SavedFailure }>;
}

class FuzzRun {
  private readonly totals: Totals = { inputs: 0, bytes: 0, fixesVerified: 0, slowest: { seed: 0, ms: 0, bytes: 0 }, failures: new Map() };
  private readonly currentSeed: Int32Array;
  private nextSeed: number;
  private readonly endSeed: number;
  private readonly started = performance.now();
  private running = 0;
  private finish: () => void = () => undefined;

  constructor(private readonly options: Options) {
    this.currentSeed = new Int32Array(new SharedArrayBuffer(4 * options.workers));
    this.nextSeed = options.seed;
    this.endSeed = options.seed + options.inputs;
  }

  async run(): Promise<Totals> {
    const done = new Promise<void>((resolve) => (this.finish = resolve));
    const progress = setInterval(() => this.printProgress(), PROGRESS_EVERY_MS);
    for (let slot = 0; slot < this.options.workers; slot++) this.startWorker(slot);
    await done;
    clearInterval(progress);
    return this.totals;
  }

  private takeRange(): RangeRequest | null {
    if (this.nextSeed >= this.endSeed) return null;
    const start = this.nextSeed;
    this.nextSeed = Math.min(this.endSeed, start + RANGE_SIZE);
    return { start, end: this.nextSeed };
  }

  private startWorker(slot: number, resume: RangeRequest | null = null): void {
    const range = resume ?? this.takeRange();
    if (!range) {
      if (this.running === 0) this.finish();
      return;
    }
    const data: WorkerData = { slot, currentSeed: this.currentSeed, verifyEvery: this.options.verifyEvery };
    // Worker threads do not inherit `--import tsx`; register it in the thread before loading the worker.
    const bootstrap = `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(join(__dirname, 'worker.ts'))});`;
    const worker = new Worker(bootstrap, { eval: true, workerData: data });
    this.running++;
    let current: RangeRequest = range;
    let lastSeed = -1;
    let lastMove = performance.now();
    const watchdog = setInterval(() => {
      const seed = Atomics.load(this.currentSeed, slot);
      if (seed !== lastSeed) {
        lastSeed = seed;
        lastMove = performance.now();
      } else if (performance.now() - lastMove > this.options.stallMs) {
        clearInterval(watchdog);
        this.recordLost(seed, 'hang', `no progress for ${this.options.stallMs / 1000} s on this input`);
        void worker.terminate();
      }
    }, 1000);
    const send = (request: RangeRequest) => {
      current = request;
      Atomics.store(this.currentSeed, slot, request.start);
      worker.postMessage(request);
    };
    worker.on('message', (report: RangeReport) => {
      this.merge(report);
      const next = this.takeRange();
      if (next) send(next);
      else void worker.terminate();
    });
    worker.on('error', (error) => {
      const seed = Atomics.load(this.currentSeed, slot);
      this.recordLost(seed, 'crash', error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    });
    worker.on('exit', () => {
      clearInterval(watchdog);
      this.running--;
      // A hang or a crash ends the thread mid-range: carry on after the input that broke it.
      const seed = Atomics.load(this.currentSeed, slot);
      let unfinished: RangeRequest | null = null;
      if (this.lostSeeds.delete(seed)) {
        this.totals.inputs += seed - current.start; // checked before the one that broke it
        if (seed + 1 < current.end) unfinished = { start: seed + 1, end: current.end };
      }
      this.startWorker(slot, unfinished);
    });
    send(range);
  }

  private readonly lostSeeds = new Set<number>();

  private recordLost(seed: number, kind: 'hang' | 'crash', message: string): void {
    this.lostSeeds.add(seed);
    this.totals.inputs++;
    this.addFailure({ signature: `${kind}: ${message}`, count: 1, firstSeed: seed, first: { kind: 'throw', rule: null, message, detail: message } });
  }

  private merge(report: RangeReport): void {
    this.totals.inputs += report.inputs;
    this.totals.bytes += report.bytes;
    this.totals.fixesVerified += report.fixesVerified;
    if (report.slowest.ms > this.totals.slowest.ms) this.totals.slowest = report.slowest;
    for (const group of report.failures) this.addFailure(group);
  }

  private addFailure(group: FailureGroup): void {
    const known = this.totals.failures.get(group.signature);
    if (known) {
      known.count += group.count;
      return;
    }
    const saved = saveFailure(this.options.out, group);
    this.totals.failures.set(group.signature, { ...group, saved });
    console.log(`✖ new failure (seed ${group.firstSeed}): ${group.signature}\n  saved to ${saved.minimized ?? saved.input}`);
  }

  private printProgress(): void {
    const seconds = (performance.now() - this.started) / 1000;
    const rate = this.totals.inputs / seconds;
    const left = this.options.inputs - this.totals.inputs;
    const eta = rate > 0 ? `${Math.ceil(left / rate / 60)} min left` : '';
    console.log(
      `${this.totals.inputs.toLocaleString('en')} / ${this.options.inputs.toLocaleString('en')} inputs · ${rate.toFixed(0)}/s · ` +
        `${this.totals.fixesVerified.toLocaleString('en')} fixes verified · ${this.totals.failures.size} failure causes · ${eta}`,
    );
  }

  summary(): string {
    const seconds = (performance.now() - this.started) / 1000;
    const { inputs, bytes, fixesVerified, slowest, failures } = this.totals;
    // CPU time of the whole process (all worker threads): the cost of a run whatever else the machine did.
    const cpu = process.cpuUsage();
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const lines = [
      '',
      `Fuzzed ${inputs.toLocaleString('en')} inputs (seeds ${this.options.seed}…${this.endSeed - 1}, ${(bytes / 1024 / 1024).toFixed(1)} MB) ` +
        `in ${seconds.toFixed(0)} s on ${this.options.workers} workers: ${(inputs / seconds).toFixed(0)} inputs/s`,
      `CPU time: ${cpuSeconds.toFixed(0)} s (${((1000 * cpuSeconds) / Math.max(1, inputs)).toFixed(2)} ms per input)`,
      `Fixes verified: ${fixesVerified.toLocaleString('en')} (on every ${this.options.verifyEvery === 1 ? '' : `${this.options.verifyEvery}th `}input)`,
      `Slowest analysis: ${slowest.ms.toFixed(1)} ms (seed ${slowest.seed}, ${(slowest.bytes / 1024).toFixed(1)} KB)`,
    ];
    if (failures.size === 0) lines.push('No failures.');
    else {
      lines.push(`${failures.size} failure causes:`);
      const sorted = [...failures.values()].sort((a, b) => b.count - a.count);
      for (const group of sorted) {
        lines.push(`  ${String(group.count).padStart(7)} × ${group.signature}\n            e.g. seed ${group.firstSeed}: ${group.saved.minimized ?? group.saved.input}`);
      }
    }
    lines.push(`Replay one seed: node --import tsx scripts/fuzz/replay.ts <seed>`);
    return lines.join('\n');
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  console.log(
    `Fuzzing ${options.inputs.toLocaleString('en')} inputs from seed ${options.seed} on ${options.workers} workers` +
      ` (fixes verified on every ${options.verifyEvery === 1 ? '' : `${options.verifyEvery}th `}input); failures go to ${options.out}`,
  );
  const run = new FuzzRun(options);
  const totals = await run.run();
  console.log(run.summary());
  process.exitCode = totals.failures.size === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 2;
});
