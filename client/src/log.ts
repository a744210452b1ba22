// The "Layerwise" output channel: the client's own messages and the server's log both go here.
import * as vscode from 'vscode';

export const OUTPUT_CHANNEL_NAME = 'Layerwise';

export function createLogChannel(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME, { log: true });
}
