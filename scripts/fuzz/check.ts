// The properties every input must keep: analyze() does not throw, no rule fails internally, the
// analysis of an input up to 1 MB takes under a second, and every fix offered passes the shared
// fix verification (it parses, removes its finding, adds none, is idempotent).
import { analyze } from '../../server/src/analysis/engine';
import { verifyFix } from '../../server/src/analysis/testing/verify-fix';

export const SLOW_ANALYSIS_MS = 1000;
const SLOW_LIMIT_APPLIES_UP_TO_BYTES = 1024 * 1024;

export type FailureKind = 'throw' | 'internal-error' | 'slow' | 'fix';

export interface Failure {
  kind: FailureKind;
  /** The rule concerned, when there is one. */
  rule: string | null;
  /** What went wrong, in one line, without the text of the input. */
  message: string;
  /** Everything known (for a fix: the text before and after), for the saved failure file. */
  detail: string;
}

export interface CheckResult {
  analysisMs: number;
  fixesVerified: number;
  failures: Failure[];
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export interface CheckOptions {
  /** false checks the analysis only (the fix verification costs a few analyses per fix). */
  verifyFixes?: boolean;
}

export function checkInput(text: string, options: CheckOptions = {}): CheckResult {
  const failures: Failure[] = [];
  const started = performance.now();
  let result: ReturnType<typeof analyze>;
  try {
    result = analyze(text, { estimateSizes: true });
  } catch (error) {
    const failure: Failure = { kind: 'throw', rule: null, message: describe(error), detail: error instanceof Error ? (error.stack ?? '') : '' };
    return { analysisMs: performance.now() - started, fixesVerified: 0, failures: [failure] };
  }
  const analysisMs = performance.now() - started;
  if (analysisMs > SLOW_ANALYSIS_MS && Buffer.byteLength(text) <= SLOW_LIMIT_APPLIES_UP_TO_BYTES) {
    failures.push({ kind: 'slow', rule: null, message: `analysis took ${analysisMs.toFixed(0)} ms`, detail: '' });
  }
  for (const { rule, message } of result.internalErrors) failures.push({ kind: 'internal-error', rule, message, detail: message });

  let fixesVerified = 0;
  if (options.verifyFixes === false) return { analysisMs, fixesVerified, failures };
  for (const finding of result.findings) {
    for (const fix of finding.fixes) {
      try {
        verifyFix(text, finding, fix);
        fixesVerified++;
      } catch (error) {
        const detail = describe(error);
        // verifyFix says "<which fix of which finding>: <which property failed>"; keep the property.
        const label = `fix "${fix.title}" of ${finding.code} ${finding.rule} (line ${finding.range.start.line + 1}: ${finding.message}): `;
        const firstLine = detail.split('\n')[0];
        const problem = firstLine.includes(label) ? firstLine.slice(firstLine.indexOf(label) + label.length) : firstLine;
        failures.push({ kind: 'fix', rule: finding.rule, message: `"${fix.title}": ${problem}`, detail });
      }
    }
  }
  return { analysisMs, fixesVerified, failures };
}

/**
 * A short key that groups failures of the same cause: kind, rule and the failed property, with the
 * input's own words (titles, quoted text, numbers, the instructions listed) left out.
 */
export function failureSignature(failure: Failure): string {
  const shape = failure.message
    .replace(/^"[^]*?": /, '')
    .replace(/(unknown instructions|a rule threw on the result|adds a finding of [\w-]+ \([^)]*\)):[^]*/, '$1')
    .replace(/offers "[^]*" on/, 'offers a fix on')
    .replace(/\d+/g, 'N')
    .slice(0, 120);
  const thrower = /"rule":"([\w-]+)"/.exec(failure.message)?.[1];
  return `${failure.kind} ${failure.rule ?? '-'}: ${shape}${thrower ? ` (${thrower} threw)` : ''}`;
}
