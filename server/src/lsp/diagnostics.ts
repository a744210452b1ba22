// Findings → LSP diagnostics. Each diagnostic carries its fixes in `data`, stamped with the
// document version they were computed for, so a code action never applies edits to other text.
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import type { Finding, Fix, FixSafety, Severity } from '../analysis/rule';
import { MAX_ANALYSED_BYTES, type DocumentAnalysis } from './document-analysis';

export const DIAGNOSTIC_SOURCE = 'layerwise';

export interface DiagnosticData {
  rule: string;
  version: number;
  fixes: Fix[];
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const START_OF_FILE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
const MEGABYTE = 1024 * 1024;

export function findingToDiagnostic(finding: Finding, version: number): Diagnostic {
  const data: DiagnosticData = { rule: finding.rule, version, fixes: finding.fixes };
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
      return analysis.result.findings.map((finding) => findingToDiagnostic(finding, version));
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

function isPosition(value: unknown): boolean {
  return (
    isRecord(value) &&
    Number.isInteger(value.line) &&
    Number.isInteger(value.character) &&
    (value.line as number) >= 0 &&
    (value.character as number) >= 0
  );
}

function isRange(value: unknown): boolean {
  return isRecord(value) && isPosition(value.start) && isPosition(value.end);
}

const SAFETIES: ReadonlySet<string> = new Set<FixSafety>(['safe', 'unsafe', 'suggestion']);

function isFix(value: unknown): value is Fix {
  return (
    isRecord(value) &&
    typeof value.title === 'string' &&
    typeof value.safety === 'string' &&
    SAFETIES.has(value.safety) &&
    Array.isArray(value.edits) &&
    value.edits.every((edit) => isRecord(edit) && typeof edit.newText === 'string' && isRange(edit.range))
  );
}

export function readDiagnosticData(value: unknown): DiagnosticData | null {
  if (!isRecord(value)) return null;
  const { rule, version, fixes } = value;
  if (typeof rule !== 'string' || !Number.isInteger(version) || !Array.isArray(fixes)) return null;
  if (!fixes.every(isFix)) return null;
  return { rule, version: version as number, fixes };
}
