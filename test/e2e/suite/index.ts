// The entry VS Code calls inside the extension host (extensionTestsPath): runs every *.test.js
// beside it with mocha and rejects when any test fails, which is what makes the editor exit non-zero.
//
// Environment (all optional):
//   LAYERWISE_E2E_GREP     only run tests whose full title matches this regular expression
//   LAYERWISE_E2E_RESULTS  write {passed, failed, tests:[{title, state, error?}]} as JSON to this path,
//                          for a runner that cannot read the extension host's console
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import { waitForServerReady } from './helpers';

interface TestOutcome {
  title: string;
  state: 'passed' | 'failed';
  durationMs?: number;
  error?: string;
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? error.message;
  return String(error);
}

function writeResults(outcomes: TestOutcome[]): void {
  const path = process.env.LAYERWISE_E2E_RESULTS;
  if (!path) return;
  const passed = outcomes.filter((outcome) => outcome.state === 'passed').length;
  writeFileSync(path, JSON.stringify({ passed, failed: outcomes.length - passed, tests: outcomes }, null, 2));
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 60_000,
    reporter: 'spec',
    rootHooks: { beforeAll: [waitForServerReady] },
  });
  if (process.env.LAYERWISE_E2E_GREP) mocha.grep(new RegExp(process.env.LAYERWISE_E2E_GREP));
  const files = readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    .sort();
  for (const file of files) mocha.addFile(join(__dirname, file));

  const outcomes: TestOutcome[] = [];
  return new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        writeResults(outcomes);
        if (failures > 0) reject(new Error(`${failures} of ${outcomes.length} editor tests failed`));
        else if (outcomes.length === 0) reject(new Error('no editor test ran'));
        else resolve();
      });
      // Written after every test, so a run cut short by its deadline still tells what happened.
      runner.on('pass', (test) => {
        outcomes.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration });
        writeResults(outcomes);
      });
      // A failing hook is reported here too, with the hook's title.
      runner.on('fail', (test, error) => {
        outcomes.push({ title: test.fullTitle(), state: 'failed', error: describeError(error) });
        writeResults(outcomes);
      });
    } catch (error) {
      writeResults([{ title: 'loading the editor tests', state: 'failed', error: describeError(error) }]);
      reject(error);
    }
  });
}
