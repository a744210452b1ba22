// Runs rules over the model in one walk. Each rule sees exactly what it would see running alone —
// the global instructions, then for every stage it judges: stage(), its instructions, stageEnd();
// then end() — but the model is walked once, and an instruction goes only to the rules that have a
// handler for its keyword (sorted by keyword once per analysis, not looked up per rule per instruction).
import type { BuildContextInfo } from './engine-types';
import type { DockerfileModel, InstructionInfo, Stage } from './model-types';
import type { Report, Rule, RuleOptions, RuleVisitor } from './rule';

type InstructionVisitor = NonNullable<RuleVisitor[Uppercase<string>]>;

export interface RuleOutcome {
  rule: Rule;
  reports: Report[];
  /** Set when the rule threw: its reports are then incomplete and must be dropped. */
  error: string | null;
}

interface RuleRun extends RuleOutcome {
  visitor: RuleVisitor | null;
  /** Rules that judge every stage also see the ONBUILD triggers and the build-only stages. */
  judgesAllStages: boolean;
}

interface KeywordHandler {
  run: RuleRun;
  handler: InstructionVisitor;
}

export interface RuleRunContext {
  options: RuleOptions;
  buildContext: BuildContextInfo | undefined;
}

export function runRules(rules: readonly Rule[], model: DockerfileModel, context: RuleRunContext): RuleOutcome[] {
  const runs = rules.map((rule) => startRule(rule, model, context));
  const all = indexHandlers(runs);
  // Most files have no build-only stage and no global instruction: those handler lists are built on first use.
  const allStagesOnly = lazily(() => indexHandlers(runs.filter((run) => run.judgesAllStages)));
  for (const instruction of model.globalInstructions) {
    for (const { run, handler } of allStagesOnly().global) call(run, handler, instruction);
  }
  for (const stage of model.stages) {
    const handlers = stage.shipsLayers ? all : allStagesOnly();
    for (const { run, handler } of handlers.stage) call(run, handler, stage);
    for (const instruction of stage.instructions) {
      visitInstruction(handlers.byKeyword.get(instruction.keyword) ?? NO_HANDLERS, instruction, stage);
    }
    for (const { run, handler } of handlers.stageEnd) call(run, handler, stage);
  }
  for (const { run, handler } of all.end) call(run, handler, undefined);
  return runs.map(({ rule, reports, error }) => ({ rule, reports, error }));
}

interface PhaseHandler<Argument> {
  run: RuleRun;
  handler: (argument: Argument) => void;
}

/** The handlers of a set of rules, each list in rule order. */
interface Handlers {
  global: PhaseHandler<InstructionInfo>[];
  stage: PhaseHandler<Stage>[];
  stageEnd: PhaseHandler<Stage>[];
  end: PhaseHandler<void>[];
  /** Instruction keyword (RUN, COPY…) → the handlers for it. */
  byKeyword: Map<string, KeywordHandler[]>;
}

const NO_HANDLERS: readonly KeywordHandler[] = [];

function lazily<T>(compute: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= compute());
}

/**
 * Sorts every handler of every visitor into its list in one pass over the visitors' own keys (a
 * visitor has two or three), rather than asking each of ~170 visitors for each keyword in the file.
 */
function indexHandlers(runs: readonly RuleRun[]): Handlers {
  const handlers: Handlers = { global: [], stage: [], stageEnd: [], end: [], byKeyword: new Map() };
  for (const run of runs) {
    const visitor = run.visitor;
    if (visitor === null) continue;
    for (const key of Object.keys(visitor)) {
      const handler: unknown = visitor[key as keyof RuleVisitor];
      if (typeof handler !== 'function') continue;
      if (key === 'global' || key === 'stage' || key === 'stageEnd' || key === 'end') {
        (handlers[key] as PhaseHandler<unknown>[]).push({ run, handler: handler as (argument: unknown) => void });
        continue;
      }
      const forKeyword = handlers.byKeyword.get(key);
      const entry = { run, handler: handler as InstructionVisitor };
      if (forKeyword) forKeyword.push(entry);
      else handlers.byKeyword.set(key, [entry]);
    }
  }
  return handlers;
}

function startRule(rule: Rule, model: DockerfileModel, context: RuleRunContext): RuleRun {
  const run: RuleRun = { rule, reports: [], error: null, visitor: null, judgesAllStages: rule.appliesTo === 'all-stages' };
  try {
    run.visitor = rule.create({
      model,
      options: context.options,
      buildContext: context.buildContext,
      report: (report) => run.reports.push(report),
    });
  } catch (error) {
    fail(run, error);
  }
  return run;
}

function visitInstruction(handlers: readonly KeywordHandler[], instruction: InstructionInfo, stage: Stage): void {
  for (const { run, handler } of handlers) {
    if (run.error !== null) continue;
    // ONBUILD triggers run in the images built FROM this one, not in this build: only rules that
    // judge every stage (syntax, security of what is written) look at them.
    if (instruction.onbuild && !run.judgesAllStages) continue;
    try {
      handler(instruction, stage);
    } catch (error) {
      fail(run, error);
    }
  }
}

function call<Argument>(run: RuleRun, handler: (argument: Argument) => void, argument: Argument): void {
  if (run.error !== null) return;
  try {
    handler(argument);
  } catch (error) {
    fail(run, error);
  }
}

function fail(run: RuleRun, error: unknown): void {
  run.error = error instanceof Error ? error.message : String(error);
  run.reports = [];
}
