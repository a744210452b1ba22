// The public, plain-data shapes of a finding and a stage, shared by `--format json` and the library API.
// Projecting explicitly (instead of passing engine objects through) keeps the published shape stable:
// a field added to the engine's types never leaks into the output by accident.
import type { AnalysisResult, StageSummary } from '../analysis/engine-types';
import type { Finding, Fix, FixSafety, Range, RuleAliases, Severity, TextEdit } from '../analysis/rule';
import type { EstimateBasis } from '../analysis/size/types';

export interface PlainFix {
  title: string;
  safety: FixSafety;
  edits: TextEdit[];
}

export interface PlainFinding {
  rule: string;
  code: string;
  aliases: RuleAliases;
  severity: Severity;
  message: string;
  /** 0-based lines and characters, as in LSP. */
  range: Range;
  fixes: PlainFix[];
}

export interface PlainEstimate {
  /** null when unknown. */
  bytes: number | null;
  low: number | null;
  high: number | null;
  basis: EstimateBasis;
}

export interface PlainStage {
  index: number;
  /** null for an unnamed stage. */
  name: string | null;
  ships: boolean;
  base: string;
  /** 0-based line of the FROM. */
  line: number;
  estimate: PlainEstimate;
}

export interface PlainAnalysis {
  findings: PlainFinding[];
  stages: PlainStage[];
}

function copyRange(range: Range): Range {
  return {
    start: { line: range.start.line, character: range.start.character },
    end: { line: range.end.line, character: range.end.character },
  };
}

function toPlainFix(fix: Fix): PlainFix {
  return {
    title: fix.title,
    safety: fix.safety,
    edits: fix.edits.map((edit) => ({ range: copyRange(edit.range), newText: edit.newText })),
  };
}

export function toPlainFinding(finding: Finding): PlainFinding {
  return {
    rule: finding.rule,
    code: finding.code,
    aliases: { ...finding.aliases },
    severity: finding.severity,
    message: finding.message,
    range: copyRange(finding.range),
    fixes: finding.fixes.map(toPlainFix),
  };
}

export function toPlainStage(stage: StageSummary): PlainStage {
  return {
    index: stage.index,
    name: stage.name,
    ships: stage.ships,
    base: stage.base,
    line: stage.line,
    estimate: {
      bytes: stage.estimate.bytes,
      low: stage.estimate.low,
      high: stage.estimate.high,
      basis: stage.estimate.basis,
    },
  };
}

export function toPlainAnalysis(result: Pick<AnalysisResult, 'findings' | 'stages'>): PlainAnalysis {
  return { findings: result.findings.map(toPlainFinding), stages: result.stages.map(toPlainStage) };
}
