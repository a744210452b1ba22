import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel } from '../model';
import type { RunScript } from '../shell-types';
import { findCalls, type ToolSpec } from '../rules/support/commands';
import { APK, APT } from '../rules/support/package-managers';
import { RM } from '../rules/support/paths';
import { findInstallCalls } from '../rules/support/pinning-command-line';
import { APK_ADD, APT_INSTALL, NPM_INSTALL, PIP_INSTALL } from '../rules/support/pinning-syntaxes';
import { RunCalls } from './run-calls';

function script(run: string): RunScript {
  const instruction = buildModel(`FROM debian\nRUN ${run}\n`).instructions.find((candidate) => candidate.keyword === 'RUN');
  assert.ok(instruction?.script, run);
  return instruction.script;
}

const SCRIPTS = [
  'apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*',
  'sudo apt-get -o Dpkg::Use-Pty=0 install -y git && apt-get purge -y --auto-remove git && apt autoremove',
  'echo $(apt-get install -y jq) && (cd /tmp && rm -rf a b) && apk add --no-cache curl',
  'npm ci && npm run build && yarn install && pnpm add left-pad && npm cache clean --force',
  'python3 -m pip install -r requirements.txt && pip3 install --no-cache-dir flask && pip cache purge',
  'env DEBIAN_FRONTEND=noninteractive apt-get install -y tzdata; ${TOOL} install x; rm -f /tmp/$FILE',
  'go build -o /out/app ./cmd && go mod download && cargo build --release',
  'true',
];

const TOOLS: Array<[ToolSpec, string[] | undefined]> = [
  [APT, undefined],
  [APT, ['update']],
  [APT, ['purge', 'remove', 'autoremove']],
  [APK, ['add', 'update', 'upgrade']],
  [RM, undefined],
  [{ programs: ['npm', 'yarn', 'pnpm'] }, ['run', 'build']],
  [{ programs: ['yarn', 'pnpm'] }, undefined],
  [{ programs: ['go'] }, ['build', 'install']],
];

describe('RunCalls', () => {
  it('finds what findCalls finds, for every tool and subcommand list, in document order', () => {
    for (const text of SCRIPTS) {
      const calls = new RunCalls(script(text));
      for (const [tool, subcommands] of TOOLS) {
        assert.deepEqual(calls.of(tool, subcommands), findCalls(calls.script, tool, subcommands), `${text} / ${tool.programs.join(',')} ${subcommands ?? ''}`);
      }
    }
  });

  it('says whether a tool is called with one of the subcommands exactly when of() lists a call', () => {
    for (const text of SCRIPTS) {
      const calls = new RunCalls(script(text));
      for (const [tool, subcommands] of TOOLS) {
        if (!subcommands) continue;
        assert.equal(calls.has(tool, subcommands), findCalls(calls.script, tool, subcommands).length > 0, `${text} / ${tool.programs.join(',')} ${subcommands}`);
      }
    }
  });

  it('finds what findInstallCalls finds, python -m pip included', () => {
    for (const text of SCRIPTS) {
      const calls = new RunCalls(script(text));
      for (const syntax of [APT_INSTALL, APK_ADD, NPM_INSTALL, PIP_INSTALL]) {
        assert.deepEqual(calls.installs(syntax), findInstallCalls(calls.script, syntax), text);
      }
    }
    const pip = new RunCalls(script('python3 -m pip install flask'));
    assert.deepEqual(pip.installs(PIP_INSTALL).map((call) => call.packages.map((word) => word.value)), [['flask']]);
  });

  it('lists the programs by the names the estimator prices, leaving out names the shell expands', () => {
    const calls = new RunCalls(script('sudo pip3 install x && python3.12 -c 1 && ${TOOL} run && /usr/bin/apt-get update && pip3 install y'));
    assert.deepEqual(calls.programs, ['pip', 'python', 'apt-get', 'pip'], 'one per call');
    assert.equal(calls.callsPriced(['python', 'npm']), true);
    assert.equal(calls.callsPriced(['pip3', 'python3']), false, 'priced names are normalised');
    assert.equal(calls.callsAny(['pip3']), true, 'callsAny uses the names as written');
    assert.equal(calls.callsAny(['pip']), false);
  });

  it('answers a tool the script does not call with no calls', () => {
    const calls = new RunCalls(script('echo hi'));
    assert.deepEqual(calls.of(APT, ['update']), []);
    assert.deepEqual(calls.installs(APT_INSTALL), []);
  });
});
