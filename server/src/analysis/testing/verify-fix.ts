// The shared check every fix must pass (design.md, "Fixes"): the result parses, the finding is gone,
// no new finding appears, and the rule does not want to edit the same place again.
import { AssertionError } from 'node:assert';
import { DockerfileParser, Keyword, type Instruction } from 'dockerfile-ast';
import { analyze } from '../engine';
import type { AnalysisResult, AnalyzeOptions } from '../engine-types';
import type { Finding, Fix, TextEdit } from '../rule';
import { applyTextEdits, editSpans } from '../text-edits';

export type VerifyOptions = Pick<AnalyzeOptions, 'target' | 'ruleOptions' | 'rules' | 'buildContext'>;

const KNOWN_KEYWORDS: ReadonlySet<string> = new Set(Object.values(Keyword));

/**
 * Applies `fix` (one of `finding`'s fixes, computed on `text`) and asserts the four properties, with every
 * rule running. Returns the fixed text. Throws an AssertionError that says which property failed.
 */
export function verifyFix(text: string, finding: Finding, fix: Fix, options: VerifyOptions = {}): string {
  const label = `fix "${fix.title}" of ${finding.code} ${finding.rule} (line ${finding.range.start.line + 1}: ${finding.message})`;
  const fail = (problem: string, result?: string): never => {
    throw new AssertionError({ message: `${label}: ${problem}\n--- before ---\n${text}\n--- after ---\n${result ?? '(not applied)'}` });
  };
  if (fix.edits.length === 0) fail('the fix has no edits');

  let result = '';
  try {
    result = applyTextEdits(text, fix.edits);
  } catch (error) {
    fail(`its edits cannot be applied (${error instanceof Error ? error.message : String(error)})`);
  }
  if (result === text) fail('applying it changes nothing', result);

  checkParses(text, result, fix, (problem) => fail(problem, result));

  const before = run(text, options);
  const after = run(result, options);
  if (after.internalErrors.length > 0) fail(`a rule threw on the result: ${JSON.stringify(after.internalErrors)}`, result);
  const beforeCounts = countByRule(before.findings);
  const afterCounts = countByRule(after.findings);
  if ((afterCounts.get(finding.rule) ?? 0) >= (beforeCounts.get(finding.rule) ?? 0)) {
    fail(`the finding is still there (${finding.rule}: ${beforeCounts.get(finding.rule) ?? 0} → ${afterCounts.get(finding.rule) ?? 0})`, result);
  }
  for (const [rule, count] of afterCounts) {
    const previous = beforeCounts.get(rule) ?? 0;
    if (count > previous) {
      const added = after.findings.filter((other) => other.rule === rule).map((other) => `  line ${other.range.start.line + 1}: ${other.message}`);
      fail(`it adds a finding of ${rule} (${previous} → ${count}):\n${added.join('\n')}`, result);
    }
  }

  const produced = producedSpans(text, fix.edits);
  for (const again of after.findings.filter((other) => other.rule === finding.rule)) {
    for (const next of again.fixes) {
      const touchesProduced = editSpans(result, next.edits).some(([start, end]) => produced.some(([from, to]) => start <= to && from <= end));
      if (touchesProduced && safeApply(result, next.edits) !== result) {
        fail(`not idempotent: after it, ${finding.rule} offers "${next.title}" on the text it just wrote`, result);
      }
    }
  }
  return result;
}

/** Runs verifyFix on every fix of every finding of `text` (all rules). Returns how many fixes were verified. */
export function verifyAllFixes(text: string, options: VerifyOptions = {}): number {
  let verified = 0;
  for (const finding of run(text, options).findings) {
    for (const fix of finding.fixes) {
      verifyFix(text, finding, fix, options);
      verified++;
    }
  }
  return verified;
}

function run(text: string, options: VerifyOptions): AnalysisResult {
  return analyze(text, { ...options, estimateSizes: false });
}

function countByRule(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(finding.rule, (counts.get(finding.rule) ?? 0) + 1);
  return counts;
}

interface Structure {
  froms: number;
  unknownKeywords: string[];
}

function structureOf(text: string): Structure {
  const instructions = DockerfileParser.parse(text).getInstructions();
  const keywords = instructions.flatMap((instruction) => [instruction, ...triggerOf(instruction)]).map((i) => i.getKeyword().toUpperCase());
  return {
    froms: keywords.filter((keyword) => keyword === 'FROM').length,
    unknownKeywords: keywords.filter((keyword) => !KNOWN_KEYWORDS.has(keyword)),
  };
}

function triggerOf(instruction: Instruction): Instruction[] {
  const onbuild = instruction as Partial<{ getTriggerInstruction(): Instruction | null }>;
  const trigger = instruction.getKeyword().toUpperCase() === 'ONBUILD' ? onbuild.getTriggerInstruction?.() : null;
  return trigger ? [trigger] : [];
}

/** The result parses, keeps its stages (a suggestion may add one) and has no new unknown instruction. */
function checkParses(text: string, result: string, fix: Fix, fail: (problem: string) => never): void {
  let before: Structure;
  let after: Structure;
  try {
    before = structureOf(text);
    after = structureOf(result);
  } catch (error) {
    return fail(`the result does not parse (${error instanceof Error ? error.message : String(error)})`);
  }
  const addsStage = fix.safety === 'suggestion' && after.froms > before.froms;
  if (after.froms !== before.froms && !addsStage) fail(`the number of FROM changed (${before.froms} → ${after.froms})`);
  if (after.unknownKeywords.length > before.unknownKeywords.length) {
    fail(`the result has unknown instructions: ${after.unknownKeywords.join(', ')}`);
  }
}

/** Where the fix's new text lies in the fixed document, as offset spans. */
function producedSpans(text: string, edits: readonly TextEdit[]): Array<[number, number]> {
  const spans = editSpans(text, edits)
    .map(([start, end], index) => ({ start, end, length: edits[index].newText.length }))
    .sort((a, b) => a.start - b.start);
  let shift = 0;
  return spans.map(({ start, end, length }) => {
    const produced: [number, number] = [start + shift, start + shift + length];
    shift += length - (end - start);
    return produced;
  });
}

function safeApply(text: string, edits: readonly TextEdit[]): string {
  try {
    return applyTextEdits(text, edits);
  } catch {
    return text;
  }
}
