// Diagnostics over the protocol: on open, on change (incremental, debounced, never stale), on
// close, and under settings read with workspace/configuration.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { applyTextEdits } from '../../server/src/analysis/text-edits';
import { DOCS_BASE_URL } from '../../server/src/analysis/rule';
import { expectedSummary, MULTI_STAGE_DOCKERFILE, PROBLEMATIC_DOCKERFILE, summarize } from './expectations';
import { fileUri, TestLanguageClient } from './lsp-client';

describe('diagnostics over LSP', () => {
  let client: TestLanguageClient;

  before(async () => {
    ({ client } = await TestLanguageClient.start({ initializationOptions: { debounceMs: 0 } }));
  });

  after(async () => {
    await client.dispose();
  });

  it('publishes the findings of the core on didOpen, with codes and links, naming each finding in data', async () => {
    const uri = fileUri('open/Dockerfile');
    const published = await client.open(uri, PROBLEMATIC_DOCKERFILE);
    assert.equal(published.version, 1);
    assert.ok(published.diagnostics.length > 0, 'the sample has problems');
    assert.deepEqual(summarize(published.diagnostics), expectedSummary(PROBLEMATIC_DOCKERFILE));
    for (const diagnostic of published.diagnostics) {
      assert.equal(diagnostic.source, 'layerwise');
      assert.match(String(diagnostic.code), /^LW\d+$/);
      assert.ok(diagnostic.codeDescription?.href.startsWith(DOCS_BASE_URL), diagnostic.codeDescription?.href);
      // The fixes stay on the server: data names the finding, so every keystroke publishes less.
      assert.deepEqual(Object.keys(diagnostic.data as object).sort(), ['index', 'rule', 'version']);
    }
    await client.sendClose(uri);
  });

  it('publishes for the new version after an incremental didChange', async () => {
    const uri = fileUri('change/Dockerfile');
    await client.open(uri, PROBLEMATIC_DOCKERFILE);
    // Two incremental changes in one notification, each relative to the text after the previous one:
    // clean the apt lists in the install layer, then pin the base image's tag.
    const changes = [
      {
        range: { start: { line: 2, character: 27 }, end: { line: 2, character: 27 } },
        text: ' && rm -rf /var/lib/apt/lists/*',
      },
      {
        range: { start: { line: 0, character: 10 }, end: { line: 0, character: 16 } },
        text: '20.11.1',
      },
    ];
    const changedText = changes.reduce(
      (text, change) => applyTextEdits(text, [{ range: change.range, newText: change.text }]),
      PROBLEMATIC_DOCKERFILE,
    );
    assert.ok(changedText.includes('FROM node:20.11.1\n') && changedText.includes('curl && rm -rf'));
    const published = client.nextDiagnostics(uri, (params) => params.version === 2);
    await client.sendChange(uri, changes);
    const diagnostics = (await published).diagnostics;
    assert.deepEqual(summarize(diagnostics), expectedSummary(changedText));
    assert.notDeepEqual(summarize(diagnostics), expectedSummary(PROBLEMATIC_DOCKERFILE), 'the edit changed the findings');
    await client.sendClose(uri);
  });

  it('never publishes an older version after a newer one during a burst of edits', async () => {
    const uri = fileUri('burst/Dockerfile');
    await client.open(uri, MULTI_STAGE_DOCKERFILE);
    const firstIndex = client.published.length;
    let lastVersion = 1;
    let text = MULTI_STAGE_DOCKERFILE;
    const lastPublished = client.nextDiagnostics(uri, (params) => params.version === 41);
    for (let i = 0; i < 40; i++) {
      const insertion = `# edit ${i}\n`;
      text = insertion + text;
      lastVersion = await client.sendChange(uri, [
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: insertion },
      ]);
    }
    assert.equal(lastVersion, 41);
    assert.deepEqual(summarize((await lastPublished).diagnostics), expectedSummary(text));
    const versions = client.published
      .slice(firstIndex)
      .filter((params) => params.uri === uri)
      .map((params) => params.version ?? -1);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `versions published in order: ${versions}`);
    await client.sendClose(uri);
  });

  it('clears diagnostics on close and drops work for a document closed mid-analysis', async () => {
    const closing = fileUri('closing/Dockerfile');
    let releaseSettings: (value: unknown) => void = () => undefined;
    const heldSettings = new Promise((resolve) => {
      releaseSettings = resolve;
    });
    const askedForSettings = new Promise<void>((resolve) => {
      client.answerConfiguration = (item) => {
        if (item.scopeUri !== closing) return {};
        resolve();
        return heldSettings;
      };
    });
    try {
      await client.sendOpen(closing, PROBLEMATIC_DOCKERFILE);
      await askedForSettings; // the server is now waiting in the middle of the validation
      const cleared = client.nextDiagnostics(closing);
      await client.sendClose(closing);
      assert.deepEqual((await cleared).diagnostics, []);
      const afterClose = client.published.length;
      releaseSettings({});
      // A later document's diagnostics prove the server went past the released validation.
      const barrier = fileUri('closing/after');
      await client.open(barrier, MULTI_STAGE_DOCKERFILE);
      const late = client.published.slice(afterClose).filter((params) => params.uri === closing);
      assert.deepEqual(late, [], 'nothing is published for a closed document');
      await client.sendClose(barrier);
    } finally {
      client.answerConfiguration = () => ({});
    }
  });
});

