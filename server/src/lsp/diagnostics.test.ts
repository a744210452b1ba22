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
  it('maps code, link, severity and names the finding (rule, version, index), without its fixes', () => {
    const diagnostic = findingToDiagnostic(finding, 7, 4);
    assert.equal(diagnostic.source, 'layerwise');
    assert.equal(diagnostic.code, 'LW201');
    assert.equal(diagnostic.codeDescription?.href, finding.docsUrl);
    assert.equal(diagnostic.severity, 3);
    assert.deepEqual(diagnostic.data, { rule: finding.rule, version: 7, index: 4 });
  });
});

describe('readDiagnosticData', () => {
  it('rejects data of any other shape', () => {
    const valid = { rule: 'r', version: 1, index: 3 };
    const invalid = [undefined, 'data', [], { ...valid, version: '1' }, { ...valid, index: -1 }, { ...valid, index: 1.5 }, { ...valid, rule: 7 }];
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
