// LSP latency: Layerwise's server (debounce 0) and rcjsuen's dockerfile-language-server, one after
// the other on the same documents. For each size: didOpen → publishDiagnostics and an incremental
// didChange (one character typed or deleted) → publishDiagnostics, p50/p99; and spawn → initialize.
// Run alone: node --import tsx scripts/bench/lsp-latency.ts [--quick]
import { join } from 'node:path';
import { syntheticDockerfile } from '../../test/corpus/synthetic';
import { LspProcess, type ServerCommand } from './lsp-process';
import { median, ms, percentile, table, verdict } from './stats';

const REPO_ROOT = join(__dirname, '..', '..');

export const LAYERWISE_SERVER: ServerCommand = {
  name: 'Layerwise',
  command: process.execPath,
  args: [join(REPO_ROOT, 'dist', 'server.js'), '--stdio'],
  initializationOptions: { debounceMs: 0 },
};

export const RCJSUEN_SERVER: ServerCommand = {
  name: 'dockerfile-language-server',
  command: process.execPath,
  args: [join(REPO_ROOT, 'node_modules', 'dockerfile-language-server-nodejs', 'bin', 'docker-langserver'), '--stdio'],
};

const SERVERS = [LAYERWISE_SERVER, RCJSUEN_SERVER];

interface SizePlan {
  lines: number;
  opens: number;
  changes: number;
}

interface Latencies {
  open: number[];
  change: number[];
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

async function measureReady(server: ServerCommand, spawns: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < spawns; i++) {
    const { server: lsp } = await LspProcess.start(server);
    times.push(lsp.readyMs);
    await lsp.stop();
  }
  return median(times);
}

async function timeOpens(lsp: LspProcess, plan: SizePlan, text: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < plan.opens; i++) {
    const uri = `file:///bench/open-${plan.lines}-${i}/Dockerfile`;
    const published = lsp.nextDiagnostics(uri);
    const started = performance.now();
    await lsp.open(uri, text);
    await published;
    times.push(performance.now() - started);
    const cleared = lsp.nextDiagnostics(uri);
    await lsp.close(uri);
    await cleared;
  }
  return times;
}

/** Types one character into the middle of a RUN line, then deletes it, and so on. */
async function timeChanges(lsp: LspProcess, plan: SizePlan, text: string): Promise<number[]> {
  const uri = `file:///bench/change-${plan.lines}/Dockerfile`;
  const lines = text.split('\n');
  const line = lines.findIndex((content, index) => index >= lines.length / 2 && content.startsWith('RUN '));
  const character = lines[line].length;
  const opened = lsp.nextDiagnostics(uri);
  await lsp.open(uri, text);
  await opened;
  const times: number[] = [];
  for (let version = 2; version < plan.changes + 2; version++) {
    const typing = version % 2 === 0;
    const range = typing
      ? { start: { line, character }, end: { line, character } }
      : { start: { line, character }, end: { line, character: character + 1 } };
    // rcjsuen's server publishes without a version; changes are sequential, so the next one is ours.
    const published = lsp.nextDiagnostics(uri, (params) => params.version === undefined || params.version === version);
    const started = performance.now();
    await lsp.change(uri, version, [{ range, text: typing ? 'x' : '' }]);
    await published;
    times.push(performance.now() - started);
  }
  const cleared = lsp.nextDiagnostics(uri);
  await lsp.close(uri);
  await cleared;
  return times;
}

export async function runLspLatency(quick: boolean, log: (line: string) => void): Promise<LatencyResult> {
  const readyMs = new Map<string, number>();
  const latencies = new Map<string, Map<number, Latencies>>();
  for (const server of SERVERS) {
    log(`  ${server.name}: server ready…`);
    readyMs.set(server.name, await measureReady(server, quick ? 3 : 7));
    latencies.set(server.name, new Map());
  }
  for (const plan of plans(quick)) {
    const text = syntheticDockerfile(plan.lines);
    // Alternate the servers so that a load spike on the shared machine does not favour one.
    for (const server of SERVERS) {
      log(`  ${server.name}: ${plan.lines} lines (${plan.opens} opens, ${plan.changes} changes)…`);
      const { server: lsp } = await LspProcess.start(server);
      try {
        const open = await timeOpens(lsp, plan, text);
        const change = await timeChanges(lsp, plan, text);
        latencies.get(server.name)?.set(plan.lines, { open, change });
      } finally {
        await lsp.stop();
      }
    }
  }
  return { readyMs, latencies, report: latencyReport(readyMs, latencies) };
}

function latencyReport(readyMs: Map<string, number>, latencies: Map<string, Map<number, Latencies>>): string {
  const rows: string[][] = [];
  for (const [name, bySize] of latencies) {
    for (const [lines, { open, change }] of bySize) {
      rows.push([name, String(lines), ms(percentile(open, 50)), ms(percentile(open, 99)), ms(percentile(change, 50)), ms(percentile(change, 99))]);
    }
  }
  const ready = [...readyMs].map(([name, value]) => [name, ms(value)]);
  return [
    'LSP latency (debounce 0; time from sending the notification to receiving publishDiagnostics)',
    '',
    table(['server', 'lines', 'didOpen p50', 'didOpen p99', 'didChange p50', 'didChange p99'], rows),
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
