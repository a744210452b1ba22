// A RuleTester in the manner of ESLint's: valid and invalid cases for one rule, registered as node:test
// cases. The rule runs alone through the engine; every fix it offers also goes through verifyFix (with
// every rule running), so a rule test cannot pass with a fix that breaks the file or another rule.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeWithRules, applyFixes } from '../engine';
import type { AnalyzeOptions } from '../engine-types';
import type { Finding, Range, Rule } from '../rule';
import { verifyFix } from './verify-fix';

export type CaseOptions = Pick<AnalyzeOptions, 'target' | 'ruleOptions' | 'allowSuppressions' | 'buildContext'>;

export interface ValidCase {
  code: string;
  options?: CaseOptions;
  /** Shown in the test name; defaults to the start of the code. */
  name?: string;
}

/** What one finding must look like. Lines and columns are 1-based, as editors show them; `range` is 0-based LSP. */
export interface ExpectedError {
  message?: RegExp | string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  range?: Range;
}

export interface InvalidCase extends ValidCase {
  /** One entry per finding, in document order. */
  errors: ExpectedError[];
  /**
   * The text after applying the first fix of each finding (overlapping ones skipped, as the engine does).
   * null asserts that no fix is offered; leaving it out is an error when the rule offers a fix.
   */
  output?: string | null;
}

export interface RuleTestCases {
  valid: Array<string | ValidCase>;
  invalid: InvalidCase[];
}

export function testRule(rule: Rule, cases: RuleTestCases): void {
  describe(`${rule.code} ${rule.id}`, () => {
    cases.valid.forEach((entry, index) => {
      const valid = typeof entry === 'string' ? { code: entry } : entry;
      it(`valid #${index + 1}: ${valid.name ?? preview(valid.code)}`, () => assertValid(rule, valid));
    });
    cases.invalid.forEach((invalid, index) => {
      it(`invalid #${index + 1}: ${invalid.name ?? preview(invalid.code)}`, () => assertInvalid(rule, invalid));
    });
  });
}

/** The rule's findings on `code`, with only this rule running. Throws when the rule itself threw. */
export function findingsOf(rule: Rule, code: string, options: CaseOptions = {}): Finding[] {
  const result = analyzeWithRules([rule], code, { ...options, estimateSizes: false });
  assert.deepEqual(result.internalErrors, [], `${rule.id} threw`);
  return result.findings.filter((finding) => finding.rule === rule.id);
}

/** Asserts that the rule reports nothing on the case. */
export function assertValid(rule: Rule, valid: ValidCase): void {
  const findings = findingsOf(rule, valid.code, valid.options);
  assert.equal(findings.length, 0, `expected no finding, got:\n${describeFindings(findings)}`);
}

/** Asserts the case's findings, verifies every fix and checks the output of the first fixes. */
export function assertInvalid(rule: Rule, invalid: InvalidCase): void {
  const findings = findingsOf(rule, invalid.code, invalid.options);
  assert.equal(
    findings.length,
    invalid.errors.length,
    `expected ${invalid.errors.length} finding(s), got ${findings.length}:\n${describeFindings(findings)}`,
  );
  invalid.errors.forEach((expected, index) => checkFinding(findings[index], expected, index));

  for (const finding of findings) {
    for (const fix of finding.fixes) verifyFix(invalid.code, finding, fix, invalid.options);
  }

  const offersFix = findings.some((finding) => finding.fixes.length > 0);
  if (invalid.output === undefined) {
    assert.ok(!offersFix, 'the rule offers a fix: give the expected `output` (or null if no fix is wanted)');
  } else if (invalid.output === null) {
    assert.ok(!offersFix, `expected no fix, got: ${findings.flatMap((f) => f.fixes.map((fix) => fix.title)).join(', ')}`);
  } else {
    assert.ok(offersFix, 'expected a fix, the rule offers none');
    assert.equal(applyFirstFixes(invalid.code, findings), invalid.output);
  }
}

/** Applies the first fix of each finding whatever its safety, skipping overlaps like the engine. */
function applyFirstFixes(code: string, findings: readonly Finding[]): string {
  const firstOnly = findings.map((finding) => ({
    ...finding,
    fixes: finding.fixes.slice(0, 1).map((fix) => ({ ...fix, safety: 'safe' as const })),
  }));
  return applyFixes(code, firstOnly);
}

function checkFinding(finding: Finding, expected: ExpectedError, index: number): void {
  const where = `finding #${index + 1} (${finding.message})`;
  if (typeof expected.message === 'string') assert.equal(finding.message, expected.message, `${where}: message`);
  if (expected.message instanceof RegExp) assert.match(finding.message, expected.message, `${where}: message`);
  if (expected.line !== undefined) assert.equal(finding.range.start.line + 1, expected.line, `${where}: line`);
  if (expected.column !== undefined) assert.equal(finding.range.start.character + 1, expected.column, `${where}: column`);
  if (expected.endLine !== undefined) assert.equal(finding.range.end.line + 1, expected.endLine, `${where}: endLine`);
  if (expected.endColumn !== undefined) assert.equal(finding.range.end.character + 1, expected.endColumn, `${where}: endColumn`);
  if (expected.range !== undefined) assert.deepEqual(finding.range, expected.range, `${where}: range`);
}

function describeFindings(findings: readonly Finding[]): string {
  return findings.map((f) => `  ${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`).join('\n') || '  (none)';
}

function preview(code: string): string {
  const oneLine = code.replace(/\r/g, '\\r').replace(/\n/g, '⏎ ');
  return oneLine.length > 70 ? `${oneLine.slice(0, 67)}…` : oneLine;
}
