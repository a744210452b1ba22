// The CLI reads each Dockerfile's build context (its folder, .dockerignore honoured) for the size
// estimates: `COPY . .` is priced with the real bytes of the files docker would send.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ensureBuilt, makeWorkspace, runCli } from './cli-harness';

interface JsonEstimate {
  bytes: number | null;
  low: number | null;
  high: number | null;
}

function shippedEstimate(stdout: string): JsonEstimate {
  const document = JSON.parse(stdout) as { files: Array<{ stages: Array<{ ships: boolean; estimate: JsonEstimate }> }> };
  const shipped = document.files[0].stages.find((stage) => stage.ships);
  assert.ok(shipped, 'a stage ships');
  return shipped.estimate;
}

describe('layerwise sizes with the build context', () => {
  let workspace: ReturnType<typeof makeWorkspace>;
  before(() => {
    ensureBuilt();
    workspace = makeWorkspace({
      'Dockerfile': 'FROM scratch\nCOPY . /app\n',
      '.dockerignore': 'ignored/\n',
      'kept.bin': 'x'.repeat(40_000),
      'ignored/huge.bin': 'x'.repeat(900_000),
    });
  });
  after(() => workspace.remove());

  it('counts the files of the folder the Dockerfile is in, minus what .dockerignore excludes', () => {
    const run = runCli(['--format', 'json', 'Dockerfile'], { cwd: workspace.dir });
    const estimate = shippedEstimate(run.stdout);
    // kept.bin + the Dockerfile + the .dockerignore; never the ignored folder.
    const expected = 40_000 + 'FROM scratch\nCOPY . /app\n'.length + 'ignored/\n'.length;
    assert.equal(estimate.bytes, expected);
    assert.equal(estimate.high, expected);
  });

  it('from standard input there is no context: the size is a lower bound', () => {
    const run = runCli(['--format', 'json', '-'], { cwd: workspace.dir, input: 'FROM scratch\nCOPY . /app\n' });
    const estimate = shippedEstimate(run.stdout);
    assert.equal(estimate.bytes, 0);
    assert.equal(estimate.high, null);
  });
});
