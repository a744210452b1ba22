// The server's life: initialize, what it survives (huge files, garbage, bad requests), shutdown.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import {
  createProtocolConnection,
  ExitNotification,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  ShutdownRequest,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { expectedSummary, garbageText, messageText, MULTI_STAGE_DOCKERFILE, summarize } from './expectations';
import { ensureServerBuilt, fileUri, REPO_ROOT, TestLanguageClient } from './lsp-client';

describe('server lifecycle', () => {
  let client: TestLanguageClient;
  let initialize: InitializeResult;

  before(async () => {
    ({ client, initialize } = await TestLanguageClient.start());
  });

  after(async () => {
    await client.dispose();
  });

  it('announces incremental sync, quick fixes, fix-all and code lenses', () => {
    const { capabilities } = initialize;
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2 });
    const codeActionProvider = capabilities.codeActionProvider;
    assert.ok(typeof codeActionProvider === 'object');
    assert.deepEqual(
      [...(codeActionProvider.codeActionKinds ?? [])].sort(),
      ['quickfix', 'source.fixAll', 'source.fixAll.layerwise'],
    );
    assert.ok(capabilities.codeLensProvider);
    assert.equal(initialize.serverInfo?.name, 'layerwise');
  });

  it('skips a file over 2 MB with one notice at line 0, and stays responsive', async () => {
    const uri = fileUri('huge/Dockerfile');
    const line = 'RUN echo "a line that is long enough to make the file big quickly, over and over"\n';
    const text = `FROM node:latest\n${line.repeat(Math.ceil((2.5 * 1024 * 1024) / line.length))}`;
    const published = await client.open(uri, text);
    assert.equal(published.diagnostics.length, 1);
    const [notice] = published.diagnostics;
    assert.equal(notice.range.start.line, 0);
    assert.equal(notice.severity, 3);
    assert.match(messageText(notice), /^file too large for analysis \(2\.5 MB\); Layerwise analyses files up to 2 MB$/);
    assert.deepEqual(await client.codeLenses(uri), []);
    assert.deepEqual(await client.codeActions(uri, notice.range, { diagnostics: [notice] }), []);
    await client.sendClose(uri);
  });

  it('survives garbage documents and keeps analysing good ones', async () => {
    for (const seed of [1, 2, 3]) {
      const uri = fileUri(`garbage/${seed}`);
      const published = await client.open(uri, garbageText(20_000, seed));
      assert.ok(Array.isArray(published.diagnostics));
      await client.codeLenses(uri);
      await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } }, {
        diagnostics: published.diagnostics,
      });
      await client.sendClose(uri);
    }
    const good = fileUri('garbage/after');
    const published = await client.open(good, MULTI_STAGE_DOCKERFILE);
    assert.deepEqual(summarize(published.diagnostics), expectedSummary(MULTI_STAGE_DOCKERFILE));
    await client.sendClose(good);
  });

  it('answers requests about unknown documents and odd positions without failing', async () => {
    const unknown = fileUri('never-opened');
    assert.deepEqual(await client.codeLenses(unknown), []);
    assert.deepEqual(
      await client.codeActions(unknown, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, {
        diagnostics: [],
      }),
      [],
    );
    // A change for a document that was never opened is ignored; the server stays up.
    await client.sendChange(unknown, [{ text: 'FROM scratch\n' }]);
    const uri = fileUri('odd/Dockerfile');
    await client.open(uri, MULTI_STAGE_DOCKERFILE);
    const beyondTheEnd = { start: { line: 500, character: 3 }, end: { line: 900, character: 0 } };
    assert.ok(Array.isArray(await client.codeActions(uri, beyondTheEnd, { diagnostics: [] })));
    await client.sendClose(uri);
    assert.ok(client.isRunning);
  });

  it('shuts down and exits cleanly', async () => {
    assert.equal(await client.shutdown(), 0);
  });
});

describe('server over node IPC', () => {
  it('initializes and exits over IPC, the transport the VS Code client uses', async (context) => {
    ensureServerBuilt();
    const child = fork(join(REPO_ROOT, 'dist', 'server.js'), ['--node-ipc'], { stdio: ['pipe', 'pipe', 'pipe', 'ipc'] });
    const exited = once(child, 'exit');
    const deadline = setTimeout(() => child.kill(), 10_000);
    context.after(() => {
      clearTimeout(deadline);
      child.kill();
    });
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    connection.listen();
    const result = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: {},
    });
    assert.equal(result.serverInfo?.name, 'layerwise');
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    const [code] = await exited;
    assert.equal(code, 0);
    connection.dispose();
  });
});
