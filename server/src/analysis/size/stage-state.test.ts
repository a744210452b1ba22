import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolvePath } from './stage-state';

describe('resolvePath', () => {
  const cases: Array<[string, string, string]> = [
    ['/', '.', '/'],
    ['/app', '.', '/app'],
    ['/app', './', '/app'],
    ['/app', 'app.jar', '/app/app.jar'],
    ['/', 'app.jar', '/app.jar'],
    ['/app', '..', '/'],
    ['/app', '...', '/app/...'],
    ['/app', 'dist/', '/app/dist'],
    ['/app', './src/../lib', '/app/lib'],
    ['/app', '/srv//www/', '/srv/www'],
    ['/app', '/srv/www', '/srv/www'],
    // A working directory that is not resolved yet is resolved with the path.
    ['/app/', 'x', '/app/x'],
    ['/a/./b', '.', '/a/b'],
    ['/a/.hidden', 'x', '/a/.hidden/x'],
  ];
  for (const [workdir, path, expected] of cases) {
    it(`${workdir} + ${path} → ${expected}`, () => assert.equal(resolvePath(workdir, path), expected));
  }
});
