// What both editor runners share: the real VSIX (built and packaged exactly as for release), the
// suite bundle, and fresh folders for one run (fixture workspaces, editor user data, extensions).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSuite } from './build-suite.mjs';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixturesDir = join(repoRoot, 'test', 'e2e', 'fixtures');
export const resultsDir = join(repoRoot, 'test-results');

const packageJson = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
export const extensionId = `${packageJson.publisher}.${packageJson.name}`;

function runStep(name, command, args) {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${name} failed (${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`);
  }
  console.log(`[e2e] ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

/** Builds dist/ and packages layerwise.vsix with `npm run package`; returns the VSIX path. */
export function packageExtension() {
  runStep('build', process.execPath, [join(repoRoot, 'scripts', 'build.mjs')]);
  runStep('package the VSIX', 'npm', ['run', '--silent', 'package']);
  const vsix = join(repoRoot, 'layerwise.vsix');
  if (!existsSync(vsix)) throw new Error(`npm run package did not produce ${vsix}`);
  return vsix;
}

export async function prepareSuite() {
  const started = Date.now();
  const entry = await buildSuite();
  console.log(`[e2e] bundle the editor suite (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return entry;
}

/** The folder an installed VSIX was unpacked into, e.g. <extensionsDir>/layerwise.layerwise-0.1.0. */
export function installedExtensionPath(extensionsDir) {
  const prefix = `${extensionId}-`.toLowerCase();
  const match = readdirSync(extensionsDir).find((name) => name.toLowerCase().startsWith(prefix));
  if (!match) throw new Error(`${extensionId} is not installed in ${extensionsDir}`);
  return join(extensionsDir, match);
}

// Quiet, predictable editor: nothing opens on start, nothing phones home, the lightbulb always shows.
const EDITOR_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'files.autoSave': 'off',
  'git.enabled': false,
  'editor.codeLens': true,
  'editor.lightbulb.enabled': 'on',
  'window.restoreWindows': 'none',
};

/** Writes the editor's user settings into a user-data folder laid out as VS Code expects. */
export function writeUserSettings(userDataDir) {
  const userDir = join(userDataDir, 'User');
  mkdirSync(userDir, { recursive: true });
  writeFileSync(join(userDir, 'settings.json'), JSON.stringify(EDITOR_SETTINGS, null, 2));
}

/** Fresh folders for one run under the system temp dir; the fixtures are copied so tests may edit them. */
export function createRunFolders(prefix = 'layerwise-e2e-') {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const folders = {
    root,
    userData: join(root, 'user-data'),
    extensions: join(root, 'extensions'),
    browserProfile: join(root, 'browser-profile'),
    suiteWorkspace: join(root, 'workspace-suite'),
    uiWorkspace: join(root, 'workspace-ui'),
    suiteResults: join(root, 'suite-results.json'),
  };
  for (const dir of [folders.userData, folders.extensions, folders.browserProfile]) mkdirSync(dir, { recursive: true });
  cpSync(fixturesDir, folders.suiteWorkspace, { recursive: true });
  cpSync(fixturesDir, folders.uiWorkspace, { recursive: true });
  writeUserSettings(folders.userData);
  return folders;
}
