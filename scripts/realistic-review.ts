// The hand-reviewed golden record of what Layerwise reports on realistic Dockerfiles.
//
// Each folder under test/fixtures/realistic/ is a small project (a Dockerfile, the files it copies,
// a .dockerignore where a real project would have one). Its expected.json lists every finding that
// all rules give on it, each with a verdict from a human review: "true-positive", "false-positive" or
// "debatable", and a note saying why. test/realistic/realistic.test.ts checks that the findings still
// equal the record, so a new rule or a changed one shows up as a diff to review.
//
// Usage (from the repository root):
//   node --import tsx scripts/realistic-review.ts --update   rewrite expected.json; keeps the verdicts of
//                                                            findings still there, marks new ones "unreviewed"
//   node --import tsx scripts/realistic-review.ts --report   per-rule counts and the false-positive rate
//   node --import tsx scripts/realistic-review.ts --list [fixture…]   every finding with its message and verdict
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../server/src/analysis/engine';
import type { Finding } from '../server/src/analysis/rule';
import { readBuildContext } from '../server/src/context/build-context';

export const FIXTURES_DIR = join(__dirname, '..', 'test', 'fixtures', 'realistic');

export type Verdict = 'true-positive' | 'false-positive' | 'debatable' | 'unreviewed';
const VERDICTS: readonly Verdict[] = ['true-positive', 'false-positive', 'debatable', 'unreviewed'];

/** One reviewed finding. `line` is 1-based, as an editor shows it. */
export interface ReviewedFinding {
  code: string;
  rule: string;
  line: number;
  verdict: Verdict;
  note: string;
}

export interface FixtureFindings {
  fixture: string;
  findings: Finding[];
  internalErrors: Array<{ rule: string; message: string }>;
}

export function listFixtures(dir = FIXTURES_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'Dockerfile')))
    .map((entry) => entry.name)
    .sort();
}

/** Every rule on, the build context read from the fixture folder as the editor and the CLI read it. */
export async function analyzeFixture(fixture: string, dir = FIXTURES_DIR): Promise<FixtureFindings> {
  const dockerfile = join(dir, fixture, 'Dockerfile');
  const buildContext = await readBuildContext(dockerfile);
  const result = analyze(readFileSync(dockerfile, 'utf8'), { buildContext, estimateSizes: false });
  return { fixture, findings: result.findings, internalErrors: result.internalErrors };
}

export function expectedPath(fixture: string, dir = FIXTURES_DIR): string {
  return join(dir, fixture, 'expected.json');
}

export function readExpected(fixture: string, dir = FIXTURES_DIR): ReviewedFinding[] | null {
  const path = expectedPath(fixture, dir);
  if (!existsSync(path)) return null;
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`${path}: expected a JSON array`);
  return parsed.map((entry, index) => toReviewed(entry, `${path}[${index}]`));
}

function toReviewed(entry: unknown, where: string): ReviewedFinding {
  const record = (entry ?? {}) as Record<string, unknown>;
  const { code, rule, line, verdict, note } = record;
  if (typeof code !== 'string' || typeof line !== 'number' || !VERDICTS.includes(verdict as Verdict)) {
    throw new Error(`${where}: needs a code, a line and a verdict (${VERDICTS.join(', ')})`);
  }
  return { code, rule: typeof rule === 'string' ? rule : '', line, verdict: verdict as Verdict, note: typeof note === 'string' ? note : '' };
}

/** What the golden comparison looks at: code and 1-based line, in a stable order. */
export function findingKeys(findings: readonly Finding[]): string[] {
  return findings.map((finding) => `${finding.code}@${finding.range.start.line + 1}`).sort(compareKeys);
}

export function reviewedKeys(reviewed: readonly ReviewedFinding[]): string[] {
  return reviewed.map((entry) => `${entry.code}@${entry.line}`).sort(compareKeys);
}

function compareKeys(a: string, b: string): number {
  const [codeA, lineA] = a.split('@');
  const [codeB, lineB] = b.split('@');
  return Number(lineA) - Number(lineB) || (codeA < codeB ? -1 : codeA > codeB ? 1 : 0);
}

/**
 * The new record: one entry per current finding. A finding keeps the verdict and note of the recorded
 * entry with the same code and line (the n-th such finding takes the n-th such entry); others are unreviewed.
 */
