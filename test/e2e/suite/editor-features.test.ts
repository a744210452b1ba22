/// <reference types="mocha" />
// What a person sees besides squiggles: the size lens above each stage, the snippets in completion,
// settings that take effect at once, and the restart command.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateExtension,
  closeAllEditors,
  openFixture,
  openFixtureCopy,
  waitForCode,
  waitForDiagnostics,
  waitForNoCode,
  withCode,
  wholeDocument,
  describeDiagnostics,
} from './helpers';

const ESTIMATE = /≈ \d+(\.\d+)? (B|kB|MB|GB) est\./;

async function codeLensTitles(uri: vscode.Uri): Promise<Map<number, string[]>> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100)) ?? [];
  const titles = new Map<number, string[]>();
  for (const lens of lenses) {
    if (!lens.command?.title) continue;
    const line = lens.range.start.line;
    titles.set(line, [...(titles.get(line) ?? []), lens.command.title]);
  }
  return titles;
}

function snippetLabel(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

describe('editor features', () => {
  before(async () => {
    await activateExtension();
  });

  afterEach(closeAllEditors);

  describe('size lens', () => {
    it('shows an estimate above a known base image and "size unknown" above an unknown one', async () => {
      const { document } = await openFixture('multi-stage.dockerfile');
      const fromLines = document
        .getText()
        .split(/\r?\n/)
        .flatMap((line, index) => (line.startsWith('FROM ') ? [index] : []));
      // The server has analysed the file once it reports the fixture's one ADD.
      await waitForCode(document.uri, 'LW201');

      const titles = await codeLensTitles(document.uri);
      assert.deepEqual([...titles.keys()].sort((a, b) => a - b), fromLines, 'one lens line per FROM');
      const [knownLine, unknownLine] = fromLines;
      assert.ok(titles.get(knownLine)?.some((title) => ESTIMATE.test(title)), `golang:1.25-alpine: ${titles.get(knownLine)}`);
      assert.ok(titles.get(unknownLine)?.some((title) => /size unknown/.test(title)), `private image: ${titles.get(unknownLine)}`);
    });
  });

  describe('snippets', () => {
    it('offers the lw- snippets in completion and inserts a multi-stage distroless build that passes its own rules', async () => {
      // Start from a file with a known finding, so its disappearance proves the snippet was analysed.
      const document = await vscode.workspace.openTextDocument({ language: 'dockerfile', content: 'FROM alpine\n\n' });
      const editor = await vscode.window.showTextDocument(document);
      await waitForCode(document.uri, 'LW401');

      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        document.uri,
        new vscode.Position(2, 0),
      );
      const snippets = list.items.filter((item) => item.kind === vscode.CompletionItemKind.Snippet && snippetLabel(item).startsWith('lw-'));
      assert.ok(snippets.length > 0, `lw- snippets in completion; got ${list.items.map(snippetLabel).join(', ')}`);
      const distroless = snippets.find((item) => /distroless/.test(snippetLabel(item))) ?? snippets[0];
      const body = distroless.insertText;
      assert.ok(body instanceof vscode.SnippetString, `${snippetLabel(distroless)} inserts a snippet`);

      assert.ok(await editor.insertSnippet(body, wholeDocument(document)), 'the snippet was inserted');
      const text = document.getText();
      const froms = text.split(/\r?\n/).filter((line) => line.startsWith('FROM '));
      assert.ok(froms.length >= 2, `a multi-stage build, got:\n${text}`);
      assert.match(froms[froms.length - 1], /distroless/, 'the shipped stage is distroless');
      assert.match(text, /COPY --from=/);

      const findings = await waitForNoCode(document.uri, 'LW401');
      assert.equal(withCode(findings, 'LW202').length, 0, `the snippet runs as non-root; findings: ${describeDiagnostics(findings)}`);
      assert.equal(withCode(findings, 'LW402').length, 0, 'the snippet pins its base images');
    });
  });

  describe('settings', () => {
    afterEach(async () => {
      await vscode.workspace.getConfiguration('layerwise').update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    });

    it('removes a rule\'s diagnostics when the rule is turned off, and brings them back when it is on again', async () => {
      const { document } = await openFixture('add.dockerfile');
      await waitForCode(document.uri, 'LW201');

      const settings = vscode.workspace.getConfiguration('layerwise');
      await settings.update('rules', { 'add-instead-of-copy': 'off' }, vscode.ConfigurationTarget.Workspace);
      await waitForNoCode(document.uri, 'LW201');

      await settings.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
      await waitForCode(document.uri, 'LW201');
    });

    it('accepts the Layerwise code as the key as well', async () => {
      const { document } = await openFixture('latest.dockerfile');
      await waitForCode(document.uri, 'LW402');
      await vscode.workspace.getConfiguration('layerwise').update('rules', { LW402: 'off' }, vscode.ConfigurationTarget.Workspace);
      await waitForNoCode(document.uri, 'LW402');
    });
  });

  describe('restart command', () => {
    it('restarts the server, which then analyses edits again', async () => {
      const commands = await vscode.commands.getCommands(true);
      assert.ok(commands.includes('layerwise.restartServer'), 'layerwise.restartServer is registered');

      const editor = await openFixtureCopy('untagged.dockerfile');
      const { document } = editor;
      await waitForCode(document.uri, 'LW401');
      await vscode.commands.executeCommand('layerwise.restartServer');

      // Only a running server can report a problem that did not exist before the restart.
      const edited = await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), 'ADD conf/ /etc/app/\n'));
      assert.ok(edited);
      const found = await waitForDiagnostics(document.uri, 'LW201 on the new line beside LW401', (all) =>
        withCode(all, 'LW201').some((d) => d.range.start.line === 1) && withCode(all, 'LW401').length > 0,
      );
      assert.ok(found.length >= 2);
    });
  });
});
