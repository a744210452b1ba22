import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CLEAN_DOCKERFILE, ensureBuilt, FLAWED_DOCKERFILE, makeWorkspace, runCli } from './cli-harness';

function reportedPaths(stdout: string): string[] {
  return (JSON.parse(stdout) as { files: Array<{ path: string }> }).files.map((file) => file.path);
}

describe('layerwise file discovery and stdin', () => {
  let workspace: ReturnType<typeof makeWorkspace>;
  before(() => {
    ensureBuilt();
    workspace = makeWorkspace({
      'repo/Dockerfile': CLEAN_DOCKERFILE,
      'repo/Containerfile': CLEAN_DOCKERFILE,
      'repo/api/web.Dockerfile': CLEAN_DOCKERFILE,
      'repo/api/worker.dockerfile': CLEAN_DOCKERFILE,
      'repo/deploy/Dockerfile.prod': CLEAN_DOCKERFILE,
      'repo/deploy/Dockerfile.dockerignore': 'node_modules\n',
      'repo/node_modules/dep/Dockerfile': FLAWED_DOCKERFILE,
      'repo/.git/Dockerfile': FLAWED_DOCKERFILE,
      'repo/docs/Dockerfile-notes.md': 'not a Dockerfile\n',
      'repo/src/main.go': 'package main\n',
      'build.docker': FLAWED_DOCKERFILE,
    });
  });
  after(() => workspace.remove());

  it('searches folders recursively for Dockerfile names, skipping node_modules and .git', () => {
    const result = runCli(['--format', 'json', 'repo'], { cwd: workspace.dir });
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(reportedPaths(result.stdout), [
      'repo/Containerfile',
      'repo/Dockerfile',
      'repo/api/web.Dockerfile',
      'repo/api/worker.dockerfile',
      'repo/deploy/Dockerfile.prod',
    ]);
  });

  it('lints a file named on the command line whatever its name, once', () => {
    const result = runCli(['--format', 'json', 'build.docker', 'build.docker'], { cwd: workspace.dir });
    assert.equal(result.code, 1);
    assert.deepEqual(reportedPaths(result.stdout), ['build.docker']);
  });

  it('reads standard input for -', () => {
    const flawed = runCli(['--format', 'json', '-'], { cwd: workspace.dir, input: FLAWED_DOCKERFILE });
    assert.equal(flawed.code, 1);
    const report = JSON.parse(flawed.stdout) as { files: Array<{ path: string; findings: unknown[] }> };
    assert.equal(report.files[0].path, '<stdin>');
    assert.ok(report.files[0].findings.length > 0);

    const clean = runCli(['-'], { cwd: workspace.dir, input: CLEAN_DOCKERFILE });
    assert.equal(clean.code, 0);
    assert.match(clean.stdout, /^<stdin>\n/);
  });

  it('reports the same findings for a file and for the same text on stdin', () => {
    const fromFile = JSON.parse(runCli(['--format', 'json', 'build.docker'], { cwd: workspace.dir }).stdout) as {
      files: Array<{ findings: unknown[] }>;
    };
    const fromStdin = JSON.parse(runCli(['--format', 'json', '-'], { cwd: workspace.dir, input: FLAWED_DOCKERFILE }).stdout) as {
      files: Array<{ findings: unknown[] }>;
    };
    assert.deepEqual(fromStdin.files[0].findings, fromFile.files[0].findings);
  });
});
