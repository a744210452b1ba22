/// <reference types="mocha" />
// The three quick fixes Layerwise is known for, offered on their diagnostic and applied the way the
// lightbulb applies them; then the whole-file fix-all (`source.fixAll.layerwise`).
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import * as vscode from 'vscode';
import {
  activateExtension,
  applyCodeAction,
  closeAllEditors,
  codeActionsAt,
  joinContinuations,
  lines,
  openFixtureCopy,
  waitForCode,
  waitForNoCode,
  waitForText,
  wholeDocument,
} from './helpers';

async function quickFixFor(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, title: RegExp): Promise<vscode.CodeAction> {
  const actions = await codeActionsAt(document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  const match = actions.find((action) => title.test(action.title));
  assert.ok(match, `a quick fix matching ${title} is offered; offered: ${actions.map((a) => `"${a.title}"`).join(', ') || 'nothing'}`);
  assert.ok(match.kind && vscode.CodeActionKind.QuickFix.contains(match.kind), `"${match.title}" is a quickfix`);
  return match;
}

async function applyAndWait(document: vscode.TextDocument, action: vscode.CodeAction): Promise<string> {
  const before = document.getText();
  await applyCodeAction(action);
  return waitForText(document, (text) => text !== before, `"${action.title}" to change the text`);
}

describe('quick fixes', () => {
  let extension: vscode.Extension<unknown>;

  before(async () => {
    extension = await activateExtension();
  });

  afterEach(closeAllEditors);

  it('merges the apt-get update RUN with the install RUN and cleans the lists in the same layer', async () => {
    const { document } = await openFixtureCopy('apt-lists.dockerfile');
    const original = lines(document.getText());
    const [finding] = await waitForCode(document.uri, 'LW101');

    const text = await applyAndWait(document, await quickFixFor(document, finding, /merge.*cleanup/i));

    const fixed = lines(joinContinuations(text));
    assert.deepEqual(fixed, [
      original[0],
      'RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/*',
      ...original.slice(3),
    ]);
    assert.match(text, / \\\r?\n/, 'the merged RUN is laid out with readable line continuations');
    await waitForNoCode(document.uri, 'LW101');
  });

  it('turns ADD of a local folder into COPY', async () => {
    const { document } = await openFixtureCopy('add.dockerfile');
    const original = lines(document.getText());
    const [finding] = await waitForCode(document.uri, 'LW201');

    const text = await applyAndWait(document, await quickFixFor(document, finding, /COPY/));

    assert.deepEqual(lines(text), [original[0], 'COPY site/ /usr/share/nginx/html/', ...original.slice(2)]);
    await waitForNoCode(document.uri, 'LW201');
  });

  it('adds USER nonroot before the ENTRYPOINT of a distroless stage', async () => {
    const { document } = await openFixtureCopy('root-distroless.dockerfile');
    const original = lines(document.getText());
    const [finding] = await waitForCode(document.uri, 'LW202');

    const text = await applyAndWait(document, await quickFixFor(document, finding, /USER/));

    assertLineInserted(original, lines(text), 'USER nonroot', {
      after: lastIndexOf(original, /^FROM /),
      before: lastIndexOf(original, /^ENTRYPOINT /),
    });
    await waitForNoCode(document.uri, 'LW202');
  });

  it('switches an official node image to its node user before CMD', async () => {
    const { document } = await openFixtureCopy('root-node.dockerfile');
    const original = lines(document.getText());
    const [finding] = await waitForCode(document.uri, 'LW202');

    const text = await applyAndWait(document, await quickFixFor(document, finding, /USER/));

    // npm ci writes as root; everything after it may run as the image's own `node` user.
    assertLineInserted(original, lines(text), 'USER node', {
      after: lastIndexOf(original, /^RUN /),
      before: lastIndexOf(original, /^CMD /),
    });
    await waitForNoCode(document.uri, 'LW202');
  });

  it('applies exactly the safe fixes with source.fixAll.layerwise', async () => {
    const { document } = await openFixtureCopy('problems.dockerfile');
    const original = document.getText();
    await waitForCode(document.uri, 'LW201');

    const actions = await codeActionsAt(document.uri, wholeDocument(document), 'source.fixAll.layerwise');
    assert.equal(actions.length, 1, `one fix-all action; offered: ${actions.map((a) => a.title).join(', ')}`);
    const text = await applyAndWait(document, actions[0]);

    // The engine that ships in the VSIX says what its safe fixes produce; the editor must agree.
    const engine = loadEngineApi(extension.extensionPath);
    const expected = engine.applyFixes(original, engine.analyze(original).findings);
    assert.equal(text, expected);
    assert.doesNotMatch(text, /^ADD site\//m, 'ADD → COPY is a safe fix');
    await waitForNoCode(document.uri, 'LW201');
  });
});

function lastIndexOf(fileLines: string[], pattern: RegExp): number {
  const matches = fileLines.map((line, index) => (pattern.test(line) ? index : -1));
  const index = Math.max(...matches);
  assert.ok(index >= 0, `the fixture has a line matching ${pattern}`);
  return index;
}

/**
 * The fix added `inserted` once, between the original lines `after` and `before`, and changed
 * nothing else. Where exactly in that window is the fix's choice.
 */
function assertLineInserted(original: string[], fixed: string[], inserted: string, window: { after: number; before: number }): void {
  const at = fixed.indexOf(inserted);
  assert.ok(at >= 0, `"${inserted}" was added; the file is now:\n${fixed.join('\n')}`);
  assert.deepEqual([...fixed.slice(0, at), ...fixed.slice(at + 1)], original, 'no other line changed');
  assert.ok(at > window.after && at <= window.before, `"${inserted}" landed on line ${at}, expected after ${window.after} and before ${window.before}`);
}

interface EngineApi {
  analyze(text: string): { findings: unknown[] };
  applyFixes(text: string, findings: unknown[]): string;
}

/** dist/api.js from the extension under test when it ships one, else the repository build the VSIX was made from. */
function loadEngineApi(extensionPath: string): EngineApi {
  const candidates = [join(extensionPath, 'dist', 'api.js'), resolve(__dirname, '..', '..', '..', '..', 'dist', 'api.js')];
  const found = candidates.find((candidate) => existsSync(candidate));
  assert.ok(found, `dist/api.js not found in ${candidates.join(' or ')}`);
  return createRequire(__filename)(found) as EngineApi;
}
