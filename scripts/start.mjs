// `npm start`: shows what Layerwise does on the bundled examples — diagnostics with stage sizes, then
// `--fix` on a temporary copy and the Dockerfile it rewrote.
// The examples have problems on purpose, so the CLI exits 1; that is the expected result here and
// must not make `npm start` look broken. Any other exit code is passed through.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(repoRoot, 'dist', 'cli.js');
const FINDINGS = 1;

function layerwise(args, cwd) {
  console.log(`\n$ layerwise ${args.join(' ')}\n`);
  const run = spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit', cwd });
  if (run.status !== 0 && run.status !== FINDINGS) process.exit(run.status ?? 1);
  return run.status;
}

if (!existsSync(cli)) {
  const build = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], { stdio: 'inherit', cwd: repoRoot });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const status = layerwise(['--sizes', 'examples', ...process.argv.slice(2)], repoRoot);

const copy = mkdtempSync(join(tmpdir(), 'layerwise-examples-'));
try {
  cpSync(join(repoRoot, 'examples'), join(copy, 'examples'), { recursive: true });
  layerwise(['--fix', 'examples'], copy);
  console.log('\nexamples/node-app/Dockerfile after --fix:\n');
  console.log(readFileSync(join(copy, 'examples', 'node-app', 'Dockerfile'), 'utf8'));
} finally {
  rmSync(copy, { recursive: true, force: true });
}

if (status === FINDINGS) {
  console.log(
    'The CLI exits with 1 when there are findings (0 when clean, 2 on usage or I/O errors), so CI fails on them.\n' +
      'The examples have findings on purpose; the fixes above were applied to a temporary copy.',
  );
}
