import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../analysis/engine';
import { DocumentAnalyses, type DocumentAnalysis } from './document-analysis';
import type { Logger } from './logger';
import { parseSettings } from './settings';

const TEXT = 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl\nCOPY . /app\n';

function silentLogger(): Logger {
  return { info: () => {}, error: () => {} };
}

function analysed(analysis: DocumentAnalysis | null) {
  assert.ok(analysis?.kind === 'analysed', `analysed, not ${analysis?.kind ?? 'superseded'}`);
  return analysis.result;
}

describe('DocumentAnalyses', () => {
  it('has the findings before the size estimate, and then the same analysis as analyze() with sizes', async () => {
    const analyses = new DocumentAnalyses(silentLogger());
    const document = TextDocument.create('file:///a/Dockerfile', 'dockerfile', 1, TEXT);
    const settings = parseSettings({});
    const order: string[] = [];
    const whole = analyses.analysisFor(document, settings).then((analysis) => (order.push('whole'), analysis));
    const findings = analyses.findingsFor(document, settings).then((analysis) => (order.push('findings'), analysis));
    const [early, complete] = await Promise.all([findings, whole]);
    assert.deepEqual(order, ['findings', 'whole']);

    const expected = analyze(TEXT);
    assert.deepEqual(analysed(early).findings, expected.findings);
    assert.deepEqual(analysed(early).estimates, [], 'no estimate yet');
    assert.deepEqual(analysed(complete).findings, expected.findings);
    assert.deepEqual(analysed(complete).estimates, expected.estimates);
    assert.deepEqual(analysed(complete).stages, expected.stages);
    assert.equal(analysed(complete).layout, analysed(early).layout, 'the layout is computed once');
    assert.equal(await analyses.analysisFor(document, settings), complete, 'cached for the version');
    analyses.dispose();
  });

  it('estimates the sizes of the current version when told to, before any lens asks', async () => {
    const noted: string[] = [];
    const baseImageSizes = { sizesFor: () => undefined, noteAnalysis: (uri: string) => noted.push(uri) };
    const analyses = new DocumentAnalyses(silentLogger(), { baseImageSizes });
    const settings = parseSettings({ sizeLens: { registryLookup: true } });
    const document = TextDocument.create('file:///b/Dockerfile', 'dockerfile', 1, TEXT);
    await analyses.findingsFor(document, settings);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(noted, [], 'no estimate until told or asked');
    analyses.estimateSizes(document.uri, 2);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(noted, [], 'nor for another version');
    analyses.estimateSizes(document.uri, 1);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(noted, [document.uri]);
    analyses.dispose();
  });

  it('gives no estimate for a version superseded before it was made', async () => {
    const analyses = new DocumentAnalyses(silentLogger());
    const settings = parseSettings({});
    const first = TextDocument.create('file:///c/Dockerfile', 'dockerfile', 1, TEXT);
    const firstWhole = analyses.analysisFor(first, settings);
    const second = TextDocument.update(first, [{ text: `${TEXT}USER nobody\n` }], 2);
    const secondWhole = analyses.analysisFor(second, settings);
    assert.equal(await firstWhole, null);
    assert.ok(analysed(await secondWhole).estimates.length > 0);
    analyses.dispose();
  });

  it('has one analysis for both when the size lens is off', async () => {
    const analyses = new DocumentAnalyses(silentLogger());
    const settings = parseSettings({ sizeLens: { enabled: false } });
    const document = TextDocument.create('file:///d/Dockerfile', 'dockerfile', 1, TEXT);
    const findings = await analyses.findingsFor(document, settings);
    assert.equal(await analyses.analysisFor(document, settings), findings);
    assert.deepEqual(analysed(findings).estimates, []);
    analyses.dispose();
  });
});
