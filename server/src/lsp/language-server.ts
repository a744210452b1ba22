// Wires the Layerwise features to an LSP connection: document sync, diagnostics, code actions,
// code lenses and settings. Every handler runs guarded: it logs and answers harmlessly on error.
import {
  CodeLensRefreshRequest,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActionsFor, PROVIDED_CODE_ACTION_KINDS, type CodeActionSupport } from './code-actions';
import { BuildContexts } from './build-contexts';
import { codeLensesFor } from './code-lens';
import { sizeHoverFor } from './size-hover';
import { analyzeOptionsFrom, DocumentAnalyses, type DocumentAnalysis } from './document-analysis';
import { HadolintConfigs } from './hadolint-configs';
import { connectionLogger, guarded, guardedListener, type Logger } from './logger';
import type { LayerwiseSettings } from './settings';
import { SettingsStore } from './settings-store';
import { Validator } from './validation';
import { AnalysisWorkerHost, analysisWorkerScript } from './analysis-worker-host';
import { serverOptionsFrom } from './initialization-options';
import { RegistrySizes } from './registry-sizes';

interface ClientSupport extends CodeActionSupport {
  configuration: boolean;
  codeLensRefresh: boolean;
}

function clientSupport(capabilities: ClientCapabilities): ClientSupport {
  return {
    configuration: capabilities.workspace?.configuration === true,
    codeLensRefresh: capabilities.workspace?.codeLens?.refreshSupport === true,
    documentChanges: capabilities.workspace?.workspaceEdit?.documentChanges === true,
  };
}

export function serverCapabilities(): InitializeResult['capabilities'] {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    codeActionProvider: { codeActionKinds: PROVIDED_CODE_ACTION_KINDS, resolveProvider: false },
    codeLensProvider: { resolveProvider: false },
    hoverProvider: true,
  };
}

interface Session {
  support: ClientSupport;
  settings: SettingsStore;
  validator: Validator;
  analyses: DocumentAnalyses;
}

