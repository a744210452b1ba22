import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBuildContext as readOrUndefined, type ReadContextOptions } from './build-context';
import type { BuildContextInfo } from '../analysis/engine-types';

async function readBuildContext(path: string, options?: ReadContextOptions): Promise<BuildContextInfo> {
  const context = await readOrUndefined(path, options);
  assert.ok(context, `the context of ${path} is readable`);
  return context;
}

function write(root: string, path: string, bytes: number | string): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), typeof bytes === 'string' ? bytes : 'x'.repeat(bytes));
}

describe('readBuildContext', () => {
  let root: string;
  let outside: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'lw-context-'));
    outside = mkdtempSync(join(tmpdir(), 'lw-outside-'));
    write(outside, 'secret.bin', 5000);
    write(root, 'Dockerfile', 'FROM scratch\n');
    write(root, 'src/index.js', 300);
    write(root, 'src/deep/a.log', 10);
    write(root, 'root.log', 20);
    write(root, 'node_modules/express/index.js', 700);
    write(root, 'node_modules/express/lib/router.js', 300);
    write(root, 'package-lock.json', '{"packages":{"":{},"node_modules/express":{}}}');
    write(root, '.dockerignore', '# comment\nnode_modules/\n*.log\n');
    symlinkSync(join(outside, 'secret.bin'), join(root, 'link.bin'));
    symlinkSync(outside, join(root, 'linked-folder'));
  });
  after(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('lists the files docker would send, with sizes, honouring .dockerignore (anchored at the root)', async () => {
    const context = await readBuildContext(join(root, 'Dockerfile'));
    const paths = (context.files ?? []).map((file) => file.path).sort();
    // `*.log` matches at the root only, as in Docker; node_modules/ is excluded; symbolic links are not followed.
    assert.deepEqual(paths, ['.dockerignore', 'Dockerfile', 'package-lock.json', 'src/deep/a.log', 'src/index.js']);
    assert.equal(context.files?.find((file) => file.path === 'src/index.js')?.bytes, 300);
    assert.match(context.dockerignore ?? '', /node_modules/);
    assert.equal(context.truncated, undefined);
  });

  it('still measures an existing node_modules and reads the lock files for the estimator', async () => {
    const context = await readBuildContext(join(root, 'Dockerfile'));
    assert.equal(context.nodeModulesBytes, 1000);
    assert.deepEqual(context.manifests?.map((manifest) => manifest.path), ['package-lock.json']);
  });

  it('prefers <Dockerfile>.dockerignore and lets `!` bring back a file inside an excluded folder, as Docker does', async () => {
    write(root, 'build.Dockerfile', 'FROM scratch\n');
    write(root, 'build.Dockerfile.dockerignore', 'src\n!src/index.js\n');
    try {
      const context = await readBuildContext(join(root, 'build.Dockerfile'));
      const paths = (context.files ?? []).map((file) => file.path);
      assert.ok(paths.includes('src/index.js'));
      assert.ok(!paths.includes('src/deep/a.log'));
      assert.ok(paths.includes('root.log'));
    } finally {
      rmSync(join(root, 'build.Dockerfile'));
      rmSync(join(root, 'build.Dockerfile.dockerignore'));
    }
  });

  it('stops at the file limit and says the listing is truncated', async () => {
    const context = await readBuildContext(join(root, 'Dockerfile'), { maxFiles: 2 });
    assert.equal(context.files?.length, 2);
    assert.equal(context.truncated, true);
  });

  it('never throws: a missing folder gives an empty answer, an unreadable file is skipped', async () => {
    const missing = await readOrUndefined(join(root, 'no-such-dir', 'Dockerfile'));
    assert.equal(missing, undefined, 'unknown, not an empty context');
    if (process.getuid?.() !== 0) {
      mkdirSync(join(root, 'locked'));
      write(root, 'locked/file.txt', 10);
      chmodSync(join(root, 'locked'), 0o000);
      try {
        const context = await readBuildContext(join(root, 'Dockerfile'));
        assert.ok(!(context.files ?? []).some((file) => file.path.startsWith('locked/')));
      } finally {
        chmodSync(join(root, 'locked'), 0o755);
        rmSync(join(root, 'locked'), { recursive: true });
      }
    }
  });
});
