import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COLORS, padEnd, shouldUseColors, visibleLength } from './colors';

describe('terminal colors', () => {
  it('are used only on a terminal without NO_COLOR', () => {
    assert.equal(shouldUseColors(true, {}), true);
    assert.equal(shouldUseColors(false, {}), false);
    assert.equal(shouldUseColors(undefined, {}), false);
    assert.equal(shouldUseColors(true, { NO_COLOR: '1' }), false);
    assert.equal(shouldUseColors(true, { NO_COLOR: '' }), true, 'an empty NO_COLOR does not count (no-color.org)');
  });

  it('do not count toward column widths', () => {
    const styled = COLORS.red('error');
    assert.equal(visibleLength(styled), 5);
    assert.equal(visibleLength(padEnd(styled, 8)), 8);
  });
});
