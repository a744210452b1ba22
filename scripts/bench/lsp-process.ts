// A language server in a child process, driven over stdio or Node IPC: enough of a client to time
// didOpen/didChange → publishDiagnostics and to abuse a server in tests. Every wait has a deadline.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  ConfigurationRequest,
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
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
  type ConfigurationItem,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';
import { TIMING_LOG_PREFIX, type ValidationTiming } from '../../server/src/lsp/validation-timing';

/** What VS Code declares, where it changes what a server does. */
export const CLIENT_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: false },
    codeLens: { refreshSupport: true },
    workspaceEdit: { documentChanges: true },
  },
  textDocument: {
    publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
    synchronization: { dynamicRegistration: false },
  },
};

export interface ServerCommand {
  name: string;
  /** A Node.js executable: the IPC transport needs a Node child. */
  command: string;
  /** The server script and its arguments, without the transport flag. */
  args: string[];
  initializationOptions?: unknown;
}

/**
 * How messages travel. VS Code starts both servers with `--node-ipc` (Node's IPC channel, one JSON
 * message per line); other editors mostly use `--stdio` (Content-Length framing on pipes).
 */
export type Transport = 'stdio' | 'ipc';

const HISTORY_PER_DOCUMENT = 20;
const MAX_TIMINGS = 10_000;

const timingKey = (uri: string, version: number) => `${version} ${uri}`;
const SILENTLY_ANSWERED = [
  'client/unregisterCapability',
  'window/workDoneProgress/create',
  'window/showMessageRequest',
  'workspace/codeLens/refresh',
  'workspace/semanticTokens/refresh',
  'workspace/inlayHint/refresh',
  'workspace/diagnostic/refresh',
  'workspace/workspaceFolders',
];

interface Waiter {
  matches(params: PublishDiagnosticsParams): boolean;
  resolve(params: PublishDiagnosticsParams): void;
}

export class LspProcess {
  /** Spawn → initialize response, in milliseconds. */
  readyMs = Number.NaN;
  publishedCount = 0;
  configurationRequests = 0;
  /** Answers each workspace/configuration item (a promise holds the answer back); tests replace it with garbage. */
  answerConfiguration: (item: ConfigurationItem) => unknown = () => null;
  /** Layerwise's timing lines (initializationOptions.logTimings), by document and version. */
  readonly timings = new Map<string, ValidationTiming>();
  /** The last diagnostics published per document, oldest first (a few per document). */
  readonly history = new Map<string, PublishDiagnosticsParams[]>();
  readonly connection: ProtocolConnection;
  private readonly waiters = new Set<Waiter>();
  private readonly stderr: string[] = [];
  private readonly exited: Promise<number | null>;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
    transport: Transport,
  ) {
    if (!child.stdout || !child.stdin) throw new Error(`${name}: no stdio`);
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr.push(chunk.toString());
      if (this.stderr.length > 50) this.stderr.shift();
    });
    this.connection =
      transport === 'ipc'
        ? createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child))
        : createProtocolConnection(child.stdout, child.stdin);
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => this.onPublished(params));
    this.connection.onNotification(LogMessageNotification.type, ({ message }) => this.onLogged(message));
    this.connection.onRequest(ConfigurationRequest.type, (params) => {
      this.configurationRequests++;
      return Promise.all(params.items.map((item) => this.answerConfiguration(item)));
    });
    this.connection.onRequest(RegistrationRequest.type, () => undefined);
    // The other server → client requests a server may send get an empty answer.
    for (const method of SILENTLY_ANSWERED) this.connection.onRequest(method, () => null);
    this.connection.onRequest('workspace/applyEdit', () => ({ applied: false }));
    this.connection.listen();
  }

  static async start(
    server: ServerCommand,
    { deadlineMs = 20_000, transport = 'stdio', rootUri = null }: { deadlineMs?: number; transport?: Transport; rootUri?: string | null } = {},
  ): Promise<{ server: LspProcess; initialize: InitializeResult }> {
    const started = performance.now();
    const child =
      transport === 'ipc'
        ? spawn(server.command, [...server.args, '--node-ipc'], { stdio: ['pipe', 'pipe', 'pipe', 'ipc'] })
        : spawn(server.command, [...server.args, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const lsp = new LspProcess(server.name, child, transport);
    const initialize = await lsp.withDeadline(
      'initialize',
      lsp.connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri,
        capabilities: CLIENT_CAPABILITIES,
        initializationOptions: server.initializationOptions,
      }),
      deadlineMs,
    );
    lsp.readyMs = performance.now() - started;
    await lsp.connection.sendNotification(InitializedNotification.type, {});
    return { server: lsp, initialize };
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get isRunning(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resident memory of the server process in bytes (Linux /proc), or NaN elsewhere. */
  residentBytes(): number {
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kilobytes = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
      return kilobytes === undefined ? Number.NaN : Number(kilobytes) * 1024;
    } catch {
      return Number.NaN;
    }
  }

  /** The next diagnostics published for `uri` that match, from now on. */
  nextDiagnostics(
    uri: string,
    matches: (params: PublishDiagnosticsParams) => boolean = () => true,
    deadlineMs = 30_000,
  ): Promise<PublishDiagnosticsParams> {
    const received = new Promise<PublishDiagnosticsParams>((resolve) => {
      this.waiters.add({ matches: (params) => params.uri === uri && matches(params), resolve });
    });
    return this.withDeadline(`diagnostics for ${uri}`, received, deadlineMs);
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'dockerfile', version, text },
    });
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: changes,
    });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** shutdown + exit, then kill if the process lingers; resolves with the exit code. */
  async stop(deadlineMs = 10_000): Promise<number | null> {
    if (!this.isRunning) return this.child.exitCode;
    try {
      await this.withDeadline('shutdown', this.connection.sendRequest(ShutdownRequest.type), deadlineMs);
      await this.connection.sendNotification(ExitNotification.type);
      return await this.withDeadline('exit', this.exited, deadlineMs);
    } catch {
      this.child.kill();
      return null;
    } finally {
      this.connection.dispose();
    }
  }

  withDeadline<T>(what: string, promise: Promise<T>, deadlineMs: number): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const stderr = this.stderr.join('').slice(-2000);
        reject(new Error(`${this.name}: no ${what} within ${deadlineMs} ms${stderr ? `; stderr:\n${stderr}` : ''}`));
      }, deadlineMs);
    });
    return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
  }

  /** The server's timing of one publication, when it logs them; it arrives just after the diagnostics. */
  timingOf(uri: string, version: number): ValidationTiming | undefined {
    return this.timings.get(timingKey(uri, version));
  }

  private onLogged(message: string): void {
    if (!message.startsWith(TIMING_LOG_PREFIX)) return;
    try {
      const timing = JSON.parse(message.slice(TIMING_LOG_PREFIX.length)) as ValidationTiming;
      this.timings.set(timingKey(timing.uri, timing.version), timing);
      if (this.timings.size > MAX_TIMINGS) this.timings.delete(this.timings.keys().next().value as string);
    } catch {
      // Not a timing line after all.
    }
  }

  private onPublished(params: PublishDiagnosticsParams): void {
    this.publishedCount++;
    const history = this.history.get(params.uri) ?? [];
    history.push(params);
    if (history.length > HISTORY_PER_DOCUMENT) history.shift();
    this.history.set(params.uri, history);
    for (const waiter of [...this.waiters]) {
      if (!waiter.matches(params)) continue;
      this.waiters.delete(waiter);
      waiter.resolve(params);
    }
  }
}
