// LSP latency: Layerwise's server (debounce 0) and rcjsuen's dockerfile-language-server, one after
// the other on the same documents. For each size: didOpen → publishDiagnostics and a didChange (one
// character typed or deleted; sent as that edit to a server that asks for incremental sync, as VS
// Code does, else as the whole text) → publishDiagnostics, p50/p99; and spawn → initialize.
// The documents are files in a small project folder on disk, with another Dockerfile open there, as
// in an editor: Layerwise also prices their COPY sources from the folder's build context. Layerwise logs what analyze() took for each version: the rest of the
// latency (the "overhead" column) is its protocol path, transport and the client's parse included.
// Run alone: node --import tsx scripts/bench/lsp-latency.ts [--quick] [--transport=ipc]
// LAYERWISE_BENCH_CPU_PROF=<dir> runs Layerwise's server (and its analysis thread) under --cpu-prof.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocumentSyncKind, type InitializeResult } from 'vscode-languageserver/node';
import { syntheticDockerfile } from '../../test/corpus/synthetic';
import { LspProcess, type ServerCommand, type Transport } from './lsp-process';
import { median, ms, percentile, table, verdict } from './stats';

const REPO_ROOT = join(__dirname, '..', '..');

export const LAYERWISE_SERVER: ServerCommand = {
  name: 'Layerwise',
  command: process.execPath,
  args: [join(REPO_ROOT, 'dist', 'server.js')],
  initializationOptions: { debounceMs: 0 },
};

export const RCJSUEN_SERVER: ServerCommand = {
  name: 'dockerfile-language-server',
  command: process.execPath,
  args: [join(REPO_ROOT, 'node_modules', 'dockerfile-language-server-nodejs', 'bin', 'docker-langserver')],
};

/** Layerwise as benchmarked: it logs its own timings, and may run under the CPU profiler. */
function benchedLayerwise(): ServerCommand {
  const profileDirectory = process.env.LAYERWISE_BENCH_CPU_PROF;
  const profile = profileDirectory ? ['--cpu-prof', `--cpu-prof-dir=${resolve(profileDirectory)}`] : [];
  return {
    ...LAYERWISE_SERVER,
    args: [...profile, ...LAYERWISE_SERVER.args],
    initializationOptions: { debounceMs: 0, logTimings: true },
  };
}

/**
 * Opens and edits made before timing starts: by then Layerwise has read the folder's build context
 * (the read starts at the first open, and the document is analysed again when it arrives), and both
 * servers are warm.
 */
const WARM_UP_OPENS = 1;
const WARM_UP_CHANGES = 2;
/**
 * Edits each server gets before anything is timed. A fresh Layerwise server analyses a 50-line file
 * in ~10 ms, and in ~3 ms only after a few hundred analyses: timing it cold would time its JIT.
 */
const WARM_UP = [
  { lines: 1_000, edits: 60 },
  { lines: 5_000, edits: 8 },
];

interface SizePlan {
  lines: number;
  opens: number;
  changes: number;
}

interface Latencies {
  open: number[];
  change: number[];
  /** How many diagnostics the last publication held: the servers report very different amounts. */
  diagnostics: number;
  /** Layerwise only: analyze() per change, and latency − analyze() per change. */
  changeAnalyze: number[];
  changeOverhead: number[];
}

export interface LatencyResult {
  readyMs: Map<string, number>;
  /** server name → lines → latencies */
  latencies: Map<string, Map<number, Latencies>>;
  report: string;
}

function plans(quick: boolean): SizePlan[] {
  const scale = quick ? 0.3 : 1;
  const count = (value: number) => Math.max(5, Math.round(value * scale));
  return [
    { lines: 50, opens: count(60), changes: count(200) },
    { lines: 1_000, opens: count(40), changes: count(200) },
    { lines: 5_000, opens: count(15), changes: count(60) },
  ];
}

/** A small project: sources to COPY, a .dockerignore, a manifest. The Dockerfiles are written beside them. */
function createProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'layerwise-lsp-bench-'));
  const files: Record<string, string> = {
    '.dockerignore': 'node_modules\n.git\n*.log\n',
    'package.json': '{ "name": "bench", "version": "1.0.0", "dependencies": {} }\n',
    'requirements.txt': 'flask==3.0.0\n',
  };
  for (const folder of ['src', 'lib', 'config', 'assets', 'data']) {
    for (let i = 0; i < 5; i++) files[join(folder, `file-${i}.txt`)] = `${folder} ${i}\n`.repeat(200 * (i + 1));
  }
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function documentUri(project: string, name: string, text: string): string {
  const path = join(project, name);
  writeFileSync(path, text);
  return pathToFileURL(path).href;
}

async function measureReady(server: ServerCommand, spawns: number, transport: Transport): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < spawns; i++) {
    const { server: lsp } = await LspProcess.start(server, { transport });
    times.push(lsp.readyMs);
    await lsp.stop();
  }
  return median(times);
}

