// The language server under abuse: edit storms, documents closed mid-analysis, versions out of
// order, garbage settings, a 50 MB file. After each, the server is still up, answers requests,
// publishes what the editor shows, and its memory has not grown with the abuse.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeLensRequest,
  DidChangeConfigurationNotification,
  type Diagnostic,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';
import { LspProcess } from '../../scripts/bench/lsp-process';
import { LAYERWISE_SERVER } from '../../scripts/bench/lsp-latency';
import { realisticDockerfile } from '../corpus/realistic';
import { syntheticDockerfile } from '../corpus/synthetic';

const REPO_ROOT = join(__dirname, '..', '..');
const MB = 1024 * 1024;

function ensureServerBuilt(): void {
  if (existsSync(join(REPO_ROOT, 'dist', 'server.js'))) return;
  const build = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs')], { cwd: REPO_ROOT, stdio: 'inherit' });
  assert.equal(build.status, 0, 'node scripts/build.mjs failed');
}

/** What a diagnostic says and where: enough to compare two publications. */
function summary(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics
    .map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)} ${d.message}`)
    .sort();
}

let documentCounter = 0;
const newUri = (name: string) => `file:///abuse/${name}-${++documentCounter}/Dockerfile`;

async function openAndWait(server: LspProcess, text: string, name = 'doc'): Promise<{ uri: string; published: PublishDiagnosticsParams }> {
  const uri = newUri(name);
  const published = server.nextDiagnostics(uri, (params) => params.version === 1);
  await server.open(uri, text);
  return { uri, published: await published };
}

/** The server processed everything sent before: a fresh document round-trips through it. */
async function roundTrip(server: LspProcess): Promise<void> {
  const { uri } = await openAndWait(server, 'FROM alpine:3.20\n', 'round-trip');
  const cleared = server.nextDiagnostics(uri);
  await server.close(uri);
  await cleared;
}

async function assertAnswers(server: LspProcess, uri: string): Promise<void> {
  const lenses = await server.withDeadline('codeLens', server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } }), 20_000);
  assert.ok(lenses === null || Array.isArray(lenses));
  assert.ok(server.isRunning);
}

/** Typing and deleting characters all over a document, as a fast typist (or a macro) does. */
function stormEdits(text: string, count: number): TextDocumentContentChangeEvent[][] {
  const edits: TextDocumentContentChangeEvent[][] = [];
  // TextDocument.update changes the document in place: plan on a copy of its own.
  let current = TextDocument.create('file:///plan', 'dockerfile', 1, text);
  for (let i = 0; i < count; i++) {
    const line = (i * 7919) % current.lineCount;
    const position = { line, character: 0 };
    const change: TextDocumentContentChangeEvent =
      i % 3 === 2
        ? { range: { start: position, end: { line, character: 1 } }, text: '' }
        : { range: { start: position, end: position }, text: i % 3 === 0 ? '#' : ' ' };
    edits.push([change]);
    current = TextDocument.update(current, [change], current.version + 1);
  }
  return edits;
}

