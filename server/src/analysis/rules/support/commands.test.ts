import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildModel } from '../../model';
import type { RunScript } from '../../shell-types';
import { baseName, calledPrograms, callsAny, findCalls, firstOperandIndex, hasFlag, invocationOf, invocationsNamed, operands } from './commands';
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

  it('indexes the programs a script calls, wrappers looked through, nested calls included', () => {
    const script = scriptOf('sudo apt-get update && (cd /src && make) && env X=1 pip install . && apt-get clean');
    assert.deepEqual([...calledPrograms(script)].sort(), ['apt-get', 'cd', 'make', 'pip']);
    assert.equal(callsAny(script, ['yum', 'pip']), true);
    assert.equal(callsAny(script, ['yum', 'dnf']), false);
    assert.deepEqual(invocationsNamed(script, ['apt-get']).map((call) => call.args[0]?.value), ['update', 'clean']);
    assert.deepEqual(invocationsNamed(script, ['yum']), []);
  });

  it('gives the calls of several programs in the order the script runs them', () => {
    const script = scriptOf('pip install a && apt-get update && pip install b && apt-get clean');
    assert.deepEqual(
      invocationsNamed(script, ['apt-get', 'pip']).map((call) => `${call.name} ${call.args[0]?.value}`),
      ['pip install', 'apt-get update', 'pip install', 'apt-get clean'],
    );
  });

  it('takes a program named like an Object member for an unknown one', () => {
    const script = scriptOf('toString --help && constructor x && sudo __proto__ y');
    assert.deepEqual(script.commands.map((command) => invocationOf(command)?.name), ['toString', 'constructor', '__proto__']);
    assert.equal(callsAny(script, ['hasOwnProperty']), false);
  });
});
