// `npm run test:e2e`: the real-editor tests on machines without internet (and in CI).
//  1. install code-server (cached) and check for Chromium;
//  2. build and package the real VSIX, install it into a fresh extensions folder;
//  3. start code-server on 127.0.0.1 (own process group), and in headless Chromium:
//     a. run the editor suite (test/e2e/suite) in the extension host, with the installed VSIX as
//        the extension under development, so the suite tests exactly what ships;
//     b. run the UI smoke test (test/e2e/ui/smoke.ts) against the installed VSIX;
//  4. kill code-server's process group whatever happened, print `N passed, N failed`.
// Screenshots and logs go to test-results/.
//
// Environment: LAYERWISE_E2E_CACHE (code-server cache dir), LAYERWISE_E2E_CHROMIUM (browser),
// LAYERWISE_E2E_GREP (run only matching suite tests), LAYERWISE_E2E_KEEP=1 (keep the temp folders),
// LAYERWISE_E2E_SKIP_UI=1 / LAYERWISE_E2E_SKIP_SUITE=1 (run one half).
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { launchBrowser, runSuiteInBrowser } from './browser-suite.mjs';
import { installExtension, startCodeServer } from './code-server.mjs';
import { ensureCodeServer } from './install-code-server.mjs';
import { createRunFolders, installedExtensionPath, packageExtension, prepareSuite, repoRoot, resultsDir } from './prepare.mjs';

const SUITE_DEADLINE_MS = 180_000;
const started = Date.now();
const outcomes = []; // { name, state: 'passed' | 'failed' | 'skipped', error? }
let codeServer;
let browser;
let folders;

function elapsed() {
  return `${((Date.now() - started) / 1000).toFixed(0)} s`;
}

function removeRunFolders() {
  if (!folders) return;
  if (process.env.LAYERWISE_E2E_KEEP) console.log(`[e2e] kept ${folders.root}`);
  else rmSync(folders.root, { recursive: true, force: true });
  folders = undefined;
}

// Whatever ends this process, code-server's group must not outlive it.
process.on('exit', () => {
  codeServer?.stopNow();
  removeRunFolders();
});
for (const [signal, number] of [['SIGINT', 2], ['SIGTERM', 15], ['SIGHUP', 1]]) {
  process.on(signal, () => {
    console.error(`\n[e2e] ${signal}: stopping code-server`);
    codeServer?.stopNow();
    process.exit(128 + number);
  });
}

function recordSuite({ exitCode, results }) {
  for (const test of results?.tests ?? []) {
    outcomes.push({ name: `suite: ${test.title}`, state: test.state, error: test.error });
    const mark = test.state === 'passed' ? '✔' : '✖';
    // The assertion and its diff, without the stack frames below it.
    const detail = test.error?.split('\n').filter((line) => !/^\s+at /.test(line)).slice(0, 16);
    const reason = detail ? `\n      ${detail.join('\n      ')}` : '';
    console.log(`  ${mark} ${test.title}${reason}`);
  }
  if (!results) {
    const why = exitCode === undefined ? `did not finish within ${SUITE_DEADLINE_MS / 1000} s` : `exited ${exitCode} without results`;
    outcomes.push({ name: 'suite', state: 'failed', error: why });
    console.log(`  ✖ the editor suite ${why} (see test-results/suite-browser-console.log)`);
  } else if (exitCode !== 0 && results.failed === 0) {
    outcomes.push({ name: 'suite exit code', state: 'failed', error: `extension host exited ${exitCode}` });
    console.log(`  ✖ the extension host exited ${exitCode} although every test passed`);
  }
}

async function main() {
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });
  const installation = ensureCodeServer();
  const vsix = packageExtension();
  const suiteEntry = await prepareSuite();
  folders = createRunFolders();
  try {
    installExtension({ entry: installation.entry, vsix, extensionsDir: folders.extensions, userDataDir: folders.userData });
    const extensionPath = installedExtensionPath(folders.extensions);
    console.log(`[e2e] installed ${vsix.slice(repoRoot.length + 1)} into the editor (${elapsed()})`);

    codeServer = await startCodeServer({
      entry: installation.entry,
      userDataDir: folders.userData,
      extensionsDir: folders.extensions,
      logFile: join(resultsDir, 'code-server.log'),
      env: { LAYERWISE_E2E_RESULTS: folders.suiteResults },
    });
    console.log(`[e2e] code-server ${codeServer.url} is up (pid ${codeServer.pid}, ${elapsed()})`);
    browser = await launchBrowser(folders.browserProfile);

    if (!process.env.LAYERWISE_E2E_SKIP_SUITE) {
      console.log('\neditor suite (vscode API in the extension host)');
      recordSuite(
        await runSuiteInBrowser({
          context: browser,
          url: codeServer.url,
          workspace: folders.suiteWorkspace,
          extensionDevelopmentPath: extensionPath,
          extensionTestsPath: suiteEntry,
          resultsFile: folders.suiteResults,
          logDir: resultsDir,
          deadlineMs: SUITE_DEADLINE_MS,
        }),
      );
    }

    if (!process.env.LAYERWISE_E2E_SKIP_UI) {
      console.log('\nUI smoke test (Chromium, installed VSIX)');
      const { runUiSmoke } = await tsImport(pathToFileURL(join(repoRoot, 'test', 'e2e', 'ui', 'smoke.ts')).href, import.meta.url);
      const steps = await runUiSmoke({
        context: browser,
        url: codeServer.url,
        workspace: folders.uiWorkspace,
        screenshotDir: resultsDir,
        log: (line) => console.log(line),
      });
      for (const step of steps) outcomes.push({ name: `ui: ${step.name}`, state: step.state, error: step.error });
    }
  } finally {
    await browser?.close().catch(() => undefined);
    await codeServer?.stop();
    removeRunFolders();
  }
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  console.error(`\n[e2e] ${error instanceof Error ? error.message : error}`);
  outcomes.push({ name: 'setup', state: 'failed', error: String(error) });
}
const count = (state) => outcomes.filter((outcome) => outcome.state === state).length;
const [passed, failed, skipped] = [count('passed'), count('failed'), count('skipped')];
if (failed > 0 || passed === 0) exitCode = 1;
console.log(`\n[e2e] finished in ${elapsed()}; screenshots and logs in test-results/`);
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(exitCode);
