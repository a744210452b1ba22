import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../engine';
import type { Finding, Fix, Range } from '../rule';
import { verifyAllFixes, verifyFix } from './verify-fix';

function findingOf(text: string, rule: string): Finding {
  const finding = analyze(text, { estimateSizes: false }).findings.find((candidate) => candidate.rule === rule);
  assert.ok(finding, `expected a ${rule} finding`);
  return finding;
}

function fix(...edits: Array<[Range, string]>): Fix {
  return { title: 'test fix', safety: 'safe', edits: edits.map(([range, newText]) => ({ range, newText })) };
}

const at = (line: number, start: number, end: number): Range => ({ start: { line, character: start }, end: { line, character: end } });

const ADD_FILE = 'FROM alpine:3.20\nADD app.py /app/\n';

describe('verifyFix', () => {
  it('accepts a good fix and returns the fixed text', () => {
    const finding = findingOf(ADD_FILE, 'add-instead-of-copy');
    assert.equal(verifyFix(ADD_FILE, finding, finding.fixes[0]), 'FROM alpine:3.20\nCOPY app.py /app/\n');
  });

  it('rejects a fix that leaves the finding', () => {
    const finding = findingOf(ADD_FILE, 'add-instead-of-copy');
    assert.throws(() => verifyFix(ADD_FILE, finding, fix([at(1, 4, 10), 'main.py'])), /the finding is still there/);
  });

  it('rejects a fix that adds another finding', () => {
    const finding = findingOf(ADD_FILE, 'add-instead-of-copy');
    const untagging = fix([at(1, 0, 3), 'COPY'], [at(0, 11, 16), '']);
    assert.throws(() => verifyFix(ADD_FILE, finding, untagging), /adds a finding of base-image-untagged \(0 → 1\)/);
  });

  it('rejects a fix whose result does not keep the structure', () => {
    const finding = findingOf(ADD_FILE, 'add-instead-of-copy');
    assert.throws(() => verifyFix(ADD_FILE, finding, fix([at(1, 0, 3), 'ADDD'])), /unknown instructions: ADDD/);
    assert.throws(() => verifyFix(ADD_FILE, finding, fix([at(1, 0, 3), 'COPY'], [at(0, 0, 4), 'FORM'])), /number of FROM changed/);
  });

  it('rejects a fix with no effect or overlapping edits', () => {
    const finding = findingOf(ADD_FILE, 'add-instead-of-copy');
    assert.throws(() => verifyFix(ADD_FILE, finding, fix([at(1, 0, 3), 'ADD'])), /changes nothing/);
    assert.throws(() => verifyFix(ADD_FILE, finding, fix([at(1, 0, 3), 'COPY'], [at(1, 2, 5), 'x'])), /cannot be applied/);
  });

  it('rejects a fix after which the rule edits the text it just wrote', () => {
    const text = 'FROM alpine:3.20\nRUN apk add curl && apk add git\n';
    const finding = findingOf(text, 'apk-add-without-no-cache');
    const halfDone = fix([at(1, 4, 30), 'apk add --no-cache curl && apk add git']);
    assert.throws(() => verifyFix(text, finding, halfDone), /not idempotent/);
  });

  it('verifyAllFixes checks every fix of every finding', () => {
    assert.equal(verifyAllFixes('FROM alpine:3.20\nADD app.py /app/\nRUN apk add curl\n'), 3);
    assert.equal(verifyAllFixes('FROM scratch\nCOPY app /app\nUSER 65532\n'), 0);
  });
});
