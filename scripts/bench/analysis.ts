// In-process benchmark: the bare dockerfile-ast parse (the floor), dockerfile-utils' validate (the
// closest peer) and Layerwise's analyze (all rules, with and without the size estimate, compiled as
// shipped), timed in one process with the tools interleaved round by round, so that a busy shared
// machine slows all of them alike instead of whichever happened to run during the spike.
import { DockerfileParser } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { realisticCorpus } from '../../test/corpus/realistic';
import { syntheticDockerfile } from '../../test/corpus/synthetic';
import { loadBundledEngine, type Engine } from './bundled-engine';
import { median, ms, ratio, table, timeOnce, verdict } from './stats';

interface Tool {
  name: string;
  run(text: string): unknown;
}

const PARSE: Tool = { name: 'dockerfile-ast parse', run: (text) => DockerfileParser.parse(text) };
const VALIDATE: Tool = { name: 'dockerfile-utils validate', run: (text) => validate(text) };
let engine: Engine | null = null;

function loaded(): Engine {
  if (engine === null) throw new Error('the bundled engine is not loaded: call loadEngine() first');
  return engine;
}

/** Loads the engine as shipped; before it, the Layerwise tools cannot run. */
export async function loadEngine(): Promise<void> {
  engine = await loadBundledEngine();
}

const analyze = (text: string, options: { estimateSizes: boolean }) => loaded().analyze(text, options);

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
  const phases = defaultWorkloads(true).map(measurePhases);
  return {
    results,
    report: [comparisonTable(results), linearityTable(results), estimateShareTable(results), phaseTable(phases), targetsTable(results)].join('\n\n'),
  };
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

interface PhaseTimes {
  workload: Workload;
  parse: number;
  /** buildModel, its own parse included. */
  model: number;
  rules: number;
  estimate: number;
}

/** Where analyze() spends its time: the model (with its parse), the rules and the estimate, timed apart. */
function measurePhases(workload: Workload): PhaseTimes {
  const { buildModel, runRules, allRules, estimateStages } = loaded();
  const samples = { parse: [] as number[], model: [] as number[], rules: [] as number[], estimate: [] as number[] };
  const context = { options: {}, buildContext: undefined };
  for (let round = -2; round < workload.rounds; round++) {
    const times = { parse: 0, model: 0, rules: 0, estimate: 0 };
    for (const text of workload.texts) {
      times.parse += timeOnce(() => PARSE.run(text));
      let model: ReturnType<typeof buildModel> | undefined;
      times.model += timeOnce(() => (model = buildModel(text)));
      if (model === undefined) continue;
      const built = model;
      times.rules += timeOnce(() => runRules(allRules, built, context));
      times.estimate += timeOnce(() => estimateStages(built));
    }
    if (round < 0) continue;
    for (const phase of ['parse', 'model', 'rules', 'estimate'] as const) samples[phase].push(times[phase]);
  }
  return {
    workload,
    parse: median(samples.parse),
    model: median(samples.model),
    rules: median(samples.rules),
    estimate: median(samples.estimate),
  };
}

function phaseTable(rows: readonly PhaseTimes[]): string {
  const inParses = (value: number, parse: number) => `${(value / parse).toFixed(2)}`;
  return `Where the time goes, in units of the bare parse (median per round, --quick rounds)\n\n${table(
    ['input', 'parse', 'model (with its parse)', 'rules', 'size estimate', 'sum'],
    rows.map((row) => [
      row.workload.label,
      ms(row.parse),
      inParses(row.model, row.parse),
      inParses(row.rules, row.parse),
      inParses(row.estimate, row.parse),
      inParses(row.model + row.rules + row.estimate, row.parse),
    ]),
  )}`;
}
