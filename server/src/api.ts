// Library entry (dist/api.js, CommonJS): the engine for scripts and benchmarks, in plain data
// (the same shapes as `layerwise --format json`), with no editor or file-system dependencies.
import { analyze as analyzeModel, applyFixes as applyEngineFixes, fixAll as fixAllInEngine } from './analysis/engine';
import type { AnalyzeOptions, ApplyFixesOptions } from './analysis/engine-types';
import { docsUrlFor, type Finding } from './analysis/rule';
import { toPlainAnalysis, type PlainAnalysis, type PlainFinding } from './cli/plain-data';

export type { AnalyzeOptions, ApplyFixesOptions, RuleSetting } from './analysis/engine-types';
export type { PlainAnalysis, PlainEstimate, PlainFinding, PlainFix, PlainStage } from './cli/plain-data';

function requireText(text: unknown): asserts text is string {
  if (typeof text !== 'string') throw new TypeError(`layerwise: expected the Dockerfile text as a string, got ${typeof text}`);
}

/**
 * Lints one Dockerfile. `stages[i].estimate` is the estimated size of each stage (bytes null when
 * unknown); pass `estimateSizes: false` to skip it.
 */
export function analyze(text: string, options: AnalyzeOptions = {}): PlainAnalysis {
  requireText(text);
  return toPlainAnalysis(analyzeModel(text, { estimateSizes: true, ...options }));
}

/**
 * Applies the first safe fix of each finding (unsafe ones too with `{ unsafe: true }`); fixes that
 * overlap one already taken are skipped, so call analyze() and applyFixes() again until the text
 * stops changing to apply everything.
 */
export function applyFixes(text: string, findings: readonly PlainFinding[], options: ApplyFixesOptions = {}): string {
  requireText(text);
  const engineFindings: Finding[] = findings.map((finding) => ({ ...finding, docsUrl: docsUrlFor(finding.rule) }));
  return applyEngineFixes(text, engineFindings, options);
}

/** Applies fixes until none applies any more (what `layerwise --fix` does), and returns the new text. */
export function fixAll(text: string, options: AnalyzeOptions & ApplyFixesOptions = {}): string {
  requireText(text);
  return fixAllInEngine(text, options);
}
