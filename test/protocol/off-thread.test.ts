// Analyses that may take long run off the server's loop, on a worker, within a time budget: the
// server keeps answering while dockerfile-ast spends seconds on a file of 8,000 comment/FROM pairs
// (its parse is quadratic in comments × FROMs), an overrun is stopped with one notice, a newer
// version supersedes older work, and what the worker hands back drives the same quick fixes, lenses
// and hovers as an analysis on the main thread.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { HoverRequest, type CodeAction, type Diagnostic, type Hover, type PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { expectedSummary, messageText, PROBLEMATIC_DOCKERFILE, summarize } from './expectations';
import { fileUri, suiteClients, TestLanguageClient } from './lsp-client';

const quadraticDockerfile = (pairs: number) => '# note\nFROM alpine:3.20\n'.repeat(pairs);
const TIMED_OUT = /analysis took too long and was stopped/;
/** Far below the seconds the parser spends on the quadratic files, far above a small analysis on a loaded machine. */
const PROMPT_MS = 1_500;

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

function assertTimedOutNotice(published: PublishDiagnosticsParams): void {
  assert.equal(published.diagnostics.length, 1, 'one notice');
  const [notice] = published.diagnostics;
  assert.match(messageText(notice), TIMED_OUT);
  assert.equal(notice.severity, 3, 'informational');
  assert.deepEqual(notice.range.start, { line: 0, character: 0 });
}

describe('analysis off the main loop', () => {
  const start = suiteClients();

  it('keeps answering other requests while 8,000 comment/FROM pairs are analysed, then publishes the result or the timeout notice', async () => {
    const client = await start({});
    const bigUri = fileUri('quadratic-8000/Dockerfile');
    const big = quadraticDockerfile(8_000);
    const bigPublished = client.nextDiagnostics(bigUri, (params) => params.version === 1, 30_000);
    await client.sendOpen(bigUri, big);

    for (let i = 0; i < 3; i++) {
      const uri = fileUri(`meanwhile-${i}/Dockerfile`);
      const opened = await timed(() => client.open(uri, PROBLEMATIC_DOCKERFILE));
      assert.deepEqual(summarize(opened.value.diagnostics), expectedSummary(PROBLEMATIC_DOCKERFILE));
      assert.ok(opened.ms < PROMPT_MS, `diagnostics of a small file took ${opened.ms.toFixed(0)} ms`);
      const lenses = await timed(() => client.codeLenses(uri));
      assert.equal(lenses.value.length, 1);
      assert.ok(lenses.ms < PROMPT_MS, `a code lens request took ${lenses.ms.toFixed(0)} ms`);
    }

    const published = await bigPublished;
    if (published.diagnostics.some((diagnostic) => TIMED_OUT.test(messageText(diagnostic)))) assertTimedOutNotice(published);
    else assert.deepEqual(summarize(published.diagnostics), expectedSummary(big));
  });

  it('stops an analysis over its budget with one notice, and does not try that version again', async () => {
    const client = await start({ analysisBudgetMs: 200 });
    const uri = fileUri('over-budget/Dockerfile');
    const stopped = () => client.logMessages.filter((message) => message.includes(`${uri} (version 1) took over 200 ms and was stopped`));
    assertTimedOutNotice(await client.open(uri, quadraticDockerfile(8_000)));

    // Requests about the same version get the remembered outcome: nothing is analysed again.
    assert.deepEqual(await client.codeLenses(uri), []);
    assert.deepEqual(await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { diagnostics: [] }), []);
    assert.equal(stopped().length, 1, 'version 1 was analysed once');

    // A new version is tried again, and once the file is ordinary its diagnostics are real ones.
    assertTimedOutNotice(await client.replaceText(uri, `${quadraticDockerfile(8_000)}# one more\n`));
    const replaced = await client.replaceText(uri, PROBLEMATIC_DOCKERFILE);
    assert.deepEqual(summarize(replaced.diagnostics), expectedSummary(PROBLEMATIC_DOCKERFILE));
  });

  it('drops the work on an older version when a newer one comes', async () => {
    // Every file goes to the worker, and the budget is long: only superseding can end the old work early.
    const client = await start({ mainThreadMaxBytes: 0, analysisBudgetMs: 60_000 });
    const uri = fileUri('superseded/Dockerfile');
    await client.sendOpen(uri, quadraticDockerfile(12_000));
    const { value: latest, ms } = await timed(() => client.replaceText(uri, PROBLEMATIC_DOCKERFILE));
    assert.deepEqual(summarize(latest.diagnostics), expectedSummary(PROBLEMATIC_DOCKERFILE));
    assert.ok(ms < 2 * PROMPT_MS, `the newer version waited ${ms.toFixed(0)} ms for the older one`);
    assert.deepEqual(
      client.published.filter((params) => params.uri === uri).map((params) => params.version),
      [2],
      'nothing is published for the superseded version',
    );
  });

  describe('the worker hands back what the editor features need', () => {
    const text = `${PROBLEMATIC_DOCKERFILE}COPY --chown=node . /app\nRUN apt-get update && apt-get install -y jq\n`;
    const uri = fileUri('worker-features/Dockerfile');
    const served: Record<'worker' | 'main', { client: TestLanguageClient; diagnostics: Diagnostic[] }> = {} as never;

    before(async () => {
      for (const [where, mainThreadMaxBytes] of [['worker', 0], ['main', 1024 * 1024]] as const) {
        const client = await start({ mainThreadMaxBytes });
        served[where] = { client, diagnostics: (await client.open(uri, text)).diagnostics };
      }
    });

    const actionsOf = async (where: 'worker' | 'main'): Promise<CodeAction[]> => {
      const { client, diagnostics } = served[where];
      return client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } }, { diagnostics });
    };

    it('the same diagnostics, quick fixes, ignore comments and fix-all', async () => {
      assert.deepEqual(summarize(served.worker.diagnostics), expectedSummary(text));
      const [fromWorker, fromMain] = [await actionsOf('worker'), await actionsOf('main')];
      assert.ok(fromWorker.some((action) => action.title.startsWith('Ignore ')), 'ignore-comment quick fixes');
      assert.ok(fromWorker.some((action) => action.kind === 'source.fixAll.layerwise'), 'fix-all');
      assert.deepEqual(fromWorker, fromMain);
    });

    it('the same code lenses and hovers', async () => {
      assert.deepEqual(await served.worker.client.codeLenses(uri), await served.main.client.codeLenses(uri));
      const hoverAt = (where: 'worker' | 'main', line: number) =>
        served[where].client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: 1 } }) as Promise<Hover | null>;
      const lines = text.split('\n').length;
      let hovers = 0;
      for (let line = 0; line < lines; line++) {
        const [fromWorker, fromMain] = await Promise.all([hoverAt('worker', line), hoverAt('main', line)]);
        assert.deepEqual(fromWorker, fromMain, `hover on line ${line}`);
        if (fromWorker) hovers++;
      }
      assert.ok(hovers >= 2, 'hovers over the FROM and the layers');
    });
  });
});
