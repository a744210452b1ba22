// A small, deterministic slice of `npm run fuzz`: the same generator and checks on fixed seeds, so a
// failure here replays with `node --import tsx scripts/fuzz/replay.ts <seed>`.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkInput, failureSignature, SLOW_ANALYSIS_MS } from '../../scripts/fuzz/check';
import { fuzzInput } from '../../scripts/fuzz/inputs';

const FIRST_SEED = 1;
const INPUTS = 2_000;
/** The fix verification runs a few analyses per fix; every 4th input keeps the test quick. */
const VERIFY_EVERY = 4;

describe('fuzz (deterministic slice)', () => {
  it(`analyses ${INPUTS} Dockerfile-shaped inputs without a throw, a rule failure, a slow analysis or a bad fix`, () => {
    const causes = new Map<string, { count: number; seed: number }>();
    let slowest = 0;
    let fixesVerified = 0;
    for (let seed = FIRST_SEED; seed < FIRST_SEED + INPUTS; seed++) {
      const result = checkInput(fuzzInput(seed), { verifyFixes: seed % VERIFY_EVERY === 0 });
      slowest = Math.max(slowest, result.analysisMs);
      fixesVerified += result.fixesVerified;
      for (const failure of result.failures) {
        const signature = failureSignature(failure);
        const known = causes.get(signature);
        if (known) known.count++;
        else causes.set(signature, { count: 1, seed });
      }
    }
    const report = [...causes].map(([signature, { count, seed }]) => `${count} × ${signature} (first: seed ${seed})`);
    assert.deepEqual(report, [], `replay with: node --import tsx scripts/fuzz/replay.ts <seed>\n${report.join('\n')}`);
    assert.ok(slowest < SLOW_ANALYSIS_MS, `slowest analysis ${slowest.toFixed(0)} ms`);
    // The generator must keep producing inputs that rules fix, or the fix verification checks nothing.
    assert.ok(fixesVerified > 100, `only ${fixesVerified} fixes were verified`);
  });
});