/**
 * A Dockerfile left open in the project for the whole session, as in an editor: the other documents
 * of the folder then find its build context already read, as they would while a user works there.
 */
async function openAnchor(lsp: LspProcess, project: string): Promise<void> {
  const text = syntheticDockerfile(20);
  const uri = documentUri(project, 'Dockerfile', text);
  const opened = lsp.nextDiagnostics(uri);
  await lsp.open(uri, text);
  await opened;
}

async function timeOpens(lsp: LspProcess, plan: SizePlan, text: string, project: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = -WARM_UP_OPENS; i < plan.opens; i++) {
    const uri = documentUri(project, `open-${plan.lines}-${i < 0 ? 'warm-up' : i}.Dockerfile`, text);
    const published = lsp.nextDiagnostics(uri);
    const started = performance.now();
    await lsp.open(uri, text);
    await published;
    if (i >= 0) times.push(performance.now() - started);
    const cleared = lsp.nextDiagnostics(uri, (params) => params.diagnostics.length === 0);
    await lsp.close(uri);
    await cleared;
  }
  return times;
}

/** Whether the server asked for incremental changes (VS Code then sends only the edit, else the whole text). */
function wantsIncrementalSync(initialize: InitializeResult): boolean {
  const sync = initialize.capabilities.textDocumentSync;
  const change = typeof sync === 'number' ? sync : sync?.change;
  return change === TextDocumentSyncKind.Incremental;
}

/** Types one character into the middle of a RUN line, then deletes it, and so on. */
async function timeChanges(
  lsp: LspProcess,
  plan: SizePlan,
  text: string,
  project: string,
  incremental: boolean,
  name = `change-${plan.lines}`,
): Promise<Omit<Latencies, 'open'>> {
  const uri = documentUri(project, `${name}.Dockerfile`, text);
  const lines = text.split('\n');
  const line = lines.findIndex((content, index) => index >= lines.length / 2 && content.startsWith('RUN '));
  const character = lines[line].length;
  const typed = [...lines.slice(0, line), `${lines[line]}x`, ...lines.slice(line + 1)].join('\n');
  const opened = lsp.nextDiagnostics(uri);
  await lsp.open(uri, text);
  await opened;
  const change: number[] = [];
  let diagnostics = 0;
  const firstTimed = 2 + WARM_UP_CHANGES;
  for (let version = 2; version < firstTimed + plan.changes; version++) {
    const typing = version % 2 === 0;
    const range = typing
      ? { start: { line, character }, end: { line, character } }
      : { start: { line, character }, end: { line, character: character + 1 } };
    // rcjsuen's server publishes without a version; changes are sequential, so the next one is ours.
    const published = lsp.nextDiagnostics(uri, (params) => params.version === undefined || params.version === version);
    const edit = incremental ? { range, text: typing ? 'x' : '' } : { text: typing ? typed : text };
    const started = performance.now();
    await lsp.change(uri, version, [edit]);
    diagnostics = (await published).diagnostics.length;
    if (version >= firstTimed) change.push(performance.now() - started);
  }
  const cleared = lsp.nextDiagnostics(uri, (params) => params.diagnostics.length === 0);
  await lsp.close(uri);
  // The timing lines come right after their diagnostics, so all have arrived once the close is answered.
  await cleared;
  const changeAnalyze: number[] = [];
  const changeOverhead: number[] = [];
  change.forEach((latency, index) => {
    const analyzeMs = lsp.timingOf(uri, firstTimed + index)?.analyzeMs;
    if (analyzeMs === undefined) return;
    changeAnalyze.push(analyzeMs);
    changeOverhead.push(latency - analyzeMs);
  });
  return { change, diagnostics, changeAnalyze, changeOverhead };
}

function transportOption(argv: readonly string[]): Transport {
  const value = argv.find((argument) => argument.startsWith('--transport='))?.slice('--transport='.length);
  if (value === undefined || value === 'stdio' || value === 'ipc') return value ?? 'stdio';
  throw new Error(`unknown transport ${value}; known: stdio, ipc`);
}

interface Session {
  lsp: LspProcess;
  /** The server asked for incremental changes. */
  incremental: boolean;
}

/**
 * One server process for the whole run, as in an editing session: started in the project folder with
 * another Dockerfile open there, then warmed up like a server that has been in use for a while.
 */
async function startSession(server: ServerCommand, transport: Transport, project: string, log: (line: string) => void): Promise<Session> {
  const { server: lsp, initialize } = await LspProcess.start(server, { transport, rootUri: pathToFileURL(project).href });
  const session = { lsp, incremental: wantsIncrementalSync(initialize) };
  try {
    await openAnchor(lsp, project);
    for (const { lines, edits } of WARM_UP) {
      log(`  ${server.name}: warming up (${edits} edits of ${lines} lines)…`);
      const plan = { lines, opens: 0, changes: edits };
      await timeChanges(lsp, plan, syntheticDockerfile(lines), project, session.incremental, `warm-up-${lines}`);
    }
    return session;
  } catch (error) {
    await lsp.stop();
    throw error;
  }
}

