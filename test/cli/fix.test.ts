import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, before, describe, it } from 'node:test';
import { CLEAN_DOCKERFILE, ensureBuilt, FLAWED_DOCKERFILE, makeWorkspace, runCli } from './cli-harness';

interface Report {
  files: Array<{ path: string; findings: Array<{ code: string; fixes: Array<{ safety: string }> }> }>;
}

describe('layerwise --fix', () => {
  let workspace: ReturnType<typeof makeWorkspace>;
  const read = (path: string) => readFileSync(join(workspace.dir, path), 'utf8');
  const run = (...args: string[]) => runCli(args, { cwd: workspace.dir });

  before(() => ensureBuilt());
  afterEach(() => workspace.remove());

  it('writes the safe fixes back and reports only what remains', () => {
    workspace = makeWorkspace({ 'app/Dockerfile': FLAWED_DOCKERFILE });
    const before = JSON.parse(run('--format', 'json', 'app/Dockerfile').stdout) as Report;
    assert.ok(before.files[0].findings.some((finding) => finding.fixes.some((fix) => fix.safety === 'safe')));

    const result = run('--fix', '--format', 'json', 'app/Dockerfile');
    const fixed = read('app/Dockerfile');
    assert.notEqual(fixed, FLAWED_DOCKERFILE);
    assert.doesNotMatch(fixed, /^ADD /m, 'ADD of a local file became COPY');
    assert.match(fixed, /^COPY app\.sh \/usr\/local\/bin\/app\.sh$/m);
    assert.match(fixed, /rm -rf \/var\/lib\/apt\/lists\/\*/, 'the apt lists are cleaned in the install layer');

    const remaining = (JSON.parse(result.stdout) as Report).files[0].findings;
    assert.equal(result.code, remaining.length > 0 ? 1 : 0);
    for (const finding of remaining) {
      assert.ok(!finding.fixes.some((fix) => fix.safety === 'safe'), `${finding.code} still has a safe fix after --fix`);
    }
    const afterwards = JSON.parse(run('--format', 'json', 'app/Dockerfile').stdout) as Report;
    assert.deepEqual(afterwards.files[0].findings, remaining, 'the report after --fix describes the written file');
  });

  it('is idempotent: a second --fix changes nothing', () => {
    workspace = makeWorkspace({ 'app/Dockerfile': FLAWED_DOCKERFILE });
    run('--fix', 'app/Dockerfile');
    const once = read('app/Dockerfile');
    const second = run('--fix', 'app/Dockerfile');
    assert.equal(read('app/Dockerfile'), once);
    assert.doesNotMatch(second.stdout, /\(fixed\)/);
    assert.match(second.stdout, /Fixed 0 files\./);
  });

  it('marks the fixed file and counts it in the summary', () => {
    workspace = makeWorkspace({ 'app/Dockerfile': FLAWED_DOCKERFILE, 'clean/Dockerfile': CLEAN_DOCKERFILE });
    const result = run('--fix', 'app', 'clean');
    assert.match(result.stdout, /^app\/Dockerfile \(fixed\)$/m);
    assert.match(result.stdout, /^clean\/Dockerfile$/m);
    assert.match(result.stdout, /Fixed 1 file\./);
  });

  it('leaves files without fixes untouched', () => {
    workspace = makeWorkspace({ 'clean/Dockerfile': CLEAN_DOCKERFILE });
    const modified = statSync(join(workspace.dir, 'clean/Dockerfile')).mtimeMs;
    const result = run('--fix', 'clean');
    assert.equal(result.code, 0);
    assert.equal(read('clean/Dockerfile'), CLEAN_DOCKERFILE);
    assert.equal(statSync(join(workspace.dir, 'clean/Dockerfile')).mtimeMs, modified);
  });

  it('applies unsafe fixes too with --unsafe-fixes', () => {
    workspace = makeWorkspace({ 'app/Dockerfile': FLAWED_DOCKERFILE });
    const result = run('--fix', '--unsafe-fixes', '--format', 'json', 'app/Dockerfile');
    const remaining = (JSON.parse(result.stdout) as Report).files[0].findings;
    for (const finding of remaining) {
      assert.ok(
        !finding.fixes.some((fix) => fix.safety === 'safe' || fix.safety === 'unsafe'),
        `${finding.code} still has a bulk-applicable fix after --fix --unsafe-fixes`,
      );
    }
  });

  it('keeps CRLF line endings and a byte order mark', () => {
    const crlf = '\uFEFF' + FLAWED_DOCKERFILE.replace(/\n/g, '\r\n');
    workspace = makeWorkspace({ 'app/Dockerfile': crlf });
    run('--fix', 'app/Dockerfile');
    const fixed = read('app/Dockerfile');
    assert.notEqual(fixed, crlf);
    assert.ok(fixed.startsWith('\uFEFF'), 'the BOM is kept');
    assert.doesNotMatch(fixed.replace(/\r\n/g, ''), /\n/, 'no bare LF was introduced');
  });
});
