// Settings per document: asked of the client with workspace/configuration (so folder settings
// apply), cached until the configuration changes. Clients without that request get the settings
// pushed with didChangeConfiguration, or the defaults.
import type { Connection } from 'vscode-languageserver';
import { parseSettings, type LayerwiseSettings } from './settings';
import type { Logger } from './logger';

export const SETTINGS_SECTION = 'layerwise';
/** A client that never answers must not stop analysis for good. */
const SETTINGS_DEADLINE_MS = 5000;
const TIMED_OUT = Symbol('timed out');

export class SettingsStore {
  private readonly perDocument = new Map<string, Promise<LayerwiseSettings>>();
  private global: LayerwiseSettings = parseSettings(undefined);

  constructor(
    private readonly connection: Connection,
    private readonly logger: Logger,
    private readonly clientAnswersConfiguration: boolean,
  ) {}

  /** Always resolves: a failed or malformed answer falls back to the last global settings. */
  settingsFor(uri: string): Promise<LayerwiseSettings> {
    if (!this.clientAnswersConfiguration) return Promise.resolve(this.global);
    const cached = this.perDocument.get(uri);
    if (cached) return cached;
    const pending = this.request(uri).then((answer) => {
      // Do not cache a failure: the next caller asks again.
      if (answer === null && this.perDocument.get(uri) === pending) this.perDocument.delete(uri);
      return answer ?? this.global;
    });
    this.perDocument.set(uri, pending);
    return pending;
  }

  /** didChangeConfiguration: `pushed` is the notification's `settings` payload (often null). */
  changed(pushed: unknown): void {
    if (pushed !== null && typeof pushed === 'object' && SETTINGS_SECTION in pushed) {
      this.global = parseSettings((pushed as Record<string, unknown>)[SETTINGS_SECTION]);
    }
    this.perDocument.clear();
  }

  forget(uri: string): void {
    this.perDocument.delete(uri);
  }

  /** null when the client failed to answer, or did not answer in time. */
  private async request(uri: string): Promise<LayerwiseSettings | null> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
      timer = setTimeout(() => resolve(TIMED_OUT), SETTINGS_DEADLINE_MS);
    });
    try {
      const answer: unknown = await Promise.race([
        this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }),
        timeout,
      ]);
      if (answer === TIMED_OUT) {
        this.logger.error(`no settings for ${uri} within ${SETTINGS_DEADLINE_MS} ms; using the defaults`);
        return null;
      }
      return parseSettings(answer);
    } catch (error) {
      this.logger.error(`could not read settings for ${uri}`, error);
      return null;
    } finally {
      clearTimeout(timer);
    }
  }
}
