// The VSIX ships dist/, snippets/, package.json, README, CHANGELOG and LICENSE, and nothing else (.vscodeignore).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { before, describe, it } from 'node:test';
import { ensureBuilt, repoRoot } from '../cli/cli-harness';

const vsce = join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');

describe('VSIX contents', () => {
  let files: string[];
  before(() => {
    ensureBuilt();
    const listing = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
    assert.equal(listing.status, 0, listing.stderr);
    files = listing.stdout.split('\n').map((line) => line.trim()).filter(Boolean).sort();
  });

  it('holds only the bundle, the snippets and the package metadata', () => {
    const allowed = (file: string) =>
      ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE'].includes(file) ||
      /^dist\/[^/]+\.js$/.test(file) ||
      /^snippets\/[^/]+\.code-snippets$/.test(file);
    assert.deepEqual(files.filter((file) => !allowed(file)), []);
    for (const required of ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'dist/client.js', 'dist/server.js', 'dist/analysis-worker.js']) {
      assert.ok(files.includes(required), `the VSIX contains ${required}`);
    }
    assert.ok(files.some((file) => file.startsWith('snippets/')), 'the VSIX contains the snippets');
  });

  it('packages to less than 1 MB', () => {
    const outDir = mkdtempSync(join(tmpdir(), 'layerwise-vsix-'));
    try {
      const out = join(outDir, 'layerwise.vsix');
      const result = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], {
        cwd: repoRoot,
        encoding: 'utf8',
        timeout: 120_000,
      });
      assert.equal(result.status, 0, result.stdout + result.stderr);
      const bytes = statSync(out).size;
      assert.ok(bytes < 1_000_000, `the VSIX is ${bytes} bytes`);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
