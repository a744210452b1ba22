// Shared steps for the editor suite: open a fixture, wait for the language server's answer, apply a
// code action. Everything that waits does so on an editor event with a deadline, never on a timer
// alone, so a slow machine makes the suite slower but not flaky.
import * as vscode from 'vscode';

export const EXTENSION_ID = 'layerwise.layerwise';
export const DIAGNOSTIC_SOURCE = 'layerwise';
/** Diagnostics arrive about a second after a change; this leaves room for a busy two-core machine. */
export const DEFAULT_DEADLINE_MS = 10_000;
/** The first answer also waits for the server process to start. */
const SERVER_START_DEADLINE_MS = 45_000;

let scratchCounter = 0;

function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the e2e suite needs the fixtures folder open as the workspace');
  return folder.uri;
}

export async function readFixture(name: string): Promise<string> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(workspaceRoot(), name));
  return new TextDecoder().decode(bytes);
}

/**
 * Copies a fixture to a fresh file of its own, so a test may edit and fix it without touching what
 * other tests read. The copy keeps a `.dockerfile` name, so VS Code gives it the dockerfile language.
 */
export async function openFixtureCopy(name: string): Promise<vscode.TextEditor> {
  const document = await openScratchDocument(name, await readFixture(name));
  return vscode.window.showTextDocument(document);
}

/**
 * Writes `text` to a fresh file under `scratch/` and opens it (without showing it in an editor).
 * The name ends in `.dockerfile`, so VS Code gives it the dockerfile language.
 */
export async function openScratchDocument(name: string, text: string): Promise<vscode.TextDocument> {
  // Named before the first await: copies opened side by side must not share a name.
  const unique = `${Date.now()}-${++scratchCounter}`;
  const scratch = vscode.Uri.joinPath(workspaceRoot(), 'scratch');
  const file = vscode.Uri.joinPath(scratch, `${name.replace(/\.dockerfile$/, '')}-${unique}.dockerfile`);
  await vscode.workspace.fs.createDirectory(scratch);
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
  const document = await vscode.workspace.openTextDocument(file);
  assertLanguage(document);
  return document;
}

export async function openFixture(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), name));
  assertLanguage(document);
  return vscode.window.showTextDocument(document);
}

function assertLanguage(document: vscode.TextDocument): void {
  if (document.languageId !== 'dockerfile') {
    throw new Error(`${document.uri.path} opened as '${document.languageId}', expected 'dockerfile'`);
  }
}

/** Reverts what a test changed and closes its editors, so no test sees another's state. */
export async function closeAllEditors(): Promise<void> {
  // A dirty editor would make closeAllEditors ask whether to save, and nobody answers in a test.
  for (const document of vscode.workspace.textDocuments) {
    if (!document.isDirty) continue;
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Resolves when `check()` returns a value, re-checking on each event; rejects at the deadline. */
export function waitFor<T>(
  description: string,
  events: vscode.Event<unknown>[],
  check: () => T | undefined,
  deadlineMs = DEFAULT_DEADLINE_MS,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const subscriptions: vscode.Disposable[] = [];
    const finish = (settle: () => void): void => {
      clearTimeout(timer);
      subscriptions.forEach((subscription) => subscription.dispose());
      settle();
    };
    const attempt = (): void => {
      let value: T | undefined;
      try {
        value = check();
      } catch (error) {
        finish(() => reject(error));
        return;
      }
      if (value !== undefined) finish(() => resolve(value));
    };
    const timer = setTimeout(() => finish(() => reject(new Error(`timed out after ${deadlineMs} ms waiting for ${description}`))), deadlineMs);
    subscriptions.push(...events.map((event) => event(attempt)));
    attempt();
  });
}

/** Pause between two polls of `pollUntil`: short, so a poll costs little and an answer is seen soon. */
const POLL_INTERVAL_MS = 100;

/**
 * For what no editor event announces (a provider's answer changing, e.g. CodeLens after a setting or
 * the build context arrives): asks `probe` again and again until it returns a value; rejects at the
 * deadline with `describeLast()`, what the last probe saw.
 */
