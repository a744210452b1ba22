// The language status item shown for Dockerfiles: "Layerwise" and the server's state.
import * as vscode from 'vscode';
import type { LayerwiseServer, ServerState } from './language-server';
import { affectsLayerwise, readSettings } from './settings';

const STATE_DETAIL: Record<ServerState, string> = {
  starting: 'server starting…',
  running: 'server running',
  stopped: 'server stopped',
  failed: 'server failed to start; see the output',
};

const STATE_SEVERITY: Record<ServerState, vscode.LanguageStatusSeverity> = {
  starting: vscode.LanguageStatusSeverity.Information,
  running: vscode.LanguageStatusSeverity.Information,
  stopped: vscode.LanguageStatusSeverity.Warning,
  failed: vscode.LanguageStatusSeverity.Error,
};

export class ServerStatusItem implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('layerwise.status', { language: 'dockerfile' });
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly server: LayerwiseServer) {
    this.item.name = 'Layerwise';
    this.item.text = 'Layerwise';
    this.item.command = { title: 'Show Output', command: 'layerwise.showOutput' };
    this.subscriptions = [
      server.onDidChangeState(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsLayerwise(event)) this.update();
      }),
    ];
    this.update();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.item.dispose();
  }

  private update(): void {
    const state = this.server.state;
    const activeDocument = vscode.window.activeTextEditor?.document;
    const enabled = readSettings(activeDocument?.uri).enable;
    this.item.busy = state === 'starting';
    this.item.severity = STATE_SEVERITY[state];
    this.item.detail = enabled ? STATE_DETAIL[state] : `${STATE_DETAIL[state]} · off for this file (layerwise.enable)`;
  }
}
