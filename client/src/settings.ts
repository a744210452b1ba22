// Typed reads of the `layerwise.*` settings on the client side. The server reads its own settings
// per document; the client only needs them to describe the state in the status item.
import * as vscode from 'vscode';

export const SETTINGS_SECTION = 'layerwise';

export interface ClientSettings {
  enable: boolean;
  sizeLensEnabled: boolean;
}

function booleanSetting(configuration: vscode.WorkspaceConfiguration, key: string, fallback: boolean): boolean {
  const value: unknown = configuration.get(key);
  return typeof value === 'boolean' ? value : fallback;
}

export function readSettings(scope?: vscode.ConfigurationScope): ClientSettings {
  const configuration = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  return {
    enable: booleanSetting(configuration, 'enable', true),
    sizeLensEnabled: booleanSetting(configuration, 'sizeLens.enabled', true),
  };
}

export function affectsLayerwise(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(SETTINGS_SECTION);
}
