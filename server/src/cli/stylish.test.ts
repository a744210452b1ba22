import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StageSummary } from '../analysis/engine-types';
import type { Finding, Severity } from '../analysis/rule';
import { COLORS, NO_COLORS } from './colors';
import type { FileResult } from './file-result';
import { renderStylish } from './stylish';

function finding(line: number, character: number, severity: Severity, safety?: 'safe' | 'unsafe'): Finding {
  const range = { start: { line, character }, end: { line, character: character + 3 } };
  return {
    rule: 'demo-rule',
    code: 'LW900',
    aliases: {},
    severity,
    message: `problem at ${line}`,
    range,
    fixes: safety ? [{ title: 'fix it', safety, edits: [{ range, newText: 'x' }] }] : [],
    docsUrl: 'https://example.invalid/demo-rule.md',
  };
}

const stage: StageSummary = {
  index: 0,
  name: null,
  ships: true,
  roles: ['ships'],
  base: 'node:20',
  line: 0,
  estimate: { bytes: 1_100_000_000, low: 1_000_000_000, high: 1_200_000_000, compressedBytes: null, basis: 'table' },
};

const files: FileResult[] = [
  {
    path: 'Dockerfile',
    findings: [finding(0, 0, 'error', 'safe'), finding(11, 4, 'warning', 'unsafe'), finding(12, 0, 'hint')],
    stages: [stage],
    estimates: [],
    fixed: false,
  },
];

const stripAnsi = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

describe('renderStylish', () => {
  it('aligns columns and marks fixes', () => {
    const output = renderStylish(files, { palette: NO_COLORS, sizes: false, fixRan: false });
    assert.equal(
      output,
      [
        'Dockerfile',
        '   1:1  error    problem at 0  LW900 (demo-rule)  [fix]',
        '  12:5  warning  problem at 11  LW900 (demo-rule)  [unsafe fix]',
        '  13:1  hint     problem at 12  LW900 (demo-rule)',
        '',
        '  Stages',
        '    FROM node:20 (line 1) ≈ 1.1 GB est. · ships',
        '',
        '✖ 3 problems (1 error, 1 warning, 1 hint) in 1 file',
        '  1 fixable with --fix; 1 more with --fix --unsafe-fixes',
        '',
      ].join('\n'),
    );
  });

  it('lays out colored output exactly like plain output', () => {
    const colored = renderStylish(files, { palette: COLORS, sizes: true, fixRan: true });
    assert.notEqual(colored, stripAnsi(colored), 'colors are present');
    assert.equal(stripAnsi(colored), renderStylish(files, { palette: NO_COLORS, sizes: true, fixRan: true }));
  });
});
