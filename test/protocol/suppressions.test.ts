// Suppressions and hadolint configuration over the protocol: the ignore-comment quick fixes, the
// allowSuppressions setting, and `.hadolint.yaml` read from disk and re-read when the client says
// it changed.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import {
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type CodeAction,
  type Diagnostic,
  type TextEdit,
} from 'vscode-languageserver/node';
import { applyTextEdits } from '../../server/src/analysis/text-edits';
import { fileUri, TestLanguageClient } from './lsp-client';

/** An untagged base: one finding with the hadolint twin DL3006, on line 0. */
const UNTAGGED = 'FROM alpine\nUSER 65532\nCMD ["/bin/true"]\n';
const WHOLE_FILE = { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } };

const untaggedIn = (diagnostics: Diagnostic[]) => diagnostics.find((diagnostic) => diagnostic.range.start.line === 0 && diagnostic.code !== 'LW501');

function editsOf(action: CodeAction): TextEdit[] {
  const change = action.edit?.documentChanges?.[0];
  assert.ok(change && 'edits' in change, 'a versioned document edit');
  return change.edits.filter((edit): edit is TextEdit => !('annotationId' in edit));
}

describe('suppression quick fixes over LSP', () => {
  let client: TestLanguageClient;
  let settings: Record<string, unknown> = {};
  const uri = fileUri('suppress/Dockerfile');

  before(async () => {
    ({ client } = await TestLanguageClient.start());
    client.answerConfiguration = () => settings;
  });
  after(() => client.dispose());

  it('offers ignoring for the instruction, the stage and the file, and the comment silences the finding', async () => {
    const target = untaggedIn((await client.open(uri, UNTAGGED)).diagnostics);
    assert.ok(target, 'the untagged base is reported');
    const actions = await client.codeActions(uri, target.range, { diagnostics: [target], only: ['quickfix'] });
    const ignores = actions.filter((action) => action.title.startsWith(`Ignore ${String(target.code)} `));
    assert.deepEqual(
      ignores.map((action) => action.title.replace(/^Ignore \S+ \(\S+\) /, '')),
      ['for this instruction', 'for this stage', 'in this file'],
    );
    for (const action of ignores) assert.equal(action.kind, 'quickfix');
    const ignored = applyTextEdits(UNTAGGED, editsOf(ignores[0]));
    assert.equal(ignored.split('\n')[0], `# layerwise ignore=${String(target.code)} <reason>`);
    const after = await client.replaceText(uri, ignored);
    assert.equal(after.diagnostics.some((diagnostic) => diagnostic.code === target.code), false);
  });

  it('never puts a suppression into fix-all', async () => {
    await client.replaceText(uri, UNTAGGED);
    const fixAll = await client.codeActions(uri, WHOLE_FILE, { diagnostics: [], only: ['source.fixAll'] });
    for (const action of fixAll) for (const edit of editsOf(action)) assert.doesNotMatch(edit.newText, /ignore=/);
  });

  it('reports suppression comments and offers no suppressions when allowSuppressions is false', async () => {
    settings = { allowSuppressions: false };
    const published = client.nextDiagnostics(uri, (params) => params.diagnostics.some((diagnostic) => diagnostic.code === 'LW501'));
    await client.changeConfiguration();
    await client.replaceText(uri, `# hadolint ignore=DL3006\n${UNTAGGED}`);
    const { diagnostics } = await published;
    const forbidden = diagnostics.find((diagnostic) => diagnostic.code === 'LW501');
    assert.ok(forbidden);
    assert.match(forbidden.codeDescription?.href ?? '', /docs\/rules\/suppression-not-allowed\.md$/);
    const untagged = diagnostics.find((diagnostic) => diagnostic.range.start.line === 1 && diagnostic.code !== 'LW501');
    assert.ok(untagged, 'the comment no longer silences the finding');
    const actions = await client.codeActions(uri, untagged.range, { diagnostics: [untagged, forbidden], only: ['quickfix'] });
    assert.deepEqual(actions.filter((action) => action.title.startsWith('Ignore ')), []);
    settings = {};
    await client.changeConfiguration();
  });
});

describe('.hadolint.yaml over LSP', () => {
  let client: TestLanguageClient;
  let root: string;
  const write = (relative: string, text: string) => writeFileSync(join(root, relative), text);
  const uriOf = (relative: string) => pathToFileURL(join(root, relative)).href;
  const notifyChanged = (relative: string, type: FileChangeType) =>
    client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(relative), type }] });

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'layerwise-hadolint-'));
    mkdirSync(join(root, 'app'));
    mkdirSync(join(root, 'tools'));
    write('.hadolint.yaml', 'override:\n  error: [DL3006]\n');
    write('tools/.hadolint.yml', 'ignored: [DL3006]\n');
    ({ client } = await TestLanguageClient.start({ rootUri: pathToFileURL(root).href }));
  });
  after(async () => {
    await client.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('uses the file next to the Dockerfile first, then the one at the workspace root', async () => {
    const tools = await client.open(uriOf('tools/Dockerfile'), UNTAGGED);
    assert.equal(untaggedIn(tools.diagnostics), undefined, 'ignored next to the Dockerfile');
    const app = await client.open(uriOf('app/Dockerfile'), UNTAGGED);
    assert.equal(untaggedIn(app.diagnostics)?.severity, DiagnosticSeverity.Error, 'raised to error at the root');
  });

  it('reads the files again when the client reports a change', async () => {
    const appUri = uriOf('app/Dockerfile');
    write('app/.hadolint.yaml', 'override:\n  info: [DL3006]\n');
    let published = client.nextDiagnostics(appUri, (params) => untaggedIn(params.diagnostics)?.severity === DiagnosticSeverity.Information);
    await notifyChanged('app/.hadolint.yaml', FileChangeType.Created);
    await published;

    unlinkSync(join(root, 'app/.hadolint.yaml'));
    published = client.nextDiagnostics(appUri, (params) => untaggedIn(params.diagnostics)?.severity === DiagnosticSeverity.Error);
    await notifyChanged('app/.hadolint.yaml', FileChangeType.Deleted);
    await published;
  });

  it('keeps analysing, without the file, when it is not valid YAML', async () => {
    const toolsUri = uriOf('tools/Dockerfile');
    write('tools/.hadolint.yml', 'ignored: [DL3006\n');
    const published = client.nextDiagnostics(toolsUri, (params) => untaggedIn(params.diagnostics) !== undefined);
    await notifyChanged('tools/.hadolint.yml', FileChangeType.Changed);
    await published;
  });
});
