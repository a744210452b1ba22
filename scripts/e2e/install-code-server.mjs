// Installs code-server (a complete VS Code: server, web workbench, real extension host) into a
// cache directory outside the repository, and reuses it when it is already there.
//
// Only the npm registry and Debian's packages are reachable on the machines this runs on, so two
// download steps are satisfied locally:
//   - node-gyp would fetch Node headers: npm_config_nodedir points it at the system's /usr.
//   - @vscode/ripgrep's postinstall fetches a binary from GitHub unless a tarball with the expected
//     name is already in its cache folder under $TMPDIR: we put Debian's `rg` there.
// npm 11 reviews dependency install scripts (allowScripts); the cache's own package.json approves
// code-server's, and verifyNativeModules() rebuilds any native module whose script did not run.
//
// Usage: node scripts/e2e/install-code-server.mjs   (prints the path of the code-server entry)
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
// The @vscode/ripgrep release pinned by code-server 4.100.3 and the binary it asks for.
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

// Native modules the server side of VS Code loads; each with a file that proves it was built.
const NATIVE_MODULES = [
  { name: 'node-pty', built: 'build/Release/pty.node' },
  { name: '@vscode/spdlog', built: 'build/Release/spdlog.node' },
  { name: 'native-watchdog', built: 'build/Release/watchdog.node' },
  { name: '@vscode/ripgrep', built: 'bin/rg' },
];

export function e2eCacheDir() {
  return process.env.LAYERWISE_E2E_CACHE || join(homedir(), '.cache', 'layerwise-e2e');
}

export function codeServerLocation(cacheDir = e2eCacheDir()) {
  const root = join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
  const pkg = join(root, 'node_modules', 'code-server');
  return {
    root,
    pkg,
    entry: join(pkg, 'out', 'node', 'entry.js'),
    vscode: join(pkg, 'lib', 'vscode'),
    marker: join(root, '.layerwise-install-ok'),
  };
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
  }
}

function which(program) {
  return spawnSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' }).stdout.trim();
}

function checkPrerequisites() {
  const needed = { rg: 'ripgrep', make: 'build-essential', 'g++': 'build-essential', python3: 'python3', 'krb5-config': 'libkrb5-dev' };
  const missing = [...new Set(Object.entries(needed).filter(([program]) => !which(program)).map(([, pkg]) => pkg))];
  if (missing.length > 0) {
    throw new Error(`missing Debian packages: ${missing.join(' ')} (apt-get install -y ${missing.join(' ')})`);
  }
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) throw new Error(`code-server ${CODE_SERVER_VERSION} needs Node 20, this is ${process.version}`);
}

function seedRipgrepCache(tmpDir) {
  const cache = join(tmpDir, `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  const tarball = join(cache, RIPGREP_ASSET);
  if (existsSync(tarball)) return;
  const staging = join(tmpDir, 'rg-staging');
  mkdirSync(staging, { recursive: true });
  mkdirSync(cache, { recursive: true });
  copyFileSync(which('rg'), join(staging, 'rg'));
  run('tar', ['-czf', tarball, '-C', staging, 'rg']);
}

function installEnvironment(tmpDir) {
  return {
    ...process.env,
    TMPDIR: tmpDir,
    npm_config_nodedir: '/usr',
    npm_config_unsafe_perm: 'true',
    npm_config_yes: 'true',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_update_notifier: 'false',
    npm_config_loglevel: 'warn',
  };
}

function missingNativeModules(vscodeDir) {
  return NATIVE_MODULES.filter(({ name, built }) => !existsSync(join(vscodeDir, 'node_modules', name, built)));
}

// npm may have skipped install scripts it had not been told to trust; build what is missing.
function verifyNativeModules(location, env) {
  let missing = missingNativeModules(location.vscode);
  if (missing.length === 0) return;
  console.error(`[e2e] building native modules whose install scripts did not run: ${missing.map((m) => m.name).join(', ')}`);
  run('npm', ['rebuild', ...missing.map((m) => m.name)], { cwd: location.vscode, env });
  missing = missingNativeModules(location.vscode);
  if (missing.length > 0) throw new Error(`native modules still not built: ${missing.map((m) => m.name).join(', ')}`);
}

function verifyStarts(location) {
  const result = spawnSync(process.execPath, [location.entry, '--version'], { encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0 || !result.stdout.includes(CODE_SERVER_VERSION)) {
    throw new Error(`code-server --version failed: ${result.stdout}${result.stderr}`);
  }
}

export function ensureCodeServer({ cacheDir = e2eCacheDir() } = {}) {
  const location = codeServerLocation(cacheDir);
  if (existsSync(location.marker) && existsSync(location.entry)) return location;

  checkPrerequisites();
  const started = Date.now();
  console.error(`[e2e] installing code-server ${CODE_SERVER_VERSION} into ${location.root} (once, ~2 minutes)`);
  rmSync(location.root, { recursive: true, force: true });
  const tmpDir = join(location.root, 'tmp');
  mkdirSync(tmpDir, { recursive: true });
  writeFileSync(
    join(location.root, 'package.json'),
    JSON.stringify({ private: true, allowScripts: { 'code-server': true, argon2: true } }, null, 2) + '\n',
  );
  seedRipgrepCache(tmpDir);
  const env = installEnvironment(tmpDir);
  run('npm', ['install', '--no-save', `code-server@${CODE_SERVER_VERSION}`], { cwd: location.root, env });
  verifyNativeModules(location, env);
  verifyStarts(location);
  rmSync(tmpDir, { recursive: true, force: true });
  writeFileSync(location.marker, `${new Date().toISOString()}\n`);
  console.error(`[e2e] code-server installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return location;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    console.log(ensureCodeServer().entry);
  } catch (error) {
    console.error(`[e2e] ${error.message}`);
    process.exit(1);
  }
}