export function mergeReview(findings: readonly Finding[], previous: readonly ReviewedFinding[]): ReviewedFinding[] {
  const pool = new Map<string, ReviewedFinding[]>();
  for (const entry of previous) {
    const key = `${entry.code}@${entry.line}`;
    pool.set(key, [...(pool.get(key) ?? []), entry]);
  }
  return inDocumentOrder(findings).map((finding) => {
    const line = finding.range.start.line + 1;
    const kept = pool.get(`${finding.code}@${line}`)?.shift();
    return {
      code: finding.code,
      rule: finding.rule,
      line,
      verdict: kept?.verdict ?? 'unreviewed',
      note: kept?.note ?? finding.message,
    };
  });
}

function inDocumentOrder(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.code < b.code ? -1 : 1));
}

export interface RuleTally {
  rule: string;
  code: string;
  total: number;
  truePositive: number;
  falsePositive: number;
  debatable: number;
  unreviewed: number;
}

export function tallyByRule(records: ReadonlyArray<{ reviewed: readonly ReviewedFinding[] }>): RuleTally[] {
  const tallies = new Map<string, RuleTally>();
  for (const { reviewed } of records) {
    for (const entry of reviewed) {
      const tally = tallies.get(entry.code) ?? { rule: entry.rule, code: entry.code, total: 0, truePositive: 0, falsePositive: 0, debatable: 0, unreviewed: 0 };
      tally.total++;
      if (entry.verdict === 'true-positive') tally.truePositive++;
      else if (entry.verdict === 'false-positive') tally.falsePositive++;
      else if (entry.verdict === 'debatable') tally.debatable++;
      else tally.unreviewed++;
      tallies.set(entry.code, tally);
    }
  }
  return [...tallies.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
}

function formatReport(fixtureCount: number, tallies: readonly RuleTally[]): string {
  const sum = (pick: (tally: RuleTally) => number) => tallies.reduce((total, tally) => total + pick(tally), 0);
  const total = sum((tally) => tally.total);
  const falsePositives = sum((tally) => tally.falsePositive);
  const percent = (part: number) => (total === 0 ? '0.0' : ((100 * part) / total).toFixed(1));
  const header = ['code', 'rule', 'findings', 'TP', 'FP', 'debatable', 'unreviewed'];
  const rows = tallies.map((tally) => [tally.code, tally.rule, tally.total, tally.truePositive, tally.falsePositive, tally.debatable, tally.unreviewed].map(String));
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const format = (row: readonly string[]) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd();
  return [
    format(header),
    ...rows.map(format),
    '',
    `fixtures: ${fixtureCount}`,
    `findings: ${total}`,
    `false positives: ${falsePositives} (${percent(falsePositives)} % of all findings)`,
    `debatable: ${sum((tally) => tally.debatable)} (${percent(sum((tally) => tally.debatable))} %)`,
    `unreviewed: ${sum((tally) => tally.unreviewed)}`,
  ].join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  const mode = argv.find((arg) => arg.startsWith('--'));
  if (mode !== '--update' && mode !== '--report' && mode !== '--list') {
    console.error('usage: realistic-review.ts --update | --report | --list [fixture…]');
    return 2;
  }
  const only = argv.filter((arg) => !arg.startsWith('--'));
  const fixtures = listFixtures().filter((fixture) => only.length === 0 || only.includes(fixture));
  const records = [];
  for (const fixture of fixtures) {
    const { findings, internalErrors } = await analyzeFixture(fixture);
    for (const error of internalErrors) console.error(`${fixture}: rule ${error.rule} threw: ${error.message}`);
    const previous = readExpected(fixture) ?? [];
    const reviewed = mode === '--update' ? mergeReview(findings, previous) : previous;
    if (mode === '--update') writeFileSync(expectedPath(fixture), `${JSON.stringify(reviewed, null, 2)}\n`);
    if (mode === '--list') printFindings(fixture, findings, previous);
    records.push({ fixture, reviewed });
  }
  if (mode !== '--list') console.log(formatReport(fixtures.length, tallyByRule(records)));
  return 0;
}

function printFindings(fixture: string, findings: readonly Finding[], previous: readonly ReviewedFinding[]): void {
  // mergeReview keeps document order, so its entries line up with the sorted findings.
  const ordered = inDocumentOrder(findings);
  console.log(`\n== ${fixture} (${findings.length})`);
  mergeReview(findings, previous).forEach((entry, index) => {
    console.log(`  ${String(entry.line).padStart(3)} ${entry.code} ${entry.rule} [${entry.verdict}] ${ordered[index].message}`);
  });
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
