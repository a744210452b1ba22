// `npm run test:vscode`: the same editor suite in desktop VS Code (Electron) through
// @vscode/test-electron, on the lowest version package.json's engines.vscode allows and on the
// latest stable. It downloads VS Code, so it needs a machine with internet (a laptop, a public CI);
// on Linux without a display run it under `xvfb-run -a`.
//
// Like `npm run test:e2e`, it tests the packaged VSIX: the VSIX is installed with VS Code's own CLI
// into a fresh extensions folder, and that installed folder is the extension under development.
//
// Usage: node scripts/e2e/run-electron.mjs [version…]   (default: the engines minimum and stable)
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';
import { createRunFolders, installedExtensionPath, packageExtension, prepareSuite, repoRoot } from './prepare.mjs';

function minimumEngineVersion() {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const match = /(\d+\.\d+\.\d+)/.exec(manifest.engines?.vscode ?? '');
  if (!match) throw new Error(`package.json engines.vscode "${manifest.engines?.vscode}" names no version`);
  return match[1];
}

function installVsix(vscodeExecutablePath, vsix, folders) {
  const [cli, ...args] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath, { reuseMachineInstall: true });
  const result = spawnSync(
    cli,
    [...args, '--install-extension', vsix, '--force', `--extensions-dir=${folders.extensions}`, `--user-data-dir=${folders.userData}`],
    { encoding: 'utf8', shell: process.platform === 'win32' },
  );
  if (result.status !== 0) throw new Error(`installing the VSIX failed:\n${result.stdout}${result.stderr}`);
}

function readResults(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

async function runOnVersion(version, vsix, suiteEntry) {
  console.log(`\nVS Code ${version}`);
  const vscodeExecutablePath = await downloadAndUnzipVSCode(version);
  const folders = createRunFolders('layerwise-vscode-');
  try {
    installVsix(vscodeExecutablePath, vsix, folders);
    let exitCode;
    try {
      exitCode = await runTests({
        vscodeExecutablePath,
        extensionDevelopmentPath: installedExtensionPath(folders.extensions),
        extensionTestsPath: suiteEntry,
        extensionTestsEnv: { LAYERWISE_E2E_RESULTS: folders.suiteResults },
        launchArgs: [
          folders.suiteWorkspace,
          `--extensions-dir=${folders.extensions}`,
          `--user-data-dir=${folders.userData}`,
          '--disable-workspace-trust',
          '--skip-welcome',
          '--skip-release-notes',
        ],
      });
    } catch (error) {
      exitCode = error?.code ?? 1;
    }
    const results = readResults(folders.suiteResults);
    if (!results) return { passed: 0, failed: 1, note: `VS Code ${version} exited ${exitCode} without results` };
    return { passed: results.passed, failed: results.failed + (exitCode !== 0 && results.failed === 0 ? 1 : 0) };
  } finally {
    rmSync(folders.root, { recursive: true, force: true });
  }
}

const versions = process.argv.slice(2).length > 0 ? process.argv.slice(2) : [minimumEngineVersion(), 'stable'];
let passed = 0;
let failed = 0;
try {
  const vsix = packageExtension();
  const suiteEntry = await prepareSuite();
  for (const version of versions) {
    const outcome = await runOnVersion(version, vsix, suiteEntry);
    if (outcome.note) console.log(`  ✖ ${outcome.note}`);
    console.log(`VS Code ${version}: ${outcome.passed} passed, ${outcome.failed} failed`);
    passed += outcome.passed;
    failed += outcome.failed;
  }
} catch (error) {
  console.error(`\n[test:vscode] ${error instanceof Error ? error.message : error}`);
  failed += 1;
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
