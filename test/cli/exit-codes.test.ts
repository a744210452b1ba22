import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CLEAN_DOCKERFILE, ensureBuilt, FLAWED_DOCKERFILE, makeWorkspace, repoRoot, runCli } from './cli-harness';

describe('layerwise CLI: exit codes and usage', () => {
  let workspace: ReturnType<typeof makeWorkspace>;
  const run = (...args: string[]) => runCli(args, { cwd: workspace.dir });

  before(() => {
    ensureBuilt();
    workspace = makeWorkspace({ 'clean/Dockerfile': CLEAN_DOCKERFILE, 'flawed/Dockerfile': FLAWED_DOCKERFILE, 'empty/README.md': 'no Dockerfile here\n' });
  });
  after(() => workspace.remove());

  it('exits 0 on a clean Dockerfile', () => {
    const result = run('clean/Dockerfile');
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.equal(result.stderr, '');
  });

  it('exits 1 when there are findings', () => {
    const result = run('flawed/Dockerfile');
    assert.equal(result.code, 1, result.stdout + result.stderr);
  });

  it('exits 1 when any one of several files has findings', () => {
    assert.equal(run('clean', 'flawed').code, 1);
  });

  it('exits 0 when the rules that fire are turned off with --rule', () => {
    const { files } = JSON.parse(run('--format', 'json', 'flawed/Dockerfile').stdout) as { files: Array<{ findings: Array<{ code: string }> }> };
    const codes = [...new Set(files[0].findings.map((finding) => finding.code))];
    assert.ok(codes.length > 0);
    const result = run(...codes.flatMap((code) => ['--rule', `${code}=off`]), 'flawed/Dockerfile');
    assert.equal(result.code, 0, result.stdout);
  });

  it('exits 2 with a message when a path does not exist', () => {
    const result = run('clean/Dockerfile', 'missing/Dockerfile');
    assert.equal(result.code, 2);
    assert.match(result.stderr, /no such file or folder: missing\/Dockerfile/);
    assert.equal(result.stdout, '', 'nothing is reported when an input is missing');
  });

  it('exits 2 when a folder holds no Dockerfile', () => {
    const result = run('empty');
    assert.equal(result.code, 2);
    assert.match(result.stderr, /no Dockerfiles found in empty/);
  });

  for (const [args, pattern] of [
    [['--frobnicate', 'clean'], /Unknown option '--frobnicate'/],
    [['--format', 'xml', 'clean'], /unknown format 'xml'/],
    [['--rule', 'no-such-rule=off', 'clean'], /unknown rule 'no-such-rule'/],
    [['--rule', 'LW101=loud', 'clean'], /unknown setting 'loud'/],
    [['--rule', 'LW101', 'clean'], /--rule expects ID=SETTING/],
    [['--unsafe-fixes', 'clean'], /--unsafe-fixes only applies together with --fix/],
    [['--fix', '-'], /--fix cannot write back to standard input/],
    [[], /no input/],
  ] as const) {
    it(`exits 2 on bad usage: ${args.join(' ') || '(no arguments)'}`, () => {
      const result = run(...args);
      assert.equal(result.code, 2);
      assert.match(result.stderr, pattern);
      assert.match(result.stderr, /layerwise --help/);
    });
  }

  it('warns on stderr, without failing, when --target names no stage of a file', () => {
    const result = run('--target', 'nope', 'clean/Dockerfile');
    assert.equal(result.code, 0);
    assert.match(result.stderr, /clean\/Dockerfile has no stage named 'nope'/);
    assert.equal(run('--target', 'BUILD', 'clean/Dockerfile').stderr, '', 'stage names are case-insensitive');
  });

  it('prints help with the options and exit codes, and exits 0', () => {
    const result = run('--help');
    assert.equal(result.code, 0);
    for (const option of ['--format', '--fix', '--unsafe-fixes', '--sizes', '--target', '--rule', 'Exit codes']) {
      assert.ok(result.stdout.includes(option), `help mentions ${option}`);
    }
  });

  it('prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    const result = run('--version');
    assert.equal(result.code, 0);
    assert.equal(result.stdout.trim(), version);
  });
});
