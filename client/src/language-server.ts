// Starts, stops and restarts the bundled language server (dist/server.js) over node IPC.
// A restart builds a fresh client: a client whose start failed cannot be stopped and reused.
import * as vscode from 'vscode';
import {
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { SETTINGS_SECTION } from './settings';

export type ServerState = 'starting' | 'running' | 'stopped' | 'failed';

const CLIENT_ID = 'layerwise';
const CLIENT_NAME = 'Layerwise';
const HADOLINT_CONFIG_GLOB = '**/.hadolint.{yaml,yml}';

function serverOptions(serverModule: string): ServerOptions {
  return {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6009'] },
    },
  };
}

function clientOptions(log: vscode.LogOutputChannel, configWatcher: vscode.FileSystemWatcher): LanguageClientOptions {
  return {
    documentSelector: [
      { scheme: 'file', language: 'dockerfile' },
      { scheme: 'untitled', language: 'dockerfile' },
      // Virtual workspaces (e.g. a repository opened without a clone): analysed as text only.
      { scheme: 'vscode-vfs', language: 'dockerfile' },
    ],
    outputChannel: log,
    // The server pulls settings per document; this only tells it when to pull again. It reads
    // .hadolint.yaml itself and is told here when one changes.
    synchronize: {
      configurationSection: SETTINGS_SECTION,
      fileEvents: configWatcher,
    },
  };
}

function toServerState(state: State): ServerState {
  switch (state) {
    case State.Starting:
      return 'starting';
    case State.Running:
      return 'running';
    case State.StartFailed:
      return 'failed';
    default:
      return 'stopped';
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class LayerwiseServer implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private clientStateListener: vscode.Disposable | undefined;
  private configWatcher: vscode.FileSystemWatcher | undefined;
  private readonly stateEmitter = new vscode.EventEmitter<ServerState>();
  readonly onDidChangeState = this.stateEmitter.event;
  private currentState: ServerState = 'stopped';
  /** Start, stop and restart run one after another, never interleaved. */
  private transitions: Promise<void> = Promise.resolve();

  constructor(
    private readonly serverModule: string,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  get state(): ServerState {
    return this.currentState;
  }

  start(): Promise<void> {
    return this.enqueue(() => this.startClient());
  }

  stop(): Promise<void> {
    return this.enqueue(() => this.stopClient());
  }

  restart(): Promise<void> {
    return this.enqueue(async () => {
      this.log.info('restarting the Layerwise server');
      await this.stopClient();
      await this.startClient();
    });
  }

  dispose(): void {
    void this.stop().finally(() => this.stateEmitter.dispose());
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    this.transitions = this.transitions.then(step);
    return this.transitions;
  }

  private setState(state: ServerState): void {
    if (state === this.currentState) return;
    this.currentState = state;
    this.stateEmitter.fire(state);
  }

  private async startClient(): Promise<void> {
    if (this.client) return;
    // The client only listens to the watcher; disposing it is ours to do (stopClient).
    this.configWatcher = vscode.workspace.createFileSystemWatcher(HADOLINT_CONFIG_GLOB);
    const options = clientOptions(this.log, this.configWatcher);
    const client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions(this.serverModule), options);
    this.client = client;
    this.clientStateListener = client.onDidChangeState((event) => this.setState(toServerState(event.newState)));
    this.setState('starting');
    try {
      await client.start();
      this.setState('running');
    } catch (error) {
      this.log.error(`the Layerwise server failed to start: ${describeError(error)}`);
      this.setState('failed');
    }
  }

  private async stopClient(): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.client = undefined;
    this.clientStateListener?.dispose();
    this.clientStateListener = undefined;
    this.configWatcher?.dispose();
    this.configWatcher = undefined;
    try {
      if (client.needsStop()) await client.stop();
    } catch (error) {
      this.log.warn(`stopping the Layerwise server: ${describeError(error)}`);
    }
    this.setState('stopped');
  }
}
