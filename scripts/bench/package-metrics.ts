// Activation cost (load dist/client.js + activate() against a stand-in vscode, in a fresh process
// each time) and the size of what ships (the VSIX when one was packaged, else dist/ as a floor).
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { bytes, median, ms, table, verdict } from './stats';

const REPO_ROOT = join(__dirname, '..', '..');

interface ProbeResult {
  loadMs: number;
  activateMs: number;
  error?: string;
}

function probeActivation(): ProbeResult {
  const probe = join(__dirname, 'activation-probe.mjs');
  const result = spawnSync(process.execPath, [probe, join(REPO_ROOT, 'dist', 'client.js')], { encoding: 'utf8', timeout: 30_000 });
  const line = result.stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(line) as ProbeResult;
  } catch {
    return { loadMs: Number.NaN, activateMs: Number.NaN, error: result.stderr.trim().split('\n').at(-1) ?? 'no output' };
  }
}

export function runPackageMetrics(quick: boolean): string {
  const probes = Array.from({ length: quick ? 3 : 7 }, probeActivation);
  const failure = probes.find((probe) => probe.error)?.error;
  const activation = median(probes.map((probe) => probe.loadMs + probe.activateMs));
  const load = median(probes.map((probe) => probe.loadMs));

  const vsix = join(REPO_ROOT, 'layerwise.vsix');
  const client = join(REPO_ROOT, 'dist', 'client.js');
  const server = join(REPO_ROOT, 'dist', 'server.js');
  const rows: string[][] = [
    ['activation < 50 ms (load client.js + activate)', `${ms(activation)} (load ${ms(load)})`, failure ? `n/a: ${failure}` : verdict(activation < 50)],
  ];
  if (existsSync(vsix)) {
    const stale = existsSync(client) && statSync(vsix).mtimeMs < statSync(client).mtimeMs;
    const size = statSync(vsix).size;
    rows.push(['VSIX < 1 MB', `${bytes(size)}${stale ? ' (older than dist/: run npm run package)' : ''}`, verdict(size < 1024 * 1024)]);
  } else {
    const floor = [client, server].filter(existsSync).reduce((sum, path) => sum + statSync(path).size, 0);
    rows.push(['VSIX < 1 MB', `no layerwise.vsix; dist client+server ${bytes(floor)} uncompressed`, 'n/a']);
  }
  return `Targets (extension)\n\n${table(['target', 'measured', 'verdict'], rows)}`;
}
