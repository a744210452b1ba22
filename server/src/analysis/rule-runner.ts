// Runs rules over the model in one walk. Each rule sees exactly what it would see running alone —
// the global instructions, then for every stage it judges: stage(), its instructions, stageEnd();
// then end() — but the model is walked once, and an instruction goes only to the rules that have a
// handler for its keyword (looked up once per keyword, not once per rule per instruction).
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
  const judgingAllStages = runs.filter((run) => run.judgesAllStages);
  // Most rules have no stage(), stageEnd() or global() handler: list those that do once, not per stage.
  const phases = { all: phaseHandlers(runs), allStagesOnly: lazily(() => phaseHandlers(judgingAllStages)) };
  for (const instruction of model.globalInstructions) {
    for (const { run, handler } of phases.allStagesOnly().global) call(run, handler, instruction);
  }
  const handlersOf = { all: keywordHandlers(runs), allStagesOnly: keywordHandlers(judgingAllStages) };
  for (const stage of model.stages) {
    const handlers = stage.shipsLayers ? phases.all : phases.allStagesOnly();
    for (const { run, handler } of handlers.stage) call(run, handler, stage);
    const handlersFor = stage.shipsLayers ? handlersOf.all : handlersOf.allStagesOnly;
    for (const instruction of stage.instructions) visitInstruction(handlersFor(instruction.keyword), instruction, stage);
    for (const { run, handler } of handlers.stageEnd) call(run, handler, stage);
  }
  for (const { run, handler } of phases.all.end) call(run, handler, undefined);
  return runs.map(({ rule, reports, error }) => ({ rule, reports, error }));
}

interface PhaseHandler<Argument> {
  run: RuleRun;
  handler: (argument: Argument) => void;
}

interface PhaseHandlers {
  global: PhaseHandler<InstructionInfo>[];
  stage: PhaseHandler<Stage>[];
  stageEnd: PhaseHandler<Stage>[];
  end: PhaseHandler<void>[];
}

/** Most files have no build-only stage and no global instruction: their handler lists are built on first use. */
function lazily<T>(compute: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= compute());
}

function phaseHandlers(runs: readonly RuleRun[]): PhaseHandlers {
  const handlers: PhaseHandlers = { global: [], stage: [], stageEnd: [], end: [] };
  for (const run of runs) {
    const visitor = run.visitor;
    if (visitor === null) continue;
    if (visitor.global) handlers.global.push({ run, handler: visitor.global });
    if (visitor.stage) handlers.stage.push({ run, handler: visitor.stage });
    if (visitor.stageEnd) handlers.stageEnd.push({ run, handler: visitor.stageEnd });
    if (visitor.end) handlers.end.push({ run, handler: visitor.end });
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

/** keyword → the handlers of the rules that have one, in rule order; built on first use of each keyword. */
function keywordHandlers(runs: readonly RuleRun[]): (keyword: string) => readonly KeywordHandler[] {
  const table = new Map<string, KeywordHandler[]>();
  return (keyword) => {
    let handlers = table.get(keyword);
    if (handlers === undefined) {
      handlers = [];
      for (const run of runs) {
        const handler = run.visitor?.[keyword as Uppercase<string>];
        if (typeof handler === 'function') handlers.push({ run, handler });
      }
      table.set(keyword, handlers);
    }
    return handlers;
  };
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
