/// <reference types="mocha" />
// Every contributed snippet, in the editor: offered by completion on a blank line of a Dockerfile
// (as a Snippet, under its prefix), and inserting it leaves the snippet expanded with its defaults —
// the text computed from the snippet file at bundle time (editor-cases.json). Whole Dockerfiles go
// into an empty file, fragments into the stage of a small host file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { loadEditorCases, type SnippetCase } from './editor-cases';
import { activateExtension, closeAllEditors, openScratchDocument, waitForText } from './helpers';

const cases = loadEditorCases();

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

async function openHost(snippet: SnippetCase): Promise<vscode.TextEditor> {
  const document = await openScratchDocument(`snippet-${snippet.prefix}`, snippet.host);
  return vscode.window.showTextDocument(document);
}

async function completionFor(snippet: SnippetCase, document: vscode.TextDocument): Promise<vscode.CompletionItem> {
  const position = new vscode.Position(snippet.line, 0);
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
  const item = list.items.find((candidate) => labelOf(candidate) === snippet.prefix);
  const labels = list.items.map(labelOf).filter((label) => label.startsWith('lw-'));
  assert.ok(item, `${snippet.prefix} is offered on line ${snippet.line}; lw- items offered: ${labels.join(', ') || 'none'}`);
  assert.equal(item.kind, vscode.CompletionItemKind.Snippet, `${snippet.prefix} is a Snippet item`);
  return item;
}

/** Inserts and waits for the document to show it (the edit reaches the extension host asynchronously). */
async function insert(editor: vscode.TextEditor, body: vscode.SnippetString, at: vscode.Position | vscode.Range): Promise<string> {
  const before = editor.document.getText();
  assert.ok(await editor.insertSnippet(body, at), 'the editor inserted the snippet');
  return waitForText(editor.document, (text) => text !== before, 'the snippet to appear in the document');
}

describe('every snippet, in the editor', () => {
  before(async () => {
    await activateExtension();
  });

  afterEach(closeAllEditors);

  it('has cases from the snippet file', () => {
    assert.ok(cases.snippets.length > 0, 'snippet cases were generated');
  });

  for (const snippet of cases.snippets) {
    it(`${snippet.prefix}: offered in completion and inserts its defaults`, async () => {
      const editor = await openHost(snippet);
      const item = await completionFor(snippet, editor.document);
      assert.ok(item.insertText instanceof vscode.SnippetString, `${snippet.prefix} inserts a snippet, not plain text`);

      const text = await insert(editor, item.insertText, item.range instanceof vscode.Range ? item.range : new vscode.Position(snippet.line, 0));
      assert.equal(text, snippet.expected);
    });
  }

  it('inserts a snippet by name through the Insert Snippet command, as the command palette does', async () => {
    const snippet = cases.snippets[0];
    const editor = await openHost(snippet);
    editor.selection = new vscode.Selection(snippet.line, 0, snippet.line, 0);
    const before = editor.document.getText();

    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'dockerfile', name: snippet.name });

    const text = await waitForText(editor.document, (current) => current !== before, `${snippet.name} to be inserted`);
    assert.equal(text, snippet.expected);
  });
});
