// dist/api.js is the library door: CommonJS, plain data in the same shapes as `--format json`.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { before, describe, it } from 'node:test';
import { apiPath, CLEAN_DOCKERFILE, ensureBuilt, FLAWED_DOCKERFILE } from './cli/cli-harness';
import type * as Api from '../server/src/api';

describe('dist/api.js', () => {
  let api: typeof Api;
  before(() => {
    ensureBuilt();
    // A plain CommonJS require, as a user's script would do it (not through tsx's loader).
    api = createRequire(__filename)(apiPath) as typeof Api;
  });

  it('exports analyze, applyFixes and fixAll as functions', () => {
    assert.equal(typeof api.analyze, 'function');
    assert.equal(typeof api.applyFixes, 'function');
    assert.equal(typeof api.fixAll, 'function');
  });

  it('analyze returns findings and stages as plain data', () => {
    const result = api.analyze(FLAWED_DOCKERFILE);
    assert.deepEqual(Object.keys(result).sort(), ['findings', 'stages']);
    assert.ok(result.findings.length > 0);
    for (const finding of result.findings) {
      assert.deepEqual(Object.keys(finding).sort(), ['aliases', 'code', 'fixes', 'message', 'range', 'rule', 'severity']);
      assert.equal(Object.getPrototypeOf(finding), Object.prototype);
    }
    assert.deepEqual(JSON.parse(JSON.stringify(result)), result, 'survives a JSON round trip unchanged');
    assert.deepEqual(
      result.stages.map(({ index, name, ships, base, line }) => ({ index, name, ships, base, line })),
      [{ index: 0, name: null, ships: true, base: 'debian', line: 0 }],
    );
    const { estimate } = result.stages[0];
    assert.deepEqual(Object.keys(estimate).sort(), ['basis', 'bytes', 'high', 'low']);
  });

  it('analyze honours target and rule settings', () => {
    const shipsBuild = api.analyze(CLEAN_DOCKERFILE, { target: 'build' });
    assert.deepEqual(shipsBuild.stages.map((stage) => stage.ships), [true, false]);
    const codes = [...new Set(api.analyze(FLAWED_DOCKERFILE).findings.map((finding) => finding.code))];
    const rules = Object.fromEntries(codes.map((code) => [code, 'off' as const]));
    assert.deepEqual(api.analyze(FLAWED_DOCKERFILE, { rules }).findings, []);
  });

  it('applyFixes applies the safe fixes of the findings it is given', () => {
    const { findings } = api.analyze(FLAWED_DOCKERFILE);
    assert.ok(findings.some((finding) => finding.fixes.some((fix) => fix.safety === 'safe')), 'precondition: a safe fix exists');
    const fixed = api.applyFixes(FLAWED_DOCKERFILE, findings);
    assert.notEqual(fixed, FLAWED_DOCKERFILE);
    assert.ok(api.analyze(fixed).findings.length < findings.length, 'fixing removes findings');
    assert.equal(api.applyFixes(FLAWED_DOCKERFILE, []), FLAWED_DOCKERFILE, 'no findings, no change');
  });

  it('fixAll leaves no finding with a safe fix', () => {
    const fixed = api.fixAll(FLAWED_DOCKERFILE);
    for (const finding of api.analyze(fixed).findings) {
      assert.ok(!finding.fixes.some((fix) => fix.safety === 'safe'), `${finding.code} still has a safe fix`);
    }
  });

  it('rejects text that is not a string with a TypeError', () => {
    assert.throws(() => api.analyze(42 as unknown as string), TypeError);
  });
});
