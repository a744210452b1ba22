import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../analysis/rule';
import { diagnosticsFor, findingToDiagnostic, readDiagnosticData, tooLargeMessage } from './diagnostics';

const finding: Finding = {
  rule: 'add-instead-of-copy',
  code: 'LW201',
  aliases: { hadolint: 'DL3020' },
  severity: 'info',
  message: 'Use COPY to copy local files',
  range: { start: { line: 3, character: 0 }, end: { line: 3, character: 10 } },
  fixes: [
    {
      title: 'Replace ADD with COPY',
      safety: 'safe',
      edits: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 3 } }, newText: 'COPY' }],
    },
  ],
  docsUrl: 'https://example.invalid/docs/add-instead-of-copy.md',
};

describe('findingToDiagnostic', () => {
  it('maps code, link, severity and carries the fixes with the version', () => {
    const diagnostic = findingToDiagnostic(finding, 7);
    assert.equal(diagnostic.source, 'layerwise');
    assert.equal(diagnostic.code, 'LW201');
    assert.equal(diagnostic.codeDescription?.href, finding.docsUrl);
    assert.equal(diagnostic.severity, 3);
    assert.deepEqual(readDiagnosticData(diagnostic.data), { rule: finding.rule, version: 7, fixes: finding.fixes });
  });
});

describe('readDiagnosticData', () => {
  it('rejects data of any other shape', () => {
    const valid = { rule: 'r', version: 1, fixes: finding.fixes };
    const invalid = [
      undefined,
      'data',
      { ...valid, version: '1' },
      { ...valid, fixes: {} },
      { ...valid, fixes: [{ title: 'x', safety: 'yolo', edits: [] }] },
      { ...valid, fixes: [{ title: 'x', safety: 'safe', edits: [{ newText: 'x', range: { start: { line: -1 } } }] }] },
    ];
    for (const data of invalid) assert.equal(readDiagnosticData(data), null, JSON.stringify(data));
    assert.deepEqual(readDiagnosticData(valid), valid);
  });
});

describe('diagnosticsFor', () => {
  it('reports a skipped large file once, at the start, as information', () => {
    const [notice, ...rest] = diagnosticsFor({ kind: 'too-large', bytes: 5 * 1024 * 1024 }, 1);
    assert.deepEqual(rest, []);
    assert.equal(notice.message, tooLargeMessage(5 * 1024 * 1024));
    assert.equal(notice.message, 'file too large for analysis (5.0 MB); Layerwise analyses files up to 2 MB');
    assert.equal(notice.severity, 3);
    assert.equal(notice.range.start.line, 0);
  });

  it('reports nothing when disabled', () => {
    assert.deepEqual(diagnosticsFor({ kind: 'disabled' }, 1), []);
  });
});
