import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadHadolintConfig } from './hadolint-file';

describe('loadHadolintConfig', () => {
  const root = mkdtempSync(join(tmpdir(), 'layerwise-hadolint-'));
  after(() => rmSync(root, { recursive: true, force: true }));

  it('reads a configuration file', () => {
    const path = join(root, '.hadolint.yaml');
    writeFileSync(path, 'ignored:\n  - DL3009\n');
    const loaded = loadHadolintConfig(path);
    assert.ok(loaded?.result.ok);
  });

  it('does not follow a symbolic link, which could point outside the workspace', () => {
    const outside = join(root, 'elsewhere.yaml');
    writeFileSync(outside, 'ignored:\n  - DL3009\n');
    mkdirSync(join(root, 'linked'));
    const link = join(root, 'linked', '.hadolint.yml');
    symlinkSync(outside, link);
    assert.equal(loadHadolintConfig(link), null);
  });

  it('answers null for a missing file', () => {
    assert.equal(loadHadolintConfig(join(root, 'missing.yaml')), null);
  });
});