export async function runLspLatency(quick: boolean, log: (line: string) => void, argv: readonly string[] = process.argv): Promise<LatencyResult> {
  const transport = transportOption(argv);
  const servers = [benchedLayerwise(), RCJSUEN_SERVER];
  const profileDirectory = process.env.LAYERWISE_BENCH_CPU_PROF;
  if (profileDirectory) log(`  CPU profiles of Layerwise's server go to ${resolve(profileDirectory)}`);
  const readyMs = new Map<string, number>();
  const latencies = new Map<string, Map<number, Latencies>>();
  for (const server of servers) {
    log(`  ${server.name}: server ready…`);
    readyMs.set(server.name, await measureReady(server, quick ? 3 : 7, transport));
    latencies.set(server.name, new Map());
  }
  const project = createProject();
  const sessions = new Map<ServerCommand, Session>();
  try {
    for (const server of servers) sessions.set(server, await startSession(server, transport, project, log));
    for (const plan of plans(quick)) {
      const text = syntheticDockerfile(plan.lines);
      // Alternate the servers so that a load spike on the shared machine does not favour one.
      for (const [server, { lsp, incremental }] of sessions) {
        log(`  ${server.name}: ${plan.lines} lines (${plan.opens} opens, ${plan.changes} changes)…`);
        const open = await timeOpens(lsp, plan, text, project);
        const changes = await timeChanges(lsp, plan, text, project, incremental);
        latencies.get(server.name)?.set(plan.lines, { open, ...changes });
      }
    }
  } finally {
    await Promise.all([...sessions.values()].map(({ lsp }) => lsp.stop()));
    rmSync(project, { recursive: true, force: true });
  }
  return { readyMs, latencies, report: latencyReport(readyMs, latencies, transport) };
}

function latencyReport(readyMs: Map<string, number>, latencies: Map<string, Map<number, Latencies>>, transport: Transport): string {
  const rows: string[][] = [];
  const p = (values: number[], rank: number) => (values.length > 0 ? ms(percentile(values, rank)) : '—');
  for (const [name, bySize] of latencies) {
    for (const [lines, { open, change, diagnostics, changeAnalyze, changeOverhead }] of bySize) {
      rows.push([
        name,
        String(lines),
        String(diagnostics),
        p(open, 50),
        p(open, 99),
        p(change, 50),
        p(change, 99),
        p(changeAnalyze, 50),
        changeOverhead.length > 0 ? `${p(changeOverhead, 50)} / ${p(changeOverhead, 99)}` : '—',
      ]);
    }
  }
  const ready = [...readyMs].map(([name, value]) => [name, ms(value)]);
  return [
    `LSP latency (--${transport === 'ipc' ? 'node-ipc' : 'stdio'}, debounce 0; time from sending the notification to receiving publishDiagnostics)`,
    '',
    table(
      ['server', 'lines', 'diagnostics', 'didOpen p50', 'didOpen p99', 'didChange p50', 'didChange p99', 'analyze() p50', 'didChange overhead p50 / p99'],
      rows,
    ),
    '',
    'analyze(): what the server logged for each change (the findings: the size estimate is added after the diagnostics are published); overhead: the latency of that change minus its analyze().',
    '',
    table(['server', 'ready (spawn → initialize result), median'], ready),
    '',
    latencyTargets(readyMs, latencies),
  ].join('\n');
}

function latencyTargets(readyMs: Map<string, number>, latencies: Map<string, Map<number, Latencies>>): string {
  const ours = latencies.get(LAYERWISE_SERVER.name);
  const theirs = latencies.get(RCJSUEN_SERVER.name);
  const rows: string[][] = [];
  const p99 = (values: number[] | undefined) => (values ? percentile(values, 99) : Number.NaN);
  const at1000 = p99(ours?.get(1_000)?.change);
  rows.push(['p99 didChange → diagnostics < 50 ms at 1,000 lines', ms(at1000), verdict(at1000 < 50)]);
  for (const lines of ours?.keys() ?? []) {
    const mine = p99(ours?.get(lines)?.change);
    const peer = p99(theirs?.get(lines)?.change);
    rows.push([`p99 didChange below rcjsuen's at ${lines} lines`, `${ms(mine)} vs ${ms(peer)}`, verdict(mine < peer)]);
  }
  const ready = readyMs.get(LAYERWISE_SERVER.name) ?? Number.NaN;
  rows.push(['server ready < 300 ms', ms(ready), verdict(ready < 300)]);
  return `Targets (LSP)\n\n${table(['target', 'measured', 'verdict'], rows)}`;
}

if (require.main === module) {
  runLspLatency(process.argv.includes('--quick'), (line) => console.error(line))
    .then((result) => console.log(result.report))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
