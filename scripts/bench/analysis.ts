// In-process benchmark: the bare dockerfile-ast parse (the floor), dockerfile-utils' validate (the
// closest peer) and Layerwise's analyze (all rules, with and without the size estimate), timed in
// one process with the tools interleaved round by round, so that a busy shared machine slows all
// of them alike instead of whichever happened to run during the spike.
import { DockerfileParser } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { analyze } from '../../server/src/analysis/engine';
import { realisticCorpus } from '../../test/corpus/realistic';
import { syntheticDockerfile } from '../../test/corpus/synthetic';
import { median, ms, ratio, table, timeOnce, verdict } from './stats';

interface Tool {
  name: string;
  run(text: string): unknown;
}

const PARSE: Tool = { name: 'dockerfile-ast parse', run: (text) => DockerfileParser.parse(text) };
const VALIDATE: Tool = { name: 'dockerfile-utils validate', run: (text) => validate(text) };
const LAYERWISE: Tool = { name: 'Layerwise analyze', run: (text) => analyze(text, { estimateSizes: true }) };
const LAYERWISE_NO_ESTIMATE: Tool = {
  name: 'Layerwise analyze, no estimate',
  run: (text) => analyze(text, { estimateSizes: false }),
};
const TOOLS: readonly Tool[] = [PARSE, VALIDATE, LAYERWISE, LAYERWISE_NO_ESTIMATE];

export interface Workload {
  label: string;
  lines: number;
  texts: string[];
  rounds: number;
}

export interface WorkloadResult {
  workload: Workload;
  /** Median time of one round (all texts of the workload) per tool name. */
  medians: Map<string, number>;
}

export function defaultWorkloads(quick: boolean): Workload[] {
  const scale = quick ? 0.4 : 1;
  const rounds = (count: number) => Math.max(3, Math.round(count * scale));
  const corpus = realisticCorpus();
  const synthetic = (lines: number, count: number): Workload => ({
    label: `synthetic ${lines / 1000}k lines`,
    lines,
    texts: [syntheticDockerfile(lines)],
    rounds: rounds(count),
  });
  return [
    {
      label: `corpus (${corpus.length} files)`,
      lines: corpus.reduce((sum, file) => sum + file.text.split('\n').length, 0),
      texts: corpus.map((file) => file.text),
      rounds: rounds(30),
    },
    synthetic(1_000, 25),
    synthetic(5_000, 11),
    synthetic(20_000, 7),
  ];
}

export function measureWorkload(workload: Workload): WorkloadResult {
  const samples = new Map<string, number[]>(TOOLS.map((tool) => [tool.name, []]));
  // Two warm-up rounds let the JIT settle before anything counts.
  for (let round = -2; round < workload.rounds; round++) {
    for (const tool of TOOLS) {
      const elapsed = timeOnce(() => workload.texts.forEach((text) => tool.run(text)));
      if (round >= 0) samples.get(tool.name)?.push(elapsed);
    }
  }
  return { workload, medians: new Map([...samples].map(([name, values]) => [name, median(values)])) };
}

export interface AnalysisSummary {
  results: WorkloadResult[];
  report: string;
}

export function runAnalysisBench(quick: boolean, log: (line: string) => void): AnalysisSummary {
  const results: WorkloadResult[] = [];
  for (const workload of defaultWorkloads(quick)) {
    log(`  timing ${workload.label} (${workload.rounds} rounds)…`);
    results.push(measureWorkload(workload));
  }
  return { results, report: [comparisonTable(results), linearityTable(results), estimateShareTable(results), targetsTable(results)].join('\n\n') };
}

const get = (result: WorkloadResult, tool: Tool): number => result.medians.get(tool.name) ?? Number.NaN;

function comparisonTable(results: readonly WorkloadResult[]): string {
  const rows = results.map((result) => {
    const layerwise = get(result, LAYERWISE);
    return [
      result.workload.label,
      String(result.workload.lines),
      ms(get(result, PARSE)),
      ms(get(result, VALIDATE)),
      ms(layerwise),
      ratio(layerwise / get(result, PARSE)),
      ratio(layerwise / get(result, VALIDATE)),
    ];
  });
  return `Median time per round (corpus: all files; synthetic: one file)\n\n${table(
    ['input', 'lines', 'parse', 'dockerfile-utils', 'Layerwise', 'LW / parse', 'LW / d-utils'],
    rows,
  )}`;
}

function linearityTable(results: readonly WorkloadResult[]): string {
  const series = results.filter((result) => result.workload.label.startsWith('synthetic'));
  const first = series[0];
  const rows = series.map((result) => {
    const lines = result.workload.lines;
    const perLine = (tool: Tool) => `${((get(result, tool) * 1000) / lines).toFixed(1)} µs`;
    const growth = (tool: Tool) => ratio(get(result, tool) / get(first, tool));
    return [
      String(lines),
      `${(lines / first.workload.lines).toFixed(0)}×`,
      `${perLine(PARSE)} (${growth(PARSE)})`,
      `${perLine(VALIDATE)} (${growth(VALIDATE)})`,
      `${perLine(LAYERWISE)} (${growth(LAYERWISE)})`,
    ];
  });
  return `Linearity: time per line (growth against ${first.workload.lines} lines)\n\n${table(
    ['lines', 'size', 'parse', 'dockerfile-utils', 'Layerwise'],
    rows,
  )}`;
}

function estimateShareTable(results: readonly WorkloadResult[]): string {
  const rows = results.map((result) => {
    const full = get(result, LAYERWISE);
    const withoutEstimate = get(result, LAYERWISE_NO_ESTIMATE);
    return [result.workload.label, ms(withoutEstimate), ms(full), `${Math.max(0, (100 * (full - withoutEstimate)) / full).toFixed(0)} %`];
  });
  return `Size estimate's share of the analysis (estimateSizes false vs true)\n\n${table(
    ['input', 'without estimate', 'with estimate', 'estimate share'],
    rows,
  )}`;
}

function targetsTable(results: readonly WorkloadResult[]): string {
  const rows = results.flatMap((result) => {
    const layerwise = get(result, LAYERWISE);
    return [
      [`${result.workload.label}: analyze ≤ 2× parse`, ratio(layerwise / get(result, PARSE)), verdict(layerwise <= 2 * get(result, PARSE))],
      [`${result.workload.label}: analyze < validate`, ratio(layerwise / get(result, VALIDATE)), verdict(layerwise < get(result, VALIDATE))],
    ];
  });
  return `Targets (in-process)\n\n${table(['target', 'measured', 'verdict'], rows)}`;
}
