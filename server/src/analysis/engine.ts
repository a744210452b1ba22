// Runs the rules over the model and owns suppressions and severity overrides.
import type { AnalysisResult, AnalyzeOptions, ApplyFixesOptions } from './engine-types';
import type { Finding } from './rule';

export type * from './engine-types';

export function analyze(text: string, options: AnalyzeOptions = {}): AnalysisResult {
  void text;
  void options;
  throw new Error('not implemented yet');
}

/** Applies the first bulk-applicable fix of each finding, skipping fixes that overlap one already taken. */
export function applyFixes(text: string, findings: readonly Finding[], options: ApplyFixesOptions = {}): string {
  void text;
  void findings;
  void options;
  throw new Error('not implemented yet');
}
