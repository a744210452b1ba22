// Extension entry: wiring only. The analysis lives in the language server.
import type * as vscode from 'vscode';
import { registerCommands } from './commands';
import { LayerwiseServer } from './language-server';
import { createLogChannel } from './log';
import { ServerStatusItem } from './status';

let server: LayerwiseServer | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const log = createLogChannel();
  server = new LayerwiseServer(context.asAbsolutePath('dist/server.js'), log);
  context.subscriptions.push(server, new ServerStatusItem(server), ...registerCommands(server, log), log);
  // Not awaited: activation stays fast, the status item shows the start.
  void server.start();
}

export function deactivate(): Promise<void> | undefined {
  return server?.stop();
}
