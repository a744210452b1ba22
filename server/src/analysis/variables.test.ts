import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { expandVariables, parseArgDeclarations } from './variables';

const values = new Map<string, string | null>([
  ['BASE', 'node:20'],
  ['EMPTY', ''],
  ['UNSET', null],
]);

describe('expandVariables', () => {
  const cases: Array<[string, string, boolean]> = [
    ['$BASE', 'node:20', false],
    ['${BASE}', 'node:20', false],
    ['${BASE}-slim', 'node:20-slim', false],
    ['$BASE-slim', 'node:20-slim', false],
    ['${MISSING:-alpine}', 'alpine', false],
    ['${UNSET:-alpine}', 'alpine', false],
    ['${EMPTY:-alpine}', 'alpine', false],
    ['${EMPTY-alpine}', '', false],
    ['${BASE:-alpine}', 'node:20', false],
    ['${MISSING:-${BASE}}', 'node:20', false],
    ['${BASE:+set}', 'set', false],
    ['${EMPTY:+set}', '', false],
    ['$UNSET', '$UNSET', true],
    ['${MISSING}/app', '${MISSING}/app', true],
    ['${BASE#node:}', '${BASE#node:}', true],
    ['price $5', 'price $5', false],
    ['\\$BASE', '$BASE', false],
    ['${BASE', '${BASE', false],
  ];
  for (const [text, value, unresolved] of cases) {
    it(text, () => assert.deepEqual(expandVariables(text, values), { value, unresolved }));
  }

  it('honours the escape directive', () => {
    assert.deepEqual(expandVariables('`$BASE', values, '`'), { value: '$BASE', unresolved: false });
  });
});

describe('parseArgDeclarations', () => {
  it('names, defaults, quotes and several declarations', () => {
    assert.deepEqual(parseArgDeclarations('A=1 B="x y" C \'D\'=q E=it\\"s'), [
      { name: 'A', defaultValue: '1' },
      { name: 'B', defaultValue: 'x y' },
      { name: 'C', defaultValue: null },
      { name: 'E', defaultValue: 'it"s' },
    ]);
  });

  it('joins line continuations', () => {
    assert.deepEqual(parseArgDeclarations('BASE=node:20 \\\n  TAG=slim'), [
      { name: 'BASE', defaultValue: 'node:20' },
      { name: 'TAG', defaultValue: 'slim' },
    ]);
  });
});
