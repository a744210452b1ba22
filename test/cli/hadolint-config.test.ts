// `.hadolint.yaml` and `--failure-threshold` as a CI job sees them: through the exit code.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ensureBuilt, makeWorkspace, runCli } from './cli-harness';

/** One warning-level finding (untagged base, hadolint DL3006) and nothing else at warning or above. */
const UNTAGGED = 'FROM alpine\nUSER 65532\nCMD ["/bin/true"]\n';

interface JsonReport {
  files: Array<{ path: string; findings: Array<{ code: string; severity: string; aliases: { hadolint?: string } }> }>;
}

describe('layerwise CLI: hadolint configuration and failure threshold', () => {
  let workspace: ReturnType<typeof makeWorkspace>;
  const run = (...args: string[]) => runCli(args, { cwd: workspace.dir });
  const findingsOf = (...args: string[]) => (JSON.parse(run('--format', 'json', ...args).stdout) as JsonReport).files[0].findings;

  before(() => {
    ensureBuilt();
    workspace = makeWorkspace({
      'plain/Dockerfile': UNTAGGED,
      'ignored/Dockerfile': UNTAGGED,
      'ignored/.hadolint.yaml': 'ignored:\n  - DL3006\n',
      'lowered/Dockerfile': UNTAGGED,
      'lowered/.hadolint.yml': 'override:\n  style: [DL3006]\nfailure-threshold: info\n',
      'broken/Dockerfile': UNTAGGED,
      'broken/.hadolint.yaml': 'ignored: [DL3006\n',
      'odd/Dockerfile': UNTAGGED,
      'odd/.hadolint.yaml': 'ignored: [DL3006]\nfrobnicate: true\n',
      'ci/strict.yaml': 'override:\n  error: [DL3006]\nfailure-threshold: error\n',
    });
  });
  after(() => workspace.remove());

  it('finds the untagged base without a configuration, and fails', () => {
    const codes = findingsOf('plain/Dockerfile').filter((finding) => finding.aliases.hadolint === 'DL3006');
    assert.equal(codes.length, 1);
    assert.equal(run('plain/Dockerfile').code, 1);
  });

  it('exits 1 only for findings at or above --failure-threshold', () => {
    const severities = new Set(findingsOf('plain/Dockerfile').map((finding) => finding.severity));
    assert.ok(!severities.has('error'), `expected no error-level finding, got ${[...severities].join(', ')}`);
    assert.equal(run('--failure-threshold', 'error', 'plain/Dockerfile').code, 0);
    assert.equal(run('--failure-threshold', 'warning', 'plain/Dockerfile').code, 1);
    assert.equal(run('--failure-threshold', 'none', 'plain/Dockerfile').code, 0);
  });

  it('applies ignored rules from .hadolint.yaml next to the Dockerfile', () => {
    assert.equal(findingsOf('ignored/Dockerfile').some((finding) => finding.aliases.hadolint === 'DL3006'), false);
  });

  it('maps override style to hint, and honours the file\'s failure-threshold', () => {
    const finding = findingsOf('lowered/Dockerfile').find((candidate) => candidate.aliases.hadolint === 'DL3006');
    assert.equal(finding?.severity, 'hint');
    const atOrAboveInfo = findingsOf('lowered/Dockerfile').filter((candidate) => candidate.severity !== 'hint');
    assert.equal(run('lowered/Dockerfile').code, atOrAboveInfo.length > 0 ? 1 : 0);
    assert.equal(run('--failure-threshold', 'hint', 'lowered/Dockerfile').code, 1, 'the command line wins over the file');
  });

  it('lets --rule win over the file', () => {
    const finding = findingsOf('--rule', 'DL3006=error', 'ignored/Dockerfile').find((candidate) => candidate.aliases.hadolint === 'DL3006');
    assert.equal(finding?.severity, 'error');
  });

  it('uses --config for every file', () => {
    const finding = findingsOf('--config', 'ci/strict.yaml', 'ignored/Dockerfile').find((candidate) => candidate.aliases.hadolint === 'DL3006');
    assert.equal(finding?.severity, 'error');
    assert.equal(run('--config', 'ci/strict.yaml', 'plain/Dockerfile').code, 1);
    const missing = run('--config', 'ci/missing.yaml', 'plain/Dockerfile');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read --config ci\/missing\.yaml/);
  });

  it('stops with exit 2 on a file that is not valid YAML, and warns about unknown keys', () => {
    const broken = run('broken/Dockerfile');
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /invalid configuration:\n {2}\S*\.hadolint\.yaml:\d+: /);
    const odd = run('odd/Dockerfile');
    assert.match(odd.stderr, /warning: \S*\.hadolint\.yaml: unknown key 'frobnicate' is ignored/);
    assert.equal(odd.stderr.match(/frobnicate/g)?.length, 1, 'each warning once');
  });
});
