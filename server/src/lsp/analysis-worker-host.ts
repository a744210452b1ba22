// Runs analyses on one worker thread, one at a time, each within a time budget. A synchronous parse
// cannot be interrupted, so an overrun ends the thread itself and a fresh one takes its place. Work
// is keyed by document: new work for a document supersedes the old, queued or running (a running
// analysis of an ordinary file may still finish, unheeded, rather than lose the warm thread).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AnalyzeOptions } from '../analysis/engine-types';
import { ANALYSIS_WORKER_FILE, type AnalysisReply, type AnalysisRequest } from './analysis-worker-protocol';
import type { Logger } from './logger';
import type { PortableAnalysis } from './portable-analysis';

export type WorkerOutcome =
  | { kind: 'done'; analysis: PortableAnalysis; analyzeMs: number }
  | { kind: 'timed-out'; budgetMs: number }
  /** Newer work for the same document came, or the document closed: nobody wants this result. */
  | { kind: 'superseded' }
  | { kind: 'failed'; message: string };

/** What the server needs from an analyser that runs off its loop. */
export interface OffThreadAnalyzer {
  /** linear: the text is not of the quadratic shape (see analysis-routing.ts), so its size predicts its cost. */
  run(key: string, text: string, options: AnalyzeOptions, linear?: boolean): Promise<WorkerOutcome>;
  cancel(key: string): void;
  /** False once the thread keeps dying before it runs: then the server analyses on its main thread. */
  readonly usable: boolean;
  dispose(): void;
}

export const DEFAULT_ANALYSIS_BUDGET_MS = 3_000;
/** An analysis of an ordinary Dockerfile costs 1.5–2 ms per KB on a warm thread (measured on 5,000 lines). */
const EXPECTED_MS_PER_CHARACTER = 2 / 1024;
/**
 * A superseded analysis of a linear shape is left to finish, its result dropped, while it stays within
 * this multiple of its expected time: stopping it costs a new thread (40–70 ms to start on a loaded
 * 2-core machine) whose JIT is cold, so that its first analyses take 2–4 times as long as a warm
 * thread's. One of the quadratic shape, or past that time, may go on for seconds: it is stopped.
 */
const SUPERSEDED_SLACK = 3;
const MAX_CONSECUTIVE_CRASHES = 3;

interface Job {
  key: string;
  text: string;
  options: AnalyzeOptions;
  linear: boolean;
  resolve: (outcome: WorkerOutcome) => void;
}

interface RunningJob {
  job: Job;
  id: number;
  startedAt: number;
  timer: NodeJS.Timeout;
  /** Superseded while running and left to finish: its result is dropped. */
  abandoned: boolean;
}

/** The worker bundle beside this one (dist/), or null when it is missing (then everything runs on the main thread). */
export function analysisWorkerScript(directory: string = __dirname): string | null {
  const script = join(directory, ANALYSIS_WORKER_FILE);
  return existsSync(script) ? script : null;
}

export class AnalysisWorkerHost implements OffThreadAnalyzer {
  private worker: Worker | null = null;
  private running: RunningJob | null = null;
  private queue: Job[] = [];
  private nextId = 0;
  private consecutiveCrashes = 0;
  private disposed = false;

  constructor(
    private readonly script: string,
    private readonly budgetMs: number,
    private readonly logger: Logger,
  ) {}

  get usable(): boolean {
    return !this.disposed && this.consecutiveCrashes < MAX_CONSECUTIVE_CRASHES;
  }

  run(key: string, text: string, options: AnalyzeOptions, linear = false): Promise<WorkerOutcome> {
    this.cancel(key);
    if (!this.usable) return Promise.resolve({ kind: 'failed', message: 'the analysis worker is not available' });
    return new Promise((resolve) => {
      this.queue.push({ key, text, options, linear, resolve });
      this.pump();
    });
  }