describe('settings over LSP', () => {
  let client: TestLanguageClient;
  let settings: unknown = {};

  before(async () => {
    ({ client } = await TestLanguageClient.start({ initializationOptions: { debounceMs: 0 } }));
    client.answerConfiguration = (item) => (item.section === 'layerwise' ? settings : null);
  });

  after(async () => {
    await client.dispose();
  });

  /** Changes the settings and resolves with the re-published diagnostics of `uri`. */
  async function reconfigure(uri: string, next: unknown) {
    settings = next;
    const republished = client.nextDiagnostics(uri);
    const requestsBefore = client.configurationRequests;
    await client.changeConfiguration();
    const published = await republished;
    assert.ok(client.configurationRequests > requestsBefore, 'settings were asked for again');
    return published;
  }

  it('turns a rule off by code, sets a severity, and follows enable', async () => {
    const uri = fileUri('settings/Dockerfile');
    const initial = await client.open(uri, PROBLEMATIC_DOCKERFILE);
    assert.ok(initial.diagnostics.length > 0, 'the sample has problems');
    const code = String(initial.diagnostics[0].code);
    const refreshesBefore = client.codeLensRefreshes;

    const withoutRule = await reconfigure(uri, { rules: { [code]: 'off' } });
    assert.ok(!withoutRule.diagnostics.some((diagnostic) => diagnostic.code === code), `${code} is off`);
    assert.deepEqual(summarize(withoutRule.diagnostics), expectedSummary(PROBLEMATIC_DOCKERFILE, settings));
    assert.ok(client.codeLensRefreshes > refreshesBefore, 'code lenses were refreshed');

    const asHint = await reconfigure(uri, { rules: { [code]: 'hint' } });
    const hinted = asHint.diagnostics.filter((diagnostic) => diagnostic.code === code);
    assert.ok(hinted.length > 0);
    assert.ok(hinted.every((diagnostic) => diagnostic.severity === 4));

    const disabled = await reconfigure(uri, { enable: false });
    assert.deepEqual(disabled.diagnostics, []);

    const enabled = await reconfigure(uri, {});
    assert.deepEqual(summarize(enabled.diagnostics), summarize(initial.diagnostics));
    await client.sendClose(uri);
  });

  it('ignores settings of the wrong shape instead of failing', async () => {
    const uri = fileUri('settings/invalid');
    const initial = await client.open(uri, PROBLEMATIC_DOCKERFILE);
    const invalidValues = [
      { enable: 'yes', rules: 'all', target: 42, sizeLens: 'on' },
      { rules: { LW101: 'loud', DL3009: 7, '': 'off', ['__proto__']: 'off' } },
      ['not', 'an', 'object'],
      null,
    ];
    for (const invalid of invalidValues) {
      const published = await reconfigure(uri, invalid);
      assert.deepEqual(summarize(published.diagnostics), summarize(initial.diagnostics), JSON.stringify(invalid));
    }
    assert.ok(client.isRunning);
    await client.sendClose(uri);
  });

  it('judges the stage named by layerwise.target as the shipped one', async () => {
    const uri = fileUri('settings/target');
    await client.open(uri, MULTI_STAGE_DOCKERFILE);
    const targeted = await reconfigure(uri, { target: 'build' });
    assert.deepEqual(summarize(targeted.diagnostics), expectedSummary(MULTI_STAGE_DOCKERFILE, { target: 'build' }));
    await reconfigure(uri, {});
    await client.sendClose(uri);
  });
});
