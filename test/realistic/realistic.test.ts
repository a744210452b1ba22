// Golden test over realistic Dockerfiles: every finding all rules give on them must equal the
// hand-reviewed record in test/fixtures/realistic/<name>/expected.json. A new rule, or a change to one,
// shows up here as a diff; `node --import tsx scripts/realistic-review.ts --update` records it as
// "unreviewed", and this test keeps failing until a human gives each new finding a verdict.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeFixture, findingKeys, listFixtures, readExpected, reviewedKeys } from '../../scripts/realistic-review';

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
