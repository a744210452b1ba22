import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../analysis/engine';
import { COMPRESSION } from '../analysis/size/amount';
import { DocumentAnalyses, type DocumentAnalysis } from './document-analysis';
import { AMD64_TOTAL, SINGLE_TOTAL, startFakeRegistry, type FakeRegistry } from '../../../test/support/fake-registry';
import type { Logger } from './logger';
import { toPortableAnalysis } from './portable-analysis';
import { RegistrySizes } from './registry-sizes';
import { parseSettings } from './settings';

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (message) => lines.push(message), error: (message) => lines.push(`error: ${message}`) };
}

const portable = (text: string) => toPortableAnalysis(analyze(text));

/** Resolves with the next onChanged call, or rejects after the deadline. */
function changeNotifier(deadlineMs = 3000) {
  let notify: (uris: string[]) => void = () => undefined;
  const calls: string[][] = [];
  const next = () =>
    new Promise<string[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no change reported in time')), deadlineMs);
      notify = (uris) => {
        clearTimeout(timer);
        resolve(uris);
      };
    });
  return { calls, next, onChanged: (uris: string[]) => (calls.push(uris), notify(uris)) };
}

describe('RegistrySizes', () => {
  let registry: FakeRegistry;
  const endpoints = () => new Map([['registry-1.docker.io', registry.url]]);

  before(async () => {
    registry = await startFakeRegistry();
  });
  after(() => registry.close());

  test('looks up unknown base images once, then reports the documents that use them', async () => {
    const changes = changeNotifier();
    const sizes = new RegistrySizes(recordingLogger(), changes.onChanged, { settleMs: 0, endpoints: endpoints() });
    const text = 'FROM app:multi AS build\nFROM node:20-slim\nFROM build\n';
    assert.equal(sizes.sizesFor('file:///a'), undefined, 'nothing is known before the lookup');
    const changed = changes.next();
    sizes.noteAnalysis('file:///a', portable(text));
    assert.deepEqual(await changed, ['file:///a']);
    const known = sizes.sizesFor('file:///a');
    assert.deepEqual(Object.keys(known ?? {}), ['app:multi'], 'the table-known node:20-slim and the stage reference are not looked up');
    assert.equal(known?.['app:multi'].compressedBytes, AMD64_TOTAL);
    assert.match(known?.['app:multi'].source ?? '', /registry-1\.docker\.io manifest .*linux\/amd64/);
    assert.equal(sizes.sizesFor('file:///a'), known, 'the same object while nothing changes');

    // Analysed again with the size, the image is still wanted (no flip-flop) and not fetched again.
    const fetches = registry.requests.length;
    sizes.noteAnalysis('file:///a', toPortableAnalysis(analyze(text, { extraBaseImages: known })));
    sizes.noteAnalysis('file:///b', portable('FROM docker.io/library/app:multi\n'));
    await sizes.idle();
    assert.equal(registry.requests.length, fetches, 'cached per image, however it is written');
    assert.equal(sizes.sizesFor('file:///a'), known);
    assert.equal(sizes.sizesFor('file:///b')?.['docker.io/library/app:multi'].compressedBytes, AMD64_TOTAL);
  });

  test('a failure is logged, reported to nobody, and not retried at once', async () => {
    const logger = recordingLogger();
    const changes = changeNotifier();
    const sizes = new RegistrySizes(logger, changes.onChanged, { settleMs: 0, endpoints: endpoints() });
    registry.requests.length = 0;
    sizes.noteAnalysis('file:///c', portable('FROM app:gone\n'));
    await sizes.idle();
    sizes.noteAnalysis('file:///c', portable('FROM app:gone\n'));
    await sizes.idle();
    assert.equal(registry.requests.filter((path) => path === '/v2/library/app/manifests/gone').length, 2, 'challenge + one authorised try, once');
    assert.deepEqual(changes.calls, []);
    assert.equal(sizes.sizesFor('file:///c'), undefined);
    assert.ok(logger.lines.some((line) => /app@gone not available: .*404/.test(line)), logger.lines.join('\n'));
  });

  test('an image no longer named by the time its turn comes is not fetched', async () => {
    const sizes = new RegistrySizes(recordingLogger(), () => undefined, { settleMs: 50, endpoints: endpoints() });
    registry.requests.length = 0;
    sizes.noteAnalysis('file:///d', portable('FROM app:sing\n'));
    sizes.noteAnalysis('file:///d', portable('FROM app:single\n'));
    await sizes.idle();
    assert.ok(!registry.requests.some((path) => path.endsWith('/sing')), registry.requests.join('\n'));
    assert.equal(sizes.sizesFor('file:///d')?.['app:single'].compressedBytes, SINGLE_TOTAL);
  });

  test('DocumentAnalyses: the lens shows unknown first, then the estimate from the manifest, only when the setting is on', async () => {
    const changes = changeNotifier();
    const sizes = new RegistrySizes(recordingLogger(), changes.onChanged, { settleMs: 0, endpoints: endpoints() });
    const analyses = new DocumentAnalyses(recordingLogger(), { baseImageSizes: sizes });
    registry.requests.length = 0;
    const document = TextDocument.create('file:///e/Dockerfile', 'dockerfile', 1, 'FROM app:single\nRUN true\n');
    const baseOf = (analysis: DocumentAnalysis | null) => (analysis?.kind === 'analysed' ? analysis.result.estimates[0].layers[0] : null);

    const off = parseSettings({});
    assert.equal(baseOf(await analyses.analysisFor(document, off))?.basis, 'unknown');
    await sizes.idle();
    assert.equal(registry.requests.some((path) => path.endsWith('/single')), false, 'off by default: no request');

    const on = parseSettings({ sizeLens: { registryLookup: true } });
    const changed = changes.next();
    assert.equal(baseOf(await analyses.analysisFor(document, on))?.basis, 'unknown', 'the first analysis does not wait');
    await changed;
    const refined = baseOf(await analyses.analysisFor(document, on));
    assert.equal(refined?.compressedBytes, SINGLE_TOTAL);
    assert.equal(refined?.bytes, Math.round(SINGLE_TOTAL * COMPRESSION.packages));
    assert.equal(refined?.basis, 'heuristic');
    analyses.dispose();
  });
});
