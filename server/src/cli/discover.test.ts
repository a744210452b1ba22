import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { discoverFiles, InputError, isDockerfileName } from './discover';

describe('isDockerfileName', () => {
  for (const name of ['Dockerfile', 'Containerfile', 'Dockerfile.prod', 'Dockerfile.dev.arm64', 'web.Dockerfile', 'api.dockerfile']) {
    it(`accepts ${name}`, () => assert.equal(isDockerfileName(name), true));
  }
  for (const name of ['dockerfile.txt', 'Dockerfile.dockerignore', 'web.Dockerfile.dockerignore', 'Dockerfiles', 'docker-compose.yml', 'README.md', 'MyDockerfile']) {
    it(`rejects ${name}`, () => assert.equal(isDockerfileName(name), false));
  }
});

describe('discoverFiles', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'layerwise-discover-'));
    for (const path of ['b/Dockerfile', 'a/Dockerfile', 'a/node_modules/x/Dockerfile', 'a/.git/Dockerfile', 'a/notes.txt']) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), 'FROM scratch\n');
    }
    // A link back to the root must not make the search loop.
    symlinkSync(root, join(root, 'a', 'loop'), 'dir');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('finds Dockerfiles in sorted order, skipping node_modules, .git and folder links', () => {
    assert.deepEqual(discoverFiles([root]), [join(root, 'a/Dockerfile'), join(root, 'b/Dockerfile')]);
  });

  it('keeps argument order and drops duplicates', () => {
    const b = join(root, 'b/Dockerfile');
    assert.deepEqual(discoverFiles([b, root, '-', '-']), [b, join(root, 'a/Dockerfile'), '-']);
  });

  it('takes an explicitly named file whatever its name', () => {
    assert.deepEqual(discoverFiles([join(root, 'a/notes.txt')]), [join(root, 'a/notes.txt')]);
  });

  it('throws an InputError for a missing path', () => {
    assert.throws(() => discoverFiles([join(root, 'missing')]), InputError);
  });
});