/** The transport comes from the command line: `--stdio`, `--node-ipc` or `--socket=<port>`. */
export function startLanguageServer(connection: Connection = createConnection(ProposedFeatures.all)): void {
  const logger = connectionLogger(connection);
  const documents = new TextDocuments(TextDocument);
  const hadolintConfigs = new HadolintConfigs(logger);
  // The build context arrives after the first analysis; then the document is analysed and shown again.
  const buildContexts = new BuildContexts(logger, (uris) => {
    for (const uri of uris) session?.validator.changed(uri);
    if (session?.support.codeLensRefresh) connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  });
  // Opt-in (layerwise.sizeLens.registryLookup): base-image sizes from registry manifests, arriving later too.
  const registrySizes = new RegistrySizes(logger, (uris) => {
    for (const uri of uris) session?.validator.changed(uri);
    if (session?.support.codeLensRefresh) connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  });
  let session: Session | null = null;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const support = clientSupport(params.capabilities ?? {});
    const options = serverOptionsFrom(params.initializationOptions);
    hadolintConfigs.setWorkspaceFolders(workspaceFolderUris(params));
    const settings = new SettingsStore(connection, logger, support.configuration);
    const analyses = new DocumentAnalyses(logger, {
      hadolintConfigFor: (uri) => hadolintConfigs.configFor(uri),
      buildContextFor: (uri) => buildContexts.contextFor(uri),
      baseImageSizes: registrySizes,
      offThread: analysisWorker(options.analysisBudgetMs, logger),
      mainThreadMaxBytes: options.mainThreadMaxBytes,
    });
    const validator = new Validator({
      connection,
      documents,
      settings,
      analyses,
      logger,
      debounceMs: options.debounceMs,
      logTimings: options.logTimings,
    });
    session = { support, settings, validator, analyses };
    return { capabilities: serverCapabilities(), serverInfo: { name: 'layerwise' } };
  });

  /**
   * The current version of a document, its settings and analysis (its findings, or the whole analysis
   * with the size estimate); null when the document is gone, the request was cancelled or the document
   * changed while it was being analysed.
   */
  async function currentAnalysis(uri: string, token: CancellationToken, part: 'findings' | 'whole') {
    if (!session || !documents.get(uri)) return null;
    const settings: LayerwiseSettings = await session.settings.settingsFor(uri);
    const document = documents.get(uri);
    if (!document || token.isCancellationRequested) return null;
    const version = document.version;
    const analyses = session.analyses;
    const analysis: DocumentAnalysis | null = await (part === 'findings' ? analyses.findingsFor(document, settings) : analyses.analysisFor(document, settings));
    if (!analysis || token.isCancellationRequested || documents.get(uri)?.version !== version) return null;
    return { document, settings, analysis };
  }

  const justOpened = new Set<string>();
  documents.onDidOpen(
    guardedListener(logger, 'didOpen', ({ document }) => {
      justOpened.add(document.uri);
      session?.validator.opened(document.uri);
    }),
  );
  documents.onDidChangeContent(
    guardedListener(logger, 'didChange', ({ document }) => {
      // TextDocuments reports an open as a content change too; the open already scheduled it.
      if (justOpened.delete(document.uri)) return;
      session?.validator.changed(document.uri);
    }),
  );
  documents.onDidClose(
    guardedListener(logger, 'didClose', ({ document }) => {
      justOpened.delete(document.uri);
      session?.analyses.forget(document.uri);
      hadolintConfigs.forget(document.uri);
      buildContexts.forget(document.uri);
      registrySizes.forget(document.uri);
      session?.settings.forget(document.uri);
      session?.validator.closed(document.uri);
    }),
  );

  connection.onDidChangeConfiguration(
    guardedListener(logger, 'didChangeConfiguration', async (params) => {
      if (!session) return;
      session.settings.changed(params?.settings);
      session.validator.revalidateAll();
      if (session.support.codeLensRefresh) await connection.sendRequest(CodeLensRefreshRequest.type);
    }),
  );

  // The client watches `**/.hadolint.{yaml,yml}`; any change may apply to any open Dockerfile.
  connection.onDidChangeWatchedFiles(
    guardedListener(logger, 'didChangeWatchedFiles', () => {
      hadolintConfigs.changed();
      buildContexts.changed();
      session?.validator.revalidateAll();
    }),
  );

  connection.onCodeAction(
    guarded(logger, 'codeAction', [], async (params, token) => {
      const current = await currentAnalysis(params.textDocument.uri, token, 'findings');
      if (!current || !session) return [];
      const options = analyzeOptionsFrom(current.settings, hadolintConfigs.configFor(params.textDocument.uri));
      return codeActionsFor(current.document, current.analysis, params.context, session.support, options.allowSuppressions !== false);
    }),
  );

  connection.onCodeLens(
    guarded(logger, 'codeLens', [], async (params, token) => {
      const current = await currentAnalysis(params.textDocument.uri, token, 'whole');
      if (!current || !current.settings.sizeLens.enabled) return [];
      return codeLensesFor(current.analysis, current.settings.sizeLens.measure);
    }),
  );

  connection.onHover(
    guarded(logger, 'hover', null, async (params, token) => {
      const current = await currentAnalysis(params.textDocument.uri, token, 'whole');
      if (!current || !current.settings.sizeLens.enabled) return null;
      return sizeHoverFor(current.analysis, params.position, current.settings.sizeLens.measure);
    }),
  );

  connection.onShutdown(() => {
    session?.validator.dispose();
    session?.analyses.dispose();
    registrySizes.dispose();
  });

  documents.listen(connection);
  connection.listen();
  logLastResortErrors(logger);
}

/** The worker for analyses that may take long; null (all on the main thread) when its bundle is missing. */
function analysisWorker(budgetMs: number, logger: Logger): AnalysisWorkerHost | null {
  const script = analysisWorkerScript();
  if (!script) {
    logger.info('the analysis worker is missing: analysing every file on the main thread');
    return null;
  }
  return new AnalysisWorkerHost(script, budgetMs, logger);
}

function workspaceFolderUris(params: InitializeParams): string[] {
  if (params.workspaceFolders && params.workspaceFolders.length > 0) return params.workspaceFolders.map((folder) => folder.uri);
  return params.rootUri ? [params.rootUri] : [];
}

/** Errors that escape every handler are logged; the server keeps serving. */
function logLastResortErrors(logger: Logger): void {
  process.on('uncaughtException', (error) => logger.error('uncaught exception', error));
  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', reason));
}
