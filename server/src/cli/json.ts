// `--format json`: the machine-readable report. Version 1 of this shape is public; fields may be added,
// never removed or changed.
import { toPlainFinding, toPlainStage, type PlainFinding, type PlainStage } from './plain-data';
import type { FileResult } from './file-result';

export interface JsonFileReport {
  path: string;
  findings: PlainFinding[];
  stages: PlainStage[];
}

export interface JsonReport {
  version: 1;
  files: JsonFileReport[];
}

export function toJsonReport(results: readonly FileResult[]): JsonReport {
  return {
    version: 1,
    files: results.map((result) => ({
      path: result.path,
      findings: result.findings.map(toPlainFinding),
      stages: result.stages.map(toPlainStage),
    })),
  };
}

export function renderJson(results: readonly FileResult[]): string {
  return JSON.stringify(toJsonReport(results)) + '\n';
}
