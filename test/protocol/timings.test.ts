// The timing log that the latency benchmark reads (initializationOptions `logTimings`): after each
// publication, one line that says where the server's time went, so that the benchmark can tell the
// time analyze() takes from the rest of the path. Nothing is logged unless a client asks for it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TIMING_LOG_PREFIX, type ValidationTiming } from '../../server/src/lsp/validation-timing';
import { MULTI_STAGE_DOCKERFILE, PROBLEMATIC_DOCKERFILE } from './expectations';
import { fileUri, suiteClients, TestLanguageClient } from './lsp-client';

function timingsIn(client: TestLanguageClient): ValidationTiming[] {
  return client.logMessages
    .filter((message) => message.startsWith(TIMING_LOG_PREFIX))
    .map((message) => JSON.parse(message.slice(TIMING_LOG_PREFIX.length)) as ValidationTiming);
}

/** Everything the server sent before has arrived once a later document's diagnostics have. */
async function barrier(client: TestLanguageClient, name: string): Promise<void> {
  const uri = fileUri(`timings/${name}/barrier`);
  await client.open(uri, MULTI_STAGE_DOCKERFILE);
  await client.sendClose(uri);
}

/** Version 2 of a document just opened: resolves with how long its diagnostics took. */
async function timedChange(client: TestLanguageClient, uri: string): Promise<number> {
  const started = performance.now();
  const published = client.nextDiagnostics(uri, (params) => params.version === 2);
  await client.sendChange(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# edited\n' }]);
  await published;
  return performance.now() - started;
}

describe('timing log over LSP', () => {
  const start = suiteClients();

  for (const [where, folder, options] of [
    ['on the main thread', 'main-thread', {}],
    ['on the analysis worker', 'worker', { mainThreadMaxBytes: 0 }],
  ] as const) {
    it(`logs one line per publication when asked, within the latency the client saw (analysis ${where})`, async () => {
      const client = await start({ logTimings: true, ...options });
      const uri = fileUri(`timings/${folder}/Dockerfile`);
      await client.open(uri, PROBLEMATIC_DOCKERFILE);
      const latencyMs = await timedChange(client, uri);
      await barrier(client, folder);

      const mine = timingsIn(client).filter((timing) => timing.uri === uri);
      assert.deepEqual(
        mine.map((timing) => timing.version),
        [1, 2],
        'one line for the open, one for the change',
      );
      const timing = mine[1];
      assert.ok(timing.analyzeMs !== undefined && timing.analyzeMs > 0, 'analyze() was timed');
      assert.ok(timing.analyzeMs <= timing.analysisMs, 'analyze() is part of getting the analysis');
      const serverMs = timing.waitMs + timing.settingsMs + timing.analysisMs + timing.publishMs;
      assert.ok(serverMs <= latencyMs, `the server's ${serverMs.toFixed(2)} ms fit in the ${latencyMs.toFixed(2)} ms the client waited`);
    });
  }

  it('logs nothing of the kind by default', async () => {
    const client = await start({});
    const uri = fileUri('timings/default/Dockerfile');
    await client.open(uri, PROBLEMATIC_DOCKERFILE);
    await timedChange(client, uri);
    await barrier(client, 'default');
    assert.deepEqual(timingsIn(client), []);
  });
});
