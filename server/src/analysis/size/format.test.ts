import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatBytes, formatEstimate, formatRange } from './format';

describe('formatBytes (decimal units, like docker images)', () => {
  const cases: Array<[number, string]> = [
    [0, '0 B'],
    [999, '999 B'],
    [512_000, '512 KB'],
    [3_200_000, '3.2 MB'],
    [3_249_999, '3.2 MB'],
    [8_420_000, '8.4 MB'],
    [75_000_000, '75 MB'],
    [74_830_000, '75 MB'],
    [999_600_000, '1 GB'],
    [1_137_000_000, '1.1 GB'],
    [12_400_000_000, '12 GB'],
  ];
  for (const [bytes, text] of cases) {
    it(`${bytes} → ${text}`, () => assert.equal(formatBytes(bytes), text));
  }

  it('nonsense is unknown', () => {
    assert.equal(formatBytes(Number.NaN), 'unknown');
    assert.equal(formatBytes(-1), 'unknown');
  });
});

describe('formatEstimate', () => {
  it('says it is an estimate', () => assert.equal(formatEstimate({ bytes: 75_000_000 }), '≈ 75 MB est.'));
  it('says unknown rather than a number', () => assert.equal(formatEstimate({ bytes: null }), 'size unknown'));
});

describe('formatEstimate with a measure and open ranges', () => {
  it('shows the compressed size when asked', () => {
    assert.equal(formatEstimate({ bytes: 75_000_000, high: 75_000_000, compressedBytes: 28_000_000 }, 'compressed'), '≈ 28 MB est. compressed');
  });
  it('says "≥" when only a lower bound is known', () => {
    assert.equal(formatEstimate({ bytes: 75_000_000, high: null }), '≥ 75 MB est.');
  });
  it('ranges', () => {
    assert.equal(formatRange({ low: 60_000_000, high: 90_000_000 }), '60 MB–90 MB');
    assert.equal(formatRange({ low: 60_000_000, high: null }), '≥ 60 MB');
    assert.equal(formatRange({ low: null, high: null }), '');
  });
});

describe('formatEstimate with only a lower bound', () => {
  it('shows the certain part, not the best guess that may exceed it', () => {
    assert.equal(formatEstimate({ bytes: 913_000_000, low: 689_000_000, high: null }), '≥ 689 MB est.');
    assert.equal(
      formatEstimate({ bytes: 900_000_000, low: 450_000_000, high: null, compressedBytes: 300_000_000 }, 'compressed'),
      '≥ 150 MB est. compressed',
    );
  });

  it('says unknown when nothing is certain', () => {
    assert.equal(formatEstimate({ bytes: 10_000_000, low: 0, high: null }), 'size unknown');
  });
});
