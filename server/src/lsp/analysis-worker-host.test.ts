// What happens to a running analysis when newer work for its document comes: one of an ordinary file
// may finish on the warm thread (its result dropped); one of the quadratic shape, or one that goes on
// past its expected time, ends with its thread. A stand-in worker busy-waits as long as the text says
// and answers with its thread id, so the tests see which thread did the work.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { AnalysisWorkerHost, type WorkerOutcome } from './analysis-worker-host';
import type { Logger } from './logger';

const STAND_IN_WORKER = `
const { parentPort, threadId } = require('node:worker_threads');
parentPort.on('message', (request) => {
  const until = Date.now() + Number.parseInt(request.text, 10);
  while (Date.now() < until) {}
  parentPort.postMessage({ id: request.id, ok: true, analysis: { threadId }, analyzeMs: 0 });
});
`;

/** 100 KB, of which the analysis is expected to take a few hundred ms: the stand-in takes `busyMs`. */
const textTaking = (busyMs: number) => `${busyMs}\n`.padEnd(100 * 1024, '#');

const silentLogger: Logger = { info: () => undefined, error: () => undefined };

function threadOf(outcome: WorkerOutcome): number {
  assert.equal(outcome.kind, 'done');
  return (outcome.analysis as unknown as { threadId: number }).threadId;
}

describe('AnalysisWorkerHost superseding', () => {
  const folder = mkdtempSync(join(tmpdir(), 'layerwise-worker-host-'));
  const script = join(folder, 'stand-in-worker.js');
  writeFileSync(script, STAND_IN_WORKER);
  const hosts: AnalysisWorkerHost[] = [];
  const newHost = () => {
    const host = new AnalysisWorkerHost(script, 10_000, silentLogger);
    hosts.push(host);
    return host;
  };

  after(() => {
    for (const host of hosts) host.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  it('lets a superseded analysis of an ordinary file finish, and runs the newer one on the same thread', async () => {
    const host = newHost();
    const warm = threadOf(await host.run('warm-up', textTaking(0), {}, true));
    // The thread is up (warmed), so the job is sent to it at once: it is running when the newer work comes.
    const older = host.run('doc', textTaking(300), {}, true);
    const newer = host.run('doc', textTaking(0), {}, true);
    assert.deepEqual(await older, { kind: 'superseded' }, 'the older result is not handed out');
    assert.equal(threadOf(await newer), warm, 'the thread was kept');
  });

  it('stops a superseded analysis of the quadratic shape at once', async () => {
    const host = newHost();
    const first = threadOf(await host.run('warm-up', textTaking(0), {}, false));
    const older = host.run('doc', textTaking(5_000), {}, false);
    const started = performance.now();
    const newer = host.run('doc', textTaking(0), {}, false);
    assert.deepEqual(await older, { kind: 'superseded' });
    assert.notEqual(threadOf(await newer), first, 'a fresh thread took over');
    assert.ok(performance.now() - started < 2_500, 'the newer analysis did not wait for the older one');
  });

  it('stops a superseded analysis of an ordinary file once it runs past its expected time', async () => {
    const host = newHost();
    const first = threadOf(await host.run('warm-up', textTaking(0), {}, true));
    const older = host.run('doc', textTaking(5_000), {}, true);
    const started = performance.now();
    const newer = host.run('doc', textTaking(0), {}, true);
    assert.deepEqual(await older, { kind: 'superseded' });
    assert.notEqual(threadOf(await newer), first, 'a fresh thread took over');
    assert.ok(performance.now() - started < 2_500, 'the older analysis was stopped before it ended');
  });
});
