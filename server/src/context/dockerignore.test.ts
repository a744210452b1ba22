import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cleanPattern, parseDockerignore } from './dockerignore';

describe('parseDockerignore', () => {
  it('anchors patterns at the context root, unlike .gitignore', () => {
    const matcher = parseDockerignore('*.md\n');
    assert.equal(matcher.excludes('README.md'), true);
    assert.equal(matcher.excludes('docs/guide.md'), false);
  });

  it('supports ** for any depth and excludes everything under an excluded folder', () => {
    const matcher = parseDockerignore('**/*.log\n/build/\n');
    assert.equal(matcher.excludes('a/b/c.log'), true);
    assert.equal(matcher.excludes('c.log'), true);
    assert.equal(matcher.excludes('build/out/app.js'), true);
    assert.equal(matcher.canSkipFolder('build'), true);
  });

  it('the last matching pattern wins, and ! re-includes even inside an excluded folder', () => {
    const matcher = parseDockerignore('*\n!src\nsrc/tmp\n!src/tmp/keep.txt\n');
    assert.equal(matcher.excludes('package.json'), true);
    assert.equal(matcher.excludes('src/index.ts'), false);
    assert.equal(matcher.excludes('src/tmp/x'), true);
    assert.equal(matcher.excludes('src/tmp/keep.txt'), false);
    // With exceptions a folder must be walked: something inside may come back.
    assert.equal(matcher.canSkipFolder('src/tmp'), false);
  });

  it('cleans patterns the way Docker does', () => {
    assert.deepEqual(cleanPattern('  ./a//b/  '), { pattern: 'a/b', negated: false });
    assert.deepEqual(cleanPattern('!/dist/'), { pattern: 'dist', negated: true });
    assert.equal(cleanPattern('# note'), null);
    assert.equal(cleanPattern('   '), null);
    assert.equal(parseDockerignore(null).excludes('anything'), false);
  });
});
