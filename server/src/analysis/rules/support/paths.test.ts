import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildModel } from '../../model';
import type { ShellWord } from '../../shell-types';
import { hasCacheMountOn, isSameOrAncestor, normalizePath, removalCovers, scriptRemoves } from './paths';

const word = (value: string, hasExpansion = false): ShellWord => ({
  value,
  raw: value,
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: value.length } },
  quoted: false,
  hasExpansion,
});

describe('paths', () => {
  it('normalizes globs, slashes and home directories', () => {
    assert.equal(normalizePath('/var/lib/apt/lists/*'), '/var/lib/apt/lists');
    assert.equal(normalizePath('/var//cache/apk/'), '/var/cache/apk');
    assert.equal(normalizePath('~/.npm'), '/root/.npm');
    assert.equal(normalizePath('$HOME/.cache/pip/*'), '/root/.cache/pip');
    assert.equal(normalizePath('/*'), '/');
  });

  it('knows ancestors', () => {
    assert.ok(isSameOrAncestor('/var/lib/apt', '/var/lib/apt/lists'));
    assert.ok(isSameOrAncestor('/var/lib/apt/lists', '/var/lib/apt/lists'));
    assert.ok(!isSameOrAncestor('/var/lib/ap', '/var/lib/apt/lists'));
    assert.ok(!isSameOrAncestor('/var/lib/apt/lists/partial', '/var/lib/apt/lists'));
  });

  it('tells whether an rm operand removes a whole path', () => {
    assert.ok(removalCovers(word('/var/lib/apt/lists/*'), '/var/lib/apt/lists'));
    assert.ok(removalCovers(word('/var/lib/apt'), '/var/lib/apt/lists'));
    assert.ok(!removalCovers(word('/var/lib/apt/lists/*.lz4'), '/var/lib/apt/lists'));
    assert.ok(!removalCovers(word('$LISTS', true), '/var/lib/apt/lists'));
    assert.ok(!removalCovers(word('/'), '/var/lib/apt/lists'), 'rm -rf / is not a cleanup');
  });

  it('reads cleanups and cache mounts from instructions', () => {
    const model = buildModel(
      'FROM debian:12\nRUN apt-get update && rm -fr /tmp/x /var/lib/apt/lists/*\n' +
        'RUN --mount=type=cache,target=/var/cache/apt --mount=type=bind,target=/var/lib/apt apt-get install -y x\n' +
        'RUN --mount=type=tmpfs,dst=/var/lib/apt/lists/ apt-get update\n',
    );
    const [, cleaning, mounted, tmpfs] = model.instructions;
    assert.ok(scriptRemoves(cleaning.script!, '/var/lib/apt/lists'));
    assert.ok(!scriptRemoves(mounted.script!, '/var/lib/apt/lists'));
    assert.ok(hasCacheMountOn(mounted, ['/var/cache/apt/archives']));
    assert.ok(!hasCacheMountOn(mounted, ['/var/lib/apt/lists']), 'a bind mount keeps nothing out of the layer');
    assert.ok(hasCacheMountOn(tmpfs, ['/var/lib/apt/lists']));
  });
});
