import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rule from '../rules/apk-add-without-no-cache';
import { assertInvalid, assertValid, findingsOf } from './rule-tester';

const CODE = 'FROM alpine:3.20\nRUN apk add curl\n';
const FIXED = 'FROM alpine:3.20\nRUN apk add --no-cache curl\n';

describe('rule tester', () => {
  it('runs only the rule under test', () => {
    const findings = findingsOf(rule, 'FROM alpine\nADD app /app\nRUN apk add curl\n');
    assert.deepEqual(findings.map((finding) => finding.rule), ['apk-add-without-no-cache']);
  });

  it('passes a correct case and checks position, message and output', () => {
    assertValid(rule, { code: FIXED });
    assertInvalid(rule, { code: CODE, errors: [{ line: 2, column: 5, endLine: 2, endColumn: 12, message: /--no-cache/ }], output: FIXED });
  });

  it('fails a valid case that has findings', () => {
    assert.throws(() => assertValid(rule, { code: CODE }), /expected no finding/);
  });

  it('fails on the wrong number of findings, position or message', () => {
    assert.throws(() => assertInvalid(rule, { code: CODE, errors: [], output: FIXED }), /expected 0 finding/);
    assert.throws(() => assertInvalid(rule, { code: CODE, errors: [{ line: 3 }], output: FIXED }), /line/);
    assert.throws(() => assertInvalid(rule, { code: CODE, errors: [{ column: 1 }], output: FIXED }), /column/);
    assert.throws(() => assertInvalid(rule, { code: CODE, errors: [{ message: 'something else' }], output: FIXED }), /message/);
  });

  it('fails when the output differs, is missing, or a fix is unexpectedly offered', () => {
    assert.throws(() => assertInvalid(rule, { code: CODE, errors: [{}], output: CODE }), /Expected values to be strictly equal/);
    assert.throws(() => assertInvalid(rule, { code: CODE, errors: [{}] }), /give the expected `output`/);
    assert.throws(() => assertInvalid(rule, { code: CODE, errors: [{}], output: null }), /expected no fix/);
  });
});