describe('language server under abuse', () => {
  let server: LspProcess;

  before(async () => {
    ensureServerBuilt();
    ({ server } = await LspProcess.start(LAYERWISE_SERVER));
  });

  after(async () => {
    await server?.stop();
  });

  it('survives a storm of 10,000 edits, publishes for the last version and keeps its memory flat', async (context) => {
    const text = syntheticDockerfile(300);
    const storm = async (edits: number) => {
      const { uri } = await openAndWait(server, text, 'storm');
      let document = TextDocument.create(uri, 'dockerfile', 1, text);
      const changes = stormEdits(text, edits);
      const lastVersion = changes.length + 1;
      const published = server.nextDiagnostics(uri, (params) => params.version === lastVersion, 120_000);
      // Sent back to back, without waiting: the server sees them as fast as the pipe delivers.
      const sent: Array<Promise<void>> = [];
      for (const [index, change] of changes.entries()) {
        document = TextDocument.update(document, change, index + 2);
        sent.push(server.change(uri, index + 2, change));
      }
      await Promise.all(sent);
      const last = await published;
      return { uri, finalText: document.getText(), last };
    };

    await storm(1_000); // warm-up: the JIT, the caches and the heap reach their working size
    const rssBefore = server.residentBytes();
    const { uri, finalText, last } = await storm(10_000);
    await roundTrip(server);
    const rssAfter = server.residentBytes();

    // The diagnostics of the last version are those of its text opened afresh: no edit was lost.
    const { published: fresh } = await openAndWait(server, finalText, 'storm-check');
    assert.deepEqual(summary(last.diagnostics), summary(fresh.diagnostics));
    await assertAnswers(server, uri);
    if (Number.isFinite(rssBefore)) {
      const grownMb = (rssAfter - rssBefore) / MB;
      context.diagnostic(`server RSS ${(rssBefore / MB).toFixed(0)} MB before the storm, ${(rssAfter / MB).toFixed(0)} MB after`);
      assert.ok(grownMb < 150, `RSS grew by ${grownMb.toFixed(0)} MB over the storm (${(rssBefore / MB).toFixed(0)} → ${(rssAfter / MB).toFixed(0)} MB)`);
    }
  });

  it('never publishes for a document after it was closed mid-analysis', async () => {
    const big = syntheticDockerfile(3_000);
    const uris: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { uri } = await openAndWait(server, big, 'closed');
      uris.push(uri);
      // An edit schedules an analysis; the close follows after more or fewer other messages, so
      // that it lands before, during or after that analysis.
      await server.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# edit\n' }]);
      for (let noise = 0; noise < i * 40; noise++) await server.change(newUri('noise'), 2, [{ text: 'FROM alpine\n' }]);
      await server.close(uri);
    }
    await roundTrip(server);
    for (const uri of uris) {
      const history = server.history.get(uri) ?? [];
      assert.deepEqual(history.at(-1)?.diagnostics, [], `the last publication for ${uri} must be the clearing one`);
    }
    await assertAnswers(server, uris[0]);
  });

  it('holds back nothing when a document closes while its settings are on their way', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    server.answerConfiguration = () => held.then(() => ({}));
    const requestsBefore = server.configurationRequests;
    try {
      await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      const uri = newUri('held');
      await server.open(uri, realisticDockerfile('debian-apt-problems', 1));
      await server.close(uri);
      release();
      await roundTrip(server);
      assert.ok(server.configurationRequests > requestsBefore, 'the server asked for the settings');
      assert.deepEqual(server.history.get(uri)?.at(-1)?.diagnostics ?? [], []);
    } finally {
      release();
      server.answerConfiguration = () => null;
    }
  });

  it('takes versions out of order, changes to unknown documents and changes without a version', async () => {
    const text = realisticDockerfile('debian-apt-problems', 2);
    const { uri } = await openAndWait(server, text, 'versions');
    const variants = [realisticDockerfile('node-single', 3), realisticDockerfile('alpine-apk', 4), text];
    // Full-text replacements with versions 7, 3, 5: the editor's text is the last one sent.
    const published = server.nextDiagnostics(uri, (params) => params.version === 5);
    await server.change(uri, 7, [{ text: variants[0] }]);
    await server.change(uri, 3, [{ text: variants[1] }]);
    await server.change(uri, 5, [{ text: variants[2] }]);
    await server.change(newUri('never-opened'), 2, [{ text: 'FROM alpine\n' }]);
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri }, contentChanges: [{ text: 'FROM x\n' }] });
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: newUri('never-opened') } });
    const last = await published;
    const { published: fresh } = await openAndWait(server, text, 'versions-check');
    assert.deepEqual(summary(last.diagnostics), summary(fresh.diagnostics));
    await assertAnswers(server, uri);
  });

  it('treats garbage settings as the defaults', async () => {
    const text = realisticDockerfile('debian-apt-problems', 5);
    const { published: expected } = await openAndWait(server, text, 'settings-default');
    const manyKeys = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`rule-${i}`, 'off']));
    let deep: unknown = 'off';
    for (let i = 0; i < 1_000; i++) deep = { rules: deep };
    const garbage: unknown[] = [
      null, 42, 'layerwise', [], [1, 2], true,
      { enable: 'yes', rules: 'none', target: { name: 'x' }, sizeLens: 5 },
      { rules: { DL3009: 42, LW101: { severity: 'off' }, '': 'off', ['x'.repeat(10_000)]: 'off' } },
      { rules: manyKeys },
      JSON.parse('{"rules": {"__proto__": {"polluted": "off"}, "constructor": "off"}}'),
      { 'sizeLens.enabled': 'no', target: '' },
      deep,
    ];
    for (const answer of garbage) {
      server.answerConfiguration = () => answer;
      await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { layerwise: answer } });
      const { published } = await openAndWait(server, text, 'settings-garbage');
      assert.deepEqual(summary(published.diagnostics), summary(expected.diagnostics), `settings ${JSON.stringify(answer)?.slice(0, 80)}`);
    }
    server.answerConfiguration = () => {
      throw new Error('the client failed to read its settings');
    };
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    const { published } = await openAndWait(server, text, 'settings-error');
    assert.deepEqual(summary(published.diagnostics), summary(expected.diagnostics));
    server.answerConfiguration = () => null;
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('keeps answering while a small file of the shape that makes the parser quadratic is open', async () => {
    // dockerfile-ast spends (comments × FROMs) steps placing comments into stages: 5,000 of each
    // in 100 KB, well under any byte limit, cost seconds. The server must not stall on it.
    const uri = newUri('quadratic');
    await server.open(uri, '# note\nFROM alpine:3.20\n'.repeat(5_000));
    const started = performance.now();
    await roundTrip(server);
    const elapsed = performance.now() - started;
    await server.close(uri);
    assert.ok(elapsed < 1_500, `the server took ${elapsed.toFixed(0)} ms to answer while the file was open`);
  });

  it('opens a 50 MB file opened by mistake with one notice, edits it, and lets it go', async (context) => {
    const line = 'RUN echo "some generated line that goes on for a while, again and again"\n';
    const huge = `FROM debian:bookworm-slim\n${line.repeat(Math.ceil((50 * MB) / line.length))}`;
    const openEditClose = async () => {
      const uri = newUri('huge');
      const opened = server.nextDiagnostics(uri, (params) => params.version === 1, 60_000);
      await server.open(uri, huge);
      const { diagnostics } = await opened;
      assert.equal(diagnostics.length, 1, 'one notice that the file is too large');
      assert.match(String(diagnostics[0].message), /too large/);
      const changed = server.nextDiagnostics(uri, (params) => params.version === 2, 60_000);
      await server.change(uri, 2, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '#' }]);
      assert.equal((await changed).diagnostics.length, 1);
      const cleared = server.nextDiagnostics(uri, () => true, 60_000);
      await server.close(uri);
      assert.deepEqual((await cleared).diagnostics, []);
      await roundTrip(server);
      await assertAnswers(server, uri);
      return server.residentBytes();
    };
    // V8 keeps the heap it grew and gives it back when it likes, so one measurement says little:
    // after six files a server that kept each 50 MB text would be 250 MB or more above the first.
    const rounds: number[] = [];
    for (let round = 0; round < 6; round++) rounds.push(await openEditClose());
    if (rounds.every(Number.isFinite)) {
      context.diagnostic(`server RSS after each 50 MB file: ${rounds.map((rss) => (rss / MB).toFixed(0)).join(', ')} MB`);
      const grownMb = (rounds[5] - rounds[0]) / MB;
      assert.ok(grownMb < 200, `RSS grew by ${grownMb.toFixed(0)} MB over six 50 MB files`);
    }
  });
});
