/// <reference types="mocha" />
// Every fix of every rule, replayed in the editor: each invalid doc example with a fix is opened as a
// Dockerfile, its diagnostic must appear where the core puts it, every fix the core has for it must
// be offered as a quick fix, and applying each one must leave exactly the text the core computes.
// Then `source.fixAll.layerwise` on a file with several safe fixes must equal the core's fix-all.
// The expected texts come from the core at bundle time (editor-cases.json), so a new rule or a new
// doc example is tested here without touching this file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { loadEditorCases, type FixCase, type FixExpectation } from './editor-cases';
import {
  activateExtension,
  applyCodeAction,
  codeActionsAt,
  codeOf,
  openScratchDocument,
  waitForDiagnostics,
  waitForText,
  wholeDocument,
  withCode,
} from './helpers';

const cases = loadEditorCases();

function sameRange(diagnostic: vscode.Diagnostic, range: FixCase['range']): boolean {
  const { start, end } = diagnostic.range;
  return (
    start.line === range.start.line &&
    start.character === range.start.character &&
    end.line === range.end.line &&
    end.character === range.end.character
  );
}

function waitForFinding(document: vscode.TextDocument, fixCase: FixCase): Promise<vscode.Diagnostic> {
  const { start, end } = fixCase.range;
  const description = `${fixCase.code} at ${start.line}:${start.character}-${end.line}:${end.character}`;
  return waitForDiagnostics(document.uri, description, (all) => all.some((d) => codeOf(d) === fixCase.code && sameRange(d, fixCase.range))).then(
    (all) => all.find((d) => codeOf(d) === fixCase.code && sameRange(d, fixCase.range)) as vscode.Diagnostic,
  );
}

/** Saves what a test changed, so the scratch file is clean and nobody is asked about it later. */
async function settle(document: vscode.TextDocument): Promise<void> {
  if (document.isDirty) await document.save();
}

/** Opens a fresh copy of the example, applies one fix through the editor and returns the text. */
async function applyInEditor(fixCase: FixCase, fix: FixExpectation): Promise<string> {
  const document = await openScratchDocument(fixCase.fileName, fixCase.text);
  try {
    const diagnostic = await waitForFinding(document, fixCase);
    const actions = await codeActionsAt(document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const offered = actions.map((action) => action.title);
    for (const { title } of fixCase.fixes) {
      assert.ok(offered.includes(title), `quick fix "${title}" is offered; offered: ${offered.map((t) => `"${t}"`).join(', ') || 'nothing'}`);
    }
    const [action, ...sameTitle] = actions.filter((candidate) => candidate.title === fix.title);
    assert.equal(sameTitle.length, 0, `one quick fix titled "${fix.title}" at this range`);
    assert.ok(action.kind && vscode.CodeActionKind.QuickFix.contains(action.kind), `"${fix.title}" is a quickfix`);
    await applyCodeAction(action);
    return await waitForText(document, (text) => text !== fixCase.text, `"${fix.title}" to change the text`);
  } finally {
    await settle(document);
  }
}

describe('every fix, applied in the editor', () => {
  before(async () => {
    await activateExtension();
  });

  it('has cases from the rule catalog', () => {
    // A broken case generator must not pass by testing nothing.
    assert.ok(cases.fixes.length > 0 && cases.fixes.every((fixCase) => fixCase.fixes.length > 0), 'fix cases were generated');
  });

  for (const fixCase of cases.fixes) {
    const titles = fixCase.fixes.map((fix) => `"${fix.title}"`).join(', ');
    it(`${fixCase.name} (${fixCase.code}): ${titles}`, async () => {
      // Each fix gets its own copy of the example, so no fix sees another's edit; they run side by side.
      const results = await Promise.all(fixCase.fixes.map(async (fix) => ({ fix, text: await applyInEditor(fixCase, fix) })));
      for (const { fix, text } of results) assert.equal(text, fix.expected, `the text after "${fix.title}"`);
    });
  }

  it('applies the same safe fixes with source.fixAll.layerwise as the core does', async () => {
    const { text, expected, codes } = cases.fixAll;
    const document = await openScratchDocument('fix-all', text);
    try {
      await waitForDiagnostics(document.uri, `diagnostics ${codes.join(', ')}`, (all) => codes.every((code) => withCode(all, code).length > 0));

      const actions = await codeActionsAt(document.uri, wholeDocument(document), 'source.fixAll.layerwise');
      assert.deepEqual(
        actions.map((action) => action.kind?.value),
        ['source.fixAll.layerwise'],
        `one fix-all action; offered: ${actions.map((action) => action.title).join(', ')}`,
      );
      await applyCodeAction(actions[0]);
      const fixed = await waitForText(document, (current) => current !== text, 'the fix-all action to change the text');
      assert.equal(fixed, expected);
    } finally {
      await settle(document);
    }
  });
});
