// The command table: every command the extension contributes, in one place.
import * as vscode from 'vscode';
import type { LayerwiseServer } from './language-server';

export const COMMANDS = {
  restartServer: 'layerwise.restartServer',
  showOutput: 'layerwise.showOutput',
  showStageBreakdown: 'layerwise.showStageBreakdown',
} as const;

type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

/** What the server's size lens passes to `layerwise.showStageBreakdown`. */
interface StageBreakdown {
  stage: string;
  summary: string;
  layers: string[];
}

function isStageBreakdown(value: unknown): value is StageBreakdown {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.stage === 'string' &&
    typeof candidate.summary === 'string' &&
    Array.isArray(candidate.layers) &&
    candidate.layers.every((layer) => typeof layer === 'string')
  );
}

async function showStageBreakdown(argument: unknown): Promise<void> {
  if (!isStageBreakdown(argument)) {
    await vscode.window.showInformationMessage('Click the size shown above a FROM line to see that stage.');
    return;
  }
  const message = `${argument.stage}: ${argument.summary}`;
  if (argument.layers.length === 0) {
    await vscode.window.showInformationMessage(message);
    return;
  }
  await vscode.window.showInformationMessage(message, { modal: true, detail: argument.layers.join('\n') });
}

export function registerCommands(server: LayerwiseServer, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const handlers: Record<CommandId, (...args: unknown[]) => unknown> = {
    [COMMANDS.restartServer]: () => server.restart(),
    [COMMANDS.showOutput]: () => log.show(true),
    [COMMANDS.showStageBreakdown]: (argument) => showStageBreakdown(argument),
  };
  return Object.entries(handlers).map(([id, handler]) => vscode.commands.registerCommand(id, handler));
}
