// The command table: every command the extension contributes, in one place.
import * as vscode from 'vscode';
import type { LayerwiseServer } from './language-server';

export const COMMANDS = {
  restartServer: 'layerwise.restartServer',
  showOutput: 'layerwise.showOutput',
  showStageBreakdown: 'layerwise.showStageBreakdown',
  copyStageBreakdown: 'layerwise.copyStageBreakdown',
} as const;

type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

/** What the server's size lens passes to `layerwise.showStageBreakdown`. */
interface StageBreakdown {
  stage: string;
  summary: string;
  layers: string[];
  /** Every stage as Markdown tables (servers before 0.2 leave it out). */
  markdown?: string;
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
  const copy = 'Copy as Markdown';
  const actions = typeof argument.markdown === 'string' ? [copy] : [];
  const choice =
    argument.layers.length === 0
      ? await vscode.window.showInformationMessage(message, ...actions)
      : await vscode.window.showInformationMessage(message, { modal: true, detail: argument.layers.join('\n') }, ...actions);
  if (choice === copy) await copyStageBreakdown(argument);
}

async function copyStageBreakdown(argument: unknown): Promise<void> {
  if (!isStageBreakdown(argument) || typeof argument.markdown !== 'string') {
    await vscode.window.showInformationMessage('Click the size shown above a FROM line, then choose "Copy as Markdown".');
    return;
  }
  await vscode.env.clipboard.writeText(argument.markdown);
  vscode.window.setStatusBarMessage('Layerwise: stage size breakdown copied as Markdown', 3000);
}

export function registerCommands(server: LayerwiseServer, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const handlers: Record<CommandId, (...args: unknown[]) => unknown> = {
    [COMMANDS.restartServer]: () => server.restart(),
    [COMMANDS.showOutput]: () => log.show(true),
    [COMMANDS.showStageBreakdown]: (argument) => showStageBreakdown(argument),
    [COMMANDS.copyStageBreakdown]: (argument) => copyStageBreakdown(argument),
  };
  return Object.entries(handlers).map(([id, handler]) => vscode.commands.registerCommand(id, handler));
}