export async function pollUntil<T>(
  description: string,
  probe: () => Promise<T | undefined>,
  describeLast: () => string,
  deadlineMs = DEFAULT_DEADLINE_MS,
): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() >= deadline) throw new Error(`timed out after ${deadlineMs} ms waiting for ${description}; last seen: ${describeLast()}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}

export function layerwiseDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
}

export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return '(none)';
  return diagnostics
    .map((d) => `${codeOf(d) ?? '?'}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`)
    .join('; ');
}

/**
 * Waits until the Layerwise diagnostics of `uri` satisfy `accept`. The deadline error lists what
 * was there, so a failure says what the server reported instead of only that it timed out.
 */
export async function waitForDiagnostics(
  uri: vscode.Uri,
  description: string,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  deadlineMs = DEFAULT_DEADLINE_MS,
): Promise<vscode.Diagnostic[]> {
  try {
    return await waitFor(
      description,
      [vscode.languages.onDidChangeDiagnostics],
      () => {
        const diagnostics = layerwiseDiagnostics(uri);
        return accept(diagnostics) ? diagnostics : undefined;
      },
      deadlineMs,
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}; Layerwise diagnostics were: ${describeDiagnostics(layerwiseDiagnostics(uri))}`);
  }
}

export function withCode(diagnostics: readonly vscode.Diagnostic[], code: string): vscode.Diagnostic[] {
  return diagnostics.filter((diagnostic) => codeOf(diagnostic) === code);
}

export function waitForCode(uri: vscode.Uri, code: string, deadlineMs?: number): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(uri, `a ${code} diagnostic`, (all) => withCode(all, code).length > 0, deadlineMs).then((all) =>
    withCode(all, code),
  );
}

export function waitForNoCode(uri: vscode.Uri, code: string, deadlineMs?: number): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(uri, `no ${code} diagnostic`, (all) => withCode(all, code).length === 0, deadlineMs);
}

/** Waits for the document's text to change after an edit that may be applied asynchronously. */
export function waitForText(document: vscode.TextDocument, accept: (text: string) => boolean, description: string): Promise<string> {
  return waitFor(description, [vscode.workspace.onDidChangeTextDocument], () => {
    const text = document.getText();
    return accept(text) ? text : undefined;
  });
}

export async function codeActionsAt(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    uri,
    range,
    kind,
  );
  // A bare Command has a string `command`; a CodeAction's command, when it has one, is an object.
  return (actions ?? []).filter((action): action is vscode.CodeAction => typeof action.command !== 'string');
}

/** Applies a code action the way the lightbulb does: its edit first, then its command. */
export async function applyCodeAction(action: vscode.CodeAction): Promise<void> {
  if (action.edit) {
    const applied = await vscode.workspace.applyEdit(action.edit);
    if (!applied) throw new Error(`the editor refused the edit of "${action.title}"`);
  }
  if (action.command) {
    await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  }
}

/** The text with line continuations joined, so a test can compare commands without their layout. */
export function joinContinuations(text: string): string {
  return text.replace(/[ \t]*\\\r?\n[ \t]*/g, ' ');
}

export function lines(text: string): string[] {
  return text.split(/\r?\n/);
}

export function wholeDocument(document: vscode.TextDocument): vscode.Range {
  return new vscode.Range(new vscode.Position(0, 0), document.lineAt(document.lineCount - 1).range.end);
}

export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not installed in this editor`);
  await extension.activate();
  return extension;
}

/**
 * Run once before the suite: the extension is active and its server has analysed a file. Without
 * this, a server that never starts would make every test wait out its own deadline.
 */
export async function waitForServerReady(): Promise<void> {
  await activateExtension();
  const { document } = await openFixture('problems.dockerfile');
  await waitForDiagnostics(document.uri, 'the first Layerwise diagnostics', (found) => found.length > 0, SERVER_START_DEADLINE_MS);
  await closeAllEditors();
}
