// `npm run bench`: Layerwise against its floor (the bare dockerfile-ast parse) and its peers
// (dockerfile-utils' validate, rcjsuen's language server), with the targets met or missed.
// Options: --quick (fewer rounds), --big (the minutes-long superlinearity inputs),
//          --only=analysis,superlinear,lsp,protection,package (a comma list of sections).
import { cpus, loadavg } from 'node:os';
import { loadEngine, runAnalysisBench } from './analysis';
import { runLspLatency } from './lsp-latency';
import { runPackageMetrics } from './package-metrics';
import { runProtectionCheck } from './protection';
import { runSuperlinearStudy } from './superlinear';

type Section = 'analysis' | 'superlinear' | 'lsp' | 'protection' | 'package';
const ALL_SECTIONS: readonly Section[] = ['analysis', 'superlinear', 'lsp', 'protection', 'package'];

function selectedSections(argv: readonly string[]): Set<Section> {
  const only = argv.find((argument) => argument.startsWith('--only='));
  if (!only) return new Set(ALL_SECTIONS);
  const wanted = only.slice('--only='.length).split(',');
  const unknown = wanted.filter((name) => !ALL_SECTIONS.includes(name as Section));
  if (unknown.length > 0) throw new Error(`unknown section(s) ${unknown.join(', ')}; known: ${ALL_SECTIONS.join(', ')}`);
  return new Set(wanted as Section[]);
}

const progress = (line: string) => console.error(line);

function environment(): string {
  const cpu = cpus();
  const load = loadavg().map((value) => value.toFixed(2)).join(' ');
  return `Node ${process.version} · ${cpu.length} × ${cpu[0]?.model ?? 'cpu'} · load average ${load}`;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const quick = argv.includes('--quick');
  const sections = selectedSections(argv);
  const started = performance.now();
  const reports: string[] = [`Layerwise benchmark — ${environment()}`];

  if (sections.has('analysis')) {
    progress('analysis (parse / validate / analyze)…');
    await loadEngine();
    reports.push(runAnalysisBench(quick, progress).report);
  }
  if (sections.has('superlinear')) {
    progress('dockerfile-ast superlinearity…');
    reports.push(runSuperlinearStudy(argv.includes('--big'), progress));
  }
  if (sections.has('lsp')) {
    progress('LSP latency…');
    reports.push((await runLspLatency(quick, progress)).report);
  }
  if (sections.has('protection')) {
    progress('server protection…');
    reports.push(await runProtectionCheck(progress));
  }
  if (sections.has('package')) {
    progress('activation and package size…');
    reports.push(runPackageMetrics(quick));
  }
  reports.push(`Finished in ${((performance.now() - started) / 1000).toFixed(0)} s; load average now ${loadavg()[0].toFixed(2)}.`);
  console.log(reports.join('\n\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