  cancel(key: string): void {
    for (const job of this.queue.filter((queued) => queued.key === key)) job.resolve({ kind: 'superseded' });
    this.queue = this.queue.filter((queued) => queued.key !== key);
    const running = this.running;
    if (!running || running.job.key !== key || running.abandoned) return;
    running.abandoned = true;
    running.job.resolve({ kind: 'superseded' });
    const elapsed = performance.now() - running.startedAt;
    const allowedMs = SUPERSEDED_SLACK * running.job.text.length * EXPECTED_MS_PER_CHARACTER - elapsed;
    if (!running.job.linear || allowedMs <= 0) {
      this.stopRunning();
      return;
    }
    // Newer work waits in the queue meanwhile; the thread stays warm for it.
    clearTimeout(running.timer);
    running.timer = setTimeout(() => this.overran(running.id), Math.min(allowedMs, this.budgetMs - elapsed));
  }

  dispose(): void {
    this.disposed = true;
    for (const job of this.queue) job.resolve({ kind: 'superseded' });
    this.queue = [];
    if (this.running && !this.running.abandoned) this.running.job.resolve({ kind: 'superseded' });
    if (this.running) clearTimeout(this.running.timer);
    this.running = null;
    this.terminateWorker();
  }

  private pump(): void {
    if (this.running || this.disposed) return;
    const job = this.queue.shift();
    if (!job) return;
    const worker = this.ensureWorker();
    if (!worker) {
      job.resolve({ kind: 'failed', message: 'the analysis worker could not start' });
      this.pump();
      return;
    }
    const id = ++this.nextId;
    const timer = setTimeout(() => this.overran(id), this.budgetMs);
    this.running = { job, id, startedAt: performance.now(), timer, abandoned: false };
    const request: AnalysisRequest = { id, text: job.text, options: job.options };
    worker.postMessage(request);
  }

  private ensureWorker(): Worker | null {
    if (this.worker) return this.worker;
    try {
      const worker = new Worker(this.script);
      let online = false;
      // The thread must never keep the server alive after the client has gone.
      worker.unref();
      worker.once('online', () => (online = true));
      worker.on('message', (reply: AnalysisReply) => this.worker === worker && this.answered(reply));
      worker.on('error', (error) => this.worker === worker && this.crashed(error, online));
      worker.on('exit', (code) => this.worker === worker && this.crashed(new Error(`the analysis worker exited with code ${code}`), online));
      this.worker = worker;
      return worker;
    } catch (error) {
      this.consecutiveCrashes++;
      this.logger.error('starting the analysis worker failed', error);
      return null;
    }
  }

  private answered(reply: AnalysisReply): void {
    const running = this.running;
    if (!running || running.id !== reply.id) return;
    clearTimeout(running.timer);
    this.running = null;
    if (!running.abandoned) {
      running.job.resolve(reply.ok ? { kind: 'done', analysis: reply.analysis, analyzeMs: reply.analyzeMs } : { kind: 'failed', message: reply.message });
    }
    this.pump();
  }

  private overran(id: number): void {
    const running = this.running;
    if (!running || running.id !== id) return;
    if (!running.abandoned) running.job.resolve({ kind: 'timed-out', budgetMs: this.budgetMs });
    this.stopRunning();
  }

  /** Ends the thread in the middle of the running analysis; a fresh one is started for what comes next. */
  private stopRunning(): void {
    if (this.running) clearTimeout(this.running.timer);
    this.running = null;
    this.terminateWorker();
    // Started now, it is ready by the time the next analysis is asked for.
    if (!this.disposed) this.ensureWorker();
    this.pump();
  }

  /** A thread that dies before it ran (a broken bundle) counts towards giving up; one an analysis killed does not. */
  private crashed(error: Error, wasOnline: boolean): void {
    this.consecutiveCrashes = wasOnline ? 0 : this.consecutiveCrashes + 1;
    this.logger.error('the analysis worker stopped', error);
    this.worker = null;
    const running = this.running;
    this.running = null;
    if (running) {
      clearTimeout(running.timer);
      if (!running.abandoned) running.job.resolve({ kind: 'failed', message: error.message });
    }
    if (!this.usable) {
      for (const job of this.queue) job.resolve({ kind: 'failed', message: 'the analysis worker is not available' });
      this.queue = [];
      return;
    }
    this.pump();
  }

  private terminateWorker(): void {
    const worker = this.worker;
    this.worker = null;
    if (worker) void worker.terminate().catch(() => undefined);
  }
}
