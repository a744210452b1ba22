// Runs the rules over the model and owns suppressions, ONBUILD handling and severity overrides.
import type {
  AnalysisResult,
  AnalyzeOptions,
  ApplyFixesOptions,
  RuleSetting,
  StageSummary,
} from './engine-types';
import { buildModel } from './model';
import type { DockerfileModel } from './model-types';
import { docsUrlFor, type Finding, type Fix, type Report, type Rule } from './rule';
import { runRules } from './rule-runner';
import { allRules } from './rules/index';
import { estimateStages } from './size/estimate';
import type { SizeEstimate, StageEstimate } from './size/types';
import suppressionNotAllowed, { suppressionNotAllowedReport } from './rules/suppression-not-allowed';
import { findCheckDirective, findSuppressions, suppressionCovers, type Suppression } from './suppressions';
import { applyTextEdits, editSpans, lineStarts } from './text-edits';

export type * from './engine-types';

export function analyze(text: string, options: AnalyzeOptions = {}): AnalysisResult {
  return analyzeWithRules(allRules, text, options);
}

/** analyze() with an explicit rule set: for tests of the engine itself and of single rules. */
export function analyzeWithRules(rules: readonly Rule[], text: string, options: AnalyzeOptions = {}): AnalysisResult {
  const model = buildModel(text, { target: options.target });
  const severityOf = severityResolver(rules, options, model);
  const suppressions = findSuppressions(model);
  const allowSuppressions = options.allowSuppressions !== false;
  const honoured = allowSuppressions ? suppressions : [];
  const internalErrors: AnalysisResult['internalErrors'] = [];

  const findings: Finding[] = allowSuppressions ? [] : disallowedSuppressionFindings(rules, suppressions, severityOf);
  const active = rules.filter((rule) => severityOf(rule) !== 'off');
  const context = { options: options.ruleOptions ?? {}, buildContext: options.buildContext };
  for (const { rule, reports, error } of runRules(active, model, context)) {
    if (error !== null) {
      // One broken rule must not take the others (or the editor) down with it.
      internalErrors.push({ rule: rule.id, message: error });
      continue;
    }
    const setting = severityOf(rule) as Exclude<RuleSetting, 'off'>;
    for (const report of reports) {
      if (isSuppressed(report, rule, honoured)) continue;
      findings.push(toFinding(rule, setting, report));
    }
  }
  findings.sort(compareFindings);

  const analysis = { findings, model, internalErrors };
  if (options.estimateSizes === false) return { ...analysis, stages: summarizeStages(model, []), estimates: [] };
  return withSizeEstimates(analysis, options);
}

/**
 * Adds the size estimate to an analysis made with `estimateSizes: false`, from its model: the language
 * server publishes the diagnostics first and estimates right after. The findings are unchanged.
 */
export function withSizeEstimates(analysis: Omit<AnalysisResult, 'stages' | 'estimates'>, options: AnalyzeOptions = {}): AnalysisResult {
  const { model } = analysis;
  const estimates = estimateStages(model, undefined, options.buildContext, options.extraBaseImages);
  return { ...analysis, stages: summarizeStages(model, estimates), estimates };
}

/** Applies the first bulk-applicable fix of each finding, skipping fixes that overlap one already taken. */
export function applyFixes(text: string, findings: readonly Finding[], options: ApplyFixesOptions = {}): string {
  const taken: Array<[number, number]> = [];
  const edits = [];
  const starts = lineStarts(text);
  for (const finding of findings) {
    const fix = finding.fixes.find((candidate) => isBulkApplicable(candidate, options));
    if (!fix) continue;
    const spans = editSpans(text, fix.edits, starts);
    if (spans.some((span) => taken.some((other) => spansConflict(span, other)))) continue;
    taken.push(...spans);
    edits.push(...fix.edits);
  }
  return edits.length === 0 ? text : applyTextEdits(text, edits);
}

/**
 * Applies fixes until none applies any more (fixes that overlapped in one pass get their turn in the
 * next), like `eslint --fix`. Bounded so that two fixes undoing each other cannot loop forever.
 */
export function fixAll(text: string, options: AnalyzeOptions & ApplyFixesOptions = {}): string {
  const maxPasses = 10;
  let current = text;
  for (let pass = 0; pass < maxPasses; pass++) {
    const { findings } = analyze(current, { ...options, estimateSizes: false });
    const next = applyFixes(current, findings, options);
    if (next === current) break;
    current = next;
  }
  return current;
}

function isBulkApplicable(fix: Fix, options: ApplyFixesOptions): boolean {
  return fix.safety === 'safe' || (fix.safety === 'unsafe' && options.unsafe === true);
}

function spansConflict([startA, endA]: [number, number], [startB, endB]: [number, number]): boolean {
  // Two insertions at the same point conflict too: their order would be arbitrary.
  return (startA < endB && startB < endA) || startA === startB;
}

