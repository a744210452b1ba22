import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildModel } from '../../model';
import type { RunScript } from '../../shell-types';
import { baseName, findCalls, firstOperandIndex, hasFlag, invocationOf, operands } from './commands';
import { APT } from './package-managers';

function scriptOf(run: string): RunScript {
  const model = buildModel(`FROM debian:12\nRUN ${run}\n`);
  const script = model.instructions[1].script;
  assert.ok(script);
  return script;
}

describe('finding commands in a RUN script', () => {
  it('looks through sudo, env and assignments', () => {
    const [sudo, env] = scriptOf('sudo -u root apt-get install -y curl && env DEBIAN_FRONTEND=noninteractive /usr/bin/apt-get update')
      .commands.map((command) => invocationOf(command));
    assert.equal(sudo?.name, 'apt-get');
    assert.deepEqual(sudo?.args.map((word) => word.value), ['install', '-y', 'curl']);
    assert.equal(env?.name, 'apt-get');
    assert.equal(env?.program.value, '/usr/bin/apt-get');
  });

  it('finds a subcommand after options, skipping option values', () => {
    const calls = findCalls(scriptOf('apt-get -o Acquire::Retries=3 -y update; apt-get -qq install curl'), APT, ['update', 'install']);
    assert.deepEqual(calls.map((call) => call.subcommand?.value), ['update', 'install']);
    assert.equal(calls[0].subcommandIndex, 3);
  });

  it('finds nested commands too, in document order', () => {
    const calls = findCalls(scriptOf('if true; then apt-get update; fi && (cd /x && apt-get install -y y)'), APT);
    assert.deepEqual(calls.map((call) => call.subcommand?.value), ['update', 'install']);
  });

  it('reads flags and operands', () => {
    const [rm] = findCalls(scriptOf('rm -rf --one-file-system -- /tmp/a -b'), { programs: ['rm'] });
    assert.ok(hasFlag(rm, '-rf'));
    assert.ok(!hasFlag(rm, '--no-cache'));
    assert.deepEqual(operands(rm).map((word) => word.value), ['/tmp/a', '-b']);
    const [apk] = findCalls(scriptOf('apk add --repository=http://x --no-cache curl'), { programs: ['apk'] });
    assert.ok(hasFlag(apk, '--repository'));
  });

  it('has small helpers that behave at the edges', () => {
    assert.equal(baseName('/usr/local/bin/pip3'), 'pip3');
    assert.equal(baseName('rm'), 'rm');
    assert.equal(firstOperandIndex([]), 0);
  });
});
