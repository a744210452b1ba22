// A minimal LSP client for protocol tests: spawns `node dist/server.js --stdio`, answers the
// server's requests (configuration, code-lens refresh) and lets tests wait for notifications
// with a deadline instead of sleeping.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { after } from 'node:test';
import { join } from 'node:path';
import {
  CodeActionRequest,
  CodeLensRefreshRequest,
  CodeLensRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  type ClientCapabilities,
  type CodeAction,
  type CodeActionContext,
  type CodeLens,
  type ConfigurationItem,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';

export const REPO_ROOT = join(__dirname, '..', '..');
const SERVER_PATH = join(REPO_ROOT, 'dist', 'server.js');
export const DEFAULT_DEADLINE_MS = 10_000;

/** Builds dist/ once when it is missing (npm test builds before running tests). */
export function ensureServerBuilt(): void {
  if (existsSync(SERVER_PATH)) return;
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs')], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('node scripts/build.mjs failed');
}

export const DEFAULT_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: false },
    codeLens: { refreshSupport: true },
    workspaceEdit: { documentChanges: true },
  },
  textDocument: {
    publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    codeAction: { dataSupport: true },
  },
};

export interface StartOptions {
  initializationOptions?: unknown;
  capabilities?: ClientCapabilities;
  /** The workspace folder's URI (a real folder when the test needs the server to read files). */
  rootUri?: string;
}

/** Answers one configuration item; may return a promise to hold the answer back. */
export type ConfigurationAnswer = (item: ConfigurationItem) => unknown;

interface Waiter<T> {
  matches: (value: T) => boolean;
  resolve: (value: T) => void;
}

export class TestLanguageClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logMessages: string[] = [];
  configurationRequests = 0;
  codeLensRefreshes = 0;
  /** The `layerwise` section returned to workspace/configuration; tests replace it. */
  answerConfiguration: ConfigurationAnswer = () => ({});
  private readonly diagnosticWaiters = new Set<Waiter<PublishDiagnosticsParams>>();
  private readonly stderr: string[] = [];
  private readonly exited: Promise<number | null>;
  private versions = new Map<string, number>();

  private constructor(
    private readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    child.stderr?.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      for (const waiter of [...this.diagnosticWaiters]) {
        if (!waiter.matches(params)) continue;
        this.diagnosticWaiters.delete(waiter);
        waiter.resolve(params);
      }
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      this.logMessages.push(params.message);
    });
    connection.onRequest(ConfigurationRequest.type, async (params) => {
      this.configurationRequests++;
      return Promise.all(params.items.map((item) => this.answerConfiguration(item)));
    });
    connection.onRequest(CodeLensRefreshRequest.type, () => {
      this.codeLensRefreshes++;
    });
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.listen();
  }

  static async start(options: StartOptions = {}): Promise<{ client: TestLanguageClient; initialize: InitializeResult }> {
    ensureServerBuilt();
    const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    if (!child.stdout || !child.stdin) throw new Error('the server has no stdio');
    const client = new TestLanguageClient(child, createProtocolConnection(child.stdout, child.stdin));
    const initialize = await client.withDeadline(
      'initialize',
      client.connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: options.rootUri ?? null,
        capabilities: options.capabilities ?? DEFAULT_CAPABILITIES,
        initializationOptions: options.initializationOptions ?? { debounceMs: 0 },
      }),
    );
    await client.connection.sendNotification(InitializedNotification.type, {});
    return { client, initialize };
  }

  /** Resolves with the first diagnostics published from now on that match; rejects after the deadline. */
  nextDiagnostics(
    uri: string,
    matches: (params: PublishDiagnosticsParams) => boolean = () => true,
    deadlineMs = DEFAULT_DEADLINE_MS,
  ): Promise<PublishDiagnosticsParams> {
    const received = new Promise<PublishDiagnosticsParams>((resolve) => {
      this.diagnosticWaiters.add({ matches: (params) => params.uri === uri && matches(params), resolve });
    });
    return this.withDeadline(`diagnostics for ${uri}`, received, deadlineMs);
  }

  /** Opens a document and resolves with its first diagnostics. */
  async open(uri: string, text: string, version = 1): Promise<PublishDiagnosticsParams> {
    const published = this.nextDiagnostics(uri, (params) => params.version === version);
    await this.sendOpen(uri, text, version);
    return published;
  }

  async sendOpen(uri: string, text: string, version = 1): Promise<void> {
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'dockerfile', version, text },
    });
  }

  /** Sends one didChange with the next version; returns that version. */
  async sendChange(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: changes,
    });
    return version;
  }

  /** Replaces the whole text and resolves with the diagnostics of the new version. */
  async replaceText(uri: string, text: string): Promise<PublishDiagnosticsParams> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    const published = this.nextDiagnostics(uri, (params) => params.version === version);
    await this.sendChange(uri, [{ text }]);
    return published;
  }

  async sendClose(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async changeConfiguration(): Promise<void> {
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  codeActions(uri: string, range: Range, context: CodeActionContext): Promise<CodeAction[]> {
    const request = this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context });
    return this.withDeadline('codeAction', request).then((actions) =>
      (actions ?? []).filter((action): action is CodeAction => typeof action.command !== 'string'),
    );
  }

  codeLenses(uri: string): Promise<CodeLens[]> {
    const request = this.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
    return this.withDeadline('codeLens', request).then((lenses) => lenses ?? []);
  }

  /** shutdown + exit; resolves with the process exit code. */
  async shutdown(): Promise<number | null> {
    await this.withDeadline('shutdown', this.connection.sendRequest(ShutdownRequest.type));
    await this.connection.sendNotification(ExitNotification.type);
    const code = await this.withDeadline('process exit', this.exited);
    this.connection.dispose();
    return code;
  }

  /** For after() hooks: ends the server whatever state the test left it in. */
  async dispose(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    try {
      await this.shutdown();
    } catch {
      this.child.kill();
    }
  }

  get isRunning(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  private withDeadline<T>(what: string, promise: Promise<T>, deadlineMs = DEFAULT_DEADLINE_MS): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const stderr = this.stderr.join('').slice(-2000);
        reject(new Error(`no ${what} within ${deadlineMs} ms${stderr ? `; server stderr:\n${stderr}` : ''}`));
      }, deadlineMs);
    });
    return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
  }
}

export function fileUri(name: string): string {
  return `file:///workspace/${name}`;
}

/**
 * For one suite: a function that starts a client with these initialization options (debounce 0
 * unless they say otherwise); every client it started is disposed of after the suite.
 */
export function suiteClients(): (initializationOptions: Record<string, unknown>) => Promise<TestLanguageClient> {
  const clients: TestLanguageClient[] = [];
  after(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
  });
  return async (initializationOptions) => {
    const { client } = await TestLanguageClient.start({ initializationOptions: { debounceMs: 0, ...initializationOptions } });
    clients.push(client);
    return client;
  };
}
