/// <reference types="mocha" />
// The language server's diagnostics as VS Code shows them: source, code with its docs link, and a
// range on the text the finding is about.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, codeOf, openFixture, waitForCode, waitForDiagnostics, withCode } from './helpers';

function textAt(document: vscode.TextDocument, range: vscode.Range): string {
  return document.getText(range);
}

describe('diagnostics', () => {
  before(async () => {
    await activateExtension();
  });

  afterEach(closeAllEditors);

  it('reports apt lists, ADD and root on a single-stage Debian image, each on its own text', async () => {
    const { document } = await openFixture('problems.dockerfile');
    const all = await waitForDiagnostics(document.uri, 'LW101, LW201 and LW202', (found) =>
      ['LW101', 'LW201', 'LW202'].every((code) => withCode(found, code).length > 0),
    );

    const [aptLists] = withCode(all, 'LW101');
    assert.ok(
      [1, 2].includes(aptLists.range.start.line) && textAt(document, aptLists.range).includes('apt-get'),
      `LW101 should point at an apt-get command, got line ${aptLists.range.start.line}: "${textAt(document, aptLists.range)}"`,
    );

    const addFindings = withCode(all, 'LW201');
    assert.equal(addFindings.length, 1, 'one ADD in the file, one LW201');
    assert.equal(addFindings[0].range.start.line, 3);
    assert.match(textAt(document, addFindings[0].range), /ADD/);

    const [root] = withCode(all, 'LW202');
    assert.ok(!root.range.isEmpty, 'LW202 has a non-empty range');

    assert.equal(withCode(all, 'LW401').length + withCode(all, 'LW402').length, 0, 'a tagged base image is not flagged');
  });

  it('gives every diagnostic its code, a docs link and a message that says what to do', async () => {
    const { document } = await openFixture('problems.dockerfile');
    const [diagnostic] = await waitForCode(document.uri, 'LW201');
    const code = diagnostic.code;
    assert.ok(typeof code === 'object' && code !== null, 'the code carries a target link');
    assert.equal(String(code.value), 'LW201');
    assert.match(code.target.toString(), /add-instead-of-copy/);
    assert.match(diagnostic.message, /COPY/);
    assert.ok(
      diagnostic.severity === vscode.DiagnosticSeverity.Warning || diagnostic.severity === vscode.DiagnosticSeverity.Error,
      'ADD where COPY does is worth a squiggle',
    );
  });

  it('flags an untagged base image on its name', async () => {
    const { document } = await openFixture('untagged.dockerfile');
    const [untagged] = await waitForCode(document.uri, 'LW401');
    assert.equal(untagged.range.start.line, 0);
    assert.match(textAt(document, untagged.range), /alpine/);
  });

  it('flags a latest base image on its name', async () => {
    const { document } = await openFixture('latest.dockerfile');
    const [latest] = await waitForCode(document.uri, 'LW402');
    assert.equal(latest.range.start.line, 0);
    assert.match(textAt(document, latest.range), /ubuntu|latest/);
  });

  it('does not flag an ADD that extracts a local tar archive', async () => {
    const { document } = await openFixture('add.dockerfile');
    const addFindings = await waitForCode(document.uri, 'LW201');
    assert.deepEqual(
      addFindings.map((d) => d.range.start.line),
      [1],
      `only the folder ADD is flagged, got ${addFindings.map((d) => `${codeOf(d)}@${d.range.start.line}`).join(', ')}`,
    );
  });

  it('updates diagnostics when the document changes', async () => {
    const editor = await openFixture('latest.dockerfile');
    const { document } = editor;
    await waitForCode(document.uri, 'LW402');
    const edited = await editor.edit((edit) => edit.replace(document.lineAt(0).range, 'FROM ubuntu:24.04'));
    assert.ok(edited, 'the edit was applied');
    await waitForDiagnostics(document.uri, 'LW402 to go once the tag is pinned', (found) => withCode(found, 'LW402').length === 0);
  });
});
