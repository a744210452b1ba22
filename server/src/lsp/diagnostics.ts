// Findings → LSP diagnostics. The fixes stay on the server, in the analysis of the version they were
// computed for: `data` names the finding (rule, version, index), so that a code action finds its fixes
// without a search, and the diagnostics published after every keystroke stay small.
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import type { Finding, Severity } from '../analysis/rule';
import { MAX_ANALYSED_BYTES, type DocumentAnalysis } from './document-analysis';

export const DIAGNOSTIC_SOURCE = 'layerwise';

export interface DiagnosticData {
  rule: string;
  /** The document version the diagnostic was computed for. */
  version: number;
  /** The position of its finding in that version's analysis. */
  index: number;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const START_OF_FILE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
const MEGABYTE = 1024 * 1024;

export function findingToDiagnostic(finding: Finding, version: number, index: number): Diagnostic {
  const data: DiagnosticData = { rule: finding.rule, version, index };
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity] ?? DiagnosticSeverity.Warning,
    source: DIAGNOSTIC_SOURCE,
    code: finding.code,
    codeDescription: { href: finding.docsUrl },
    message: finding.message,
    data,
  };
}

function notice(message: string): Diagnostic {
  return { range: START_OF_FILE, severity: DiagnosticSeverity.Information, source: DIAGNOSTIC_SOURCE, message };
}

export function tooLargeMessage(bytes: number): string {
  const size = (bytes / MEGABYTE).toFixed(1);
  return `file too large for analysis (${size} MB); Layerwise analyses files up to ${MAX_ANALYSED_BYTES / MEGABYTE} MB`;
}

export function timedOutMessage(budgetMs: number): string {
  const seconds = budgetMs >= 1000 ? `${Number((budgetMs / 1000).toFixed(1))} s` : `${budgetMs} ms`;
  return `analysis took too long and was stopped (over ${seconds}); it runs again after the next edit`;
}

export function diagnosticsFor(analysis: DocumentAnalysis, version: number): Diagnostic[] {
  switch (analysis.kind) {
    case 'analysed':
      return analysis.result.findings.map((finding, index) => findingToDiagnostic(finding, version, index));
    case 'too-large':
      return [notice(tooLargeMessage(analysis.bytes))];
    case 'timed-out':
      return [notice(timedOutMessage(analysis.budgetMs))];
    case 'failed':
      return [notice('Layerwise could not analyse this file (internal error; see the Layerwise output)')];
    case 'disabled':
      return [];
  }
}

// `data` comes back from the client: trust nothing about its shape.

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIndex(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
}

export function readDiagnosticData(value: unknown): DiagnosticData | null {
  if (!isRecord(value)) return null;
  const { rule, version, index } = value;
  if (typeof rule !== 'string' || !Number.isInteger(version) || !isIndex(index)) return null;
  return { rule, version: version as number, index };
}
