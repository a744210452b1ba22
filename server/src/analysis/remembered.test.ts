import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { remembered } from './remembered';

describe('remembered', () => {
  it('computes an answer once per key and keeps it', () => {
    const answers = new WeakMap<object, number>();
    const key = {};
    let computed = 0;
    const compute = () => ++computed;
    assert.equal(remembered(answers, key, compute), 1);
    assert.equal(remembered(answers, key, compute), 1);
    assert.equal(remembered(answers, {}, compute), 2);
  });

  it('keeps null and false as answers instead of computing them again', () => {
    const answers = new Map<string, boolean | null>();
    let computed = 0;
    assert.equal(remembered(answers, 'a', () => (computed++, false)), false);
    assert.equal(remembered(answers, 'a', () => (computed++, true)), false);
    assert.equal(remembered(answers, 'b', () => (computed++, null)), null);
    assert.equal(remembered(answers, 'b', () => (computed++, true)), null);
    assert.equal(computed, 2);
  });

  it('passes the key to the computation', () => {
    assert.equal(remembered(new Map<string, number>(), 'four', (key) => key.length), 4);
  });
});