function isSuppressed(report: Report, rule: Rule, suppressions: readonly Suppression[]): boolean {
  const line = report.range.start.line;
  return suppressions.some(
    (suppression) => line >= suppression.firstLine && line <= suppression.lastLine && suppressionCovers(suppression, rule),
  );
}

function toFinding(rule: Rule, severity: Exclude<RuleSetting, 'off'>, report: Report): Finding {
  return {
    rule: rule.id,
    code: rule.code,
    aliases: rule.aliases,
    severity,
    message: report.message,
    range: report.range,
    fixes: report.fixes ?? [],
    docsUrl: docsUrlFor(rule.id),
  };
}

function compareFindings(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    // Codes are ASCII (LW101): plain comparison, without the cost of a locale-aware one.
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}

/**
 * The severity of each rule: the user's own `rules` first, then settings imported from another tool,
 * then the rule's default. BuildKit's `# check=error=true` makes build-check warnings fail the build,
 * so it raises the rules that have a BuildKit twin to 'error', unless the user set them explicitly.
 */
function severityResolver(rules: readonly Rule[], options: AnalyzeOptions, model: DockerfileModel) {
  const own = resolveRuleSettings(rules, options.rules ?? {});
  const imported = resolveRuleSettings(rules, options.importedRules ?? {});
  const errorOnWarning = findCheckDirective(model)?.errorOnWarning === true;
  return (rule: Rule): RuleSetting => {
    const explicit = own.get(rule);
    if (explicit) return explicit;
    const setting = imported.get(rule) ?? rule.severity;
    return setting !== 'off' && errorOnWarning && rule.aliases.buildkit ? 'error' : setting;
  };
}

/** With suppressions forbidden, every suppression comment is a finding of `suppression-not-allowed`. */
function disallowedSuppressionFindings(
  rules: readonly Rule[],
  suppressions: readonly Suppression[],
  severityOf: (rule: Rule) => RuleSetting,
): Finding[] {
  const rule = rules.find((candidate) => candidate.id === suppressionNotAllowed.id);
  const severity = rule ? severityOf(rule) : 'off';
  if (!rule || severity === 'off') return [];
  return suppressions.map((suppression) => toFinding(rule, severity, suppressionNotAllowedReport(suppression)));
}

/**
 * Maps user settings onto rules. A key may be a rule id, an LW code or an alias of another tool, so
 * that `DL3009: off` carried over from hadolint habits works. Unknown keys and values are ignored.
 */
export function resolveRuleSettings(
  rules: readonly Rule[],
  settings: Readonly<Record<string, RuleSetting>>,
): Map<Rule, RuleSetting> {
  const resolved = new Map<Rule, RuleSetting>();
  if (Object.keys(settings).length === 0) return resolved;
  const byName = rulesByName(rules);
  for (const [key, value] of Object.entries(settings)) {
    if (!isRuleSetting(value)) continue;
    for (const rule of byName.get(key.toLowerCase()) ?? []) resolved.set(rule, value);
  }
  return resolved;
}

/** Every name of every rule, lower-cased; built once per rule set (the catalog is one array for the process). */
const nameIndexes = new WeakMap<readonly Rule[], Map<string, Rule[]>>();

function rulesByName(rules: readonly Rule[]): Map<string, Rule[]> {
  let byName = nameIndexes.get(rules);
  if (byName) return byName;
  // One name may stand for several rules: BuildKit's MultipleInstructionsDisallowed covers our
  // separate CMD, ENTRYPOINT and HEALTHCHECK rules.
  byName = new Map<string, Rule[]>();
  for (const rule of rules) {
    for (const name of [rule.id, rule.code, ...Object.values(rule.aliases)]) {
      if (typeof name !== 'string') continue;
      const key = name.toLowerCase();
      byName.set(key, [...(byName.get(key) ?? []), rule]);
    }
  }
  nameIndexes.set(rules, byName);
  return byName;
}

const RULE_SETTINGS: ReadonlySet<string> = new Set(['error', 'warning', 'info', 'hint', 'off']);

export function isRuleSetting(value: unknown): value is RuleSetting {
  return typeof value === 'string' && RULE_SETTINGS.has(value);
}

function summarizeStages(model: DockerfileModel, estimates: readonly StageEstimate[]): StageSummary[] {
  const estimateByStage = new Map(estimates.map((estimate) => [estimate.stageIndex, estimate]));
  return model.stages.map((stage) => ({
    index: stage.index,
    name: stage.name,
    ships: stage.ships,
    roles: stage.roles,
    base: stage.base.resolved,
    line: stage.from.range.start.line,
    estimate: toSizeEstimate(estimateByStage.get(stage.index)),
  }));
}

const UNKNOWN_SIZE: SizeEstimate = { bytes: null, low: null, high: null, compressedBytes: null, basis: 'unknown' };

function toSizeEstimate(estimate: StageEstimate | undefined): SizeEstimate {
  if (!estimate) return UNKNOWN_SIZE;
  const { bytes, low, high, compressedBytes, basis } = estimate;
  return { bytes, low, high, compressedBytes, basis };
}
