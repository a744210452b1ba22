// Golden test over realistic Dockerfiles: every finding all rules give on them must equal the
// hand-reviewed record in test/fixtures/realistic/<name>/expected.json. A new rule, or a change to one,
// shows up here as a diff; `node --import tsx scripts/realistic-review.ts --update` records it as
// "unreviewed", and this test keeps failing until a human gives each new finding a verdict.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../server/src/analysis/rule';
import { analyzeFixture, findingKeys, listFixtures, mergeReview, readExpected, reviewedKeys, tallyByRule } from '../../scripts/realistic-review';

const UPDATE_HINT = 'run `node --import tsx scripts/realistic-review.ts --update`, then review the new findings in expected.json';

describe('realistic Dockerfiles', () => {
  const fixtures = listFixtures();

  it('has at least 30 fixtures, each with a reviewed record', () => {
    assert.ok(fixtures.length >= 30, `only ${fixtures.length} fixtures`);
    const missing = fixtures.filter((fixture) => readExpected(fixture) === null);
    assert.deepEqual(missing, [], `fixtures without expected.json: ${UPDATE_HINT}`);
  });

  for (const fixture of fixtures) {
    it(fixture, async () => {
      const expected = readExpected(fixture);
      if (expected === null) return; // reported once, above
      const { findings, internalErrors } = await analyzeFixture(fixture);
      assert.deepEqual(internalErrors, [], 'no rule may throw on a realistic Dockerfile');
      assert.deepEqual(findingKeys(findings), reviewedKeys(expected), `findings (code@line) changed: ${UPDATE_HINT}`);
      const unreviewed = expected.filter((entry) => entry.verdict === 'unreviewed').map((entry) => `${entry.code}@${entry.line}`);
      assert.deepEqual(unreviewed, [], 'every recorded finding needs a verdict: true-positive, false-positive or debatable');
      const withoutNote = expected.filter((entry) => entry.verdict !== 'true-positive' && entry.note.trim() === '');
      assert.deepEqual(withoutNote, [], 'a false-positive or debatable verdict needs a note saying why');
    });
  }
});

describe('realistic-review --update', () => {
  const finding = (code: string, line: number, message = 'm'): Finding => ({
    rule: `rule-${code}`,
    code,
    aliases: {},
    severity: 'warning',
    message,
    range: { start: { line: line - 1, character: 0 }, end: { line: line - 1, character: 3 } },
    fixes: [],
    docsUrl: '',
  });

  it('keeps the verdicts of findings still there, marks new ones unreviewed and drops the gone ones', () => {
    const previous = [
      { code: 'LW1', rule: 'rule-LW1', line: 3, verdict: 'false-positive' as const, note: 'why' },
      { code: 'LW1', rule: 'rule-LW1', line: 3, verdict: 'true-positive' as const, note: '' },
      { code: 'LW9', rule: 'rule-LW9', line: 1, verdict: 'debatable' as const, note: 'gone' },
    ];
    const merged = mergeReview([finding('LW1', 3), finding('LW2', 2, 'new one'), finding('LW1', 3)], previous);
    assert.deepEqual(
      merged.map((entry) => [entry.code, entry.line, entry.verdict, entry.note]),
      [
        ['LW2', 2, 'unreviewed', 'new one'],
        ['LW1', 3, 'false-positive', 'why'],
        ['LW1', 3, 'true-positive', ''],
      ],
    );
  });

  it('counts verdicts per rule', () => {
    const [tally] = tallyByRule([
      { reviewed: mergeReview([finding('LW1', 1), finding('LW1', 2)], [{ code: 'LW1', rule: 'rule-LW1', line: 2, verdict: 'false-positive', note: 'x' }]) },
    ]);
    assert.deepEqual(tally, { rule: 'rule-LW1', code: 'LW1', total: 2, truePositive: 0, falsePositive: 1, debatable: 0, unreviewed: 1 });
  });
});
