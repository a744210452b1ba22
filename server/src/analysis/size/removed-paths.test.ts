import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel } from '../model';
import type { ShellWord } from '../shell-types';
import { findCalls, operands } from '../rules/support/commands';
import { RM, removalCovers } from '../rules/support/paths';
import { RemovedPaths } from './removed-paths';

function rmOperands(run: string): ShellWord[] {
  const script = buildModel(`FROM debian\nRUN ${run}\n`).instructions.find((candidate) => candidate.keyword === 'RUN')?.script;
  assert.ok(script, run);
  return findCalls(script, RM).flatMap((call) => operands(call));
}

const PATHS = ['/', '/usr', '/var/lib/apt', '/var/lib/apt/lists', '/var/lib/apt/lists/partial', '/var/lib/apt/listsx', '/root/.npm', '/root/.npm/_cacache', '/tmp/a', '/app/dist/', '//app//dist', 'app', ' /tmp/a '];

describe('RemovedPaths', () => {
  it('covers a path exactly when removalCovers accepts one of the operands', () => {
    const runs = [
      'rm -rf /var/lib/apt/lists/*',
      'rm -rf /var/lib/apt/ /tmp/a/',
      'rm -rf ~/.npm $HOME/.cache "${HOME}/.m2"',
      'rm -rf "$DIR" /app/*.log /',
      'rm -f //app//dist// app',
      'rm -rf /app/./dist /tmp/../tmp/a',
    ];
    for (const run of runs) {
      const operandWords = rmOperands(run);
      const removed = new RemovedPaths(operandWords);
      for (const path of PATHS) {
        assert.equal(removed.covers(path), operandWords.some((operand) => removalCovers(operand, path)), `${run} / ${path}`);
      }
    }
  });

  it('reads the usual cleanups', () => {
    const lists = new RemovedPaths(rmOperands('rm -rf /var/lib/apt/lists/*'));
    assert.equal(lists.covers('/var/lib/apt/lists'), true);
    assert.equal(lists.covers('/var/lib/apt/lists/partial'), true);
    assert.equal(lists.covers('/var/lib/apt'), false);
    assert.equal(lists.isEmpty, false);
    assert.equal(new RemovedPaths(rmOperands('rm -rf "$BUILD_DIR"')).isEmpty, true, 'an expanded operand names no known path');
    assert.equal(new RemovedPaths(rmOperands('rm -rf /')).covers('/usr'), false, 'removing / is not read as a cleanup');
  });
});
