// Bundles the editor suite (test/e2e/suite) for the extension host: out/test/e2e/suite/index.js
// with mocha inside it, and one *.test.js per test file. `vscode` stays external: the extension
// host provides it. Mocha is bundled because it ships as ES modules that an older Electron's
// require() cannot load.
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const suiteSource = join(repoRoot, 'test', 'e2e', 'suite');
export const suiteOut = join(repoRoot, 'out', 'test', 'e2e', 'suite');
export const suiteEntry = join(suiteOut, 'index.js');

export async function buildSuite() {
  const testFiles = readdirSync(suiteSource).filter((name) => name.endsWith('.test.ts'));
  await build({
    entryPoints: [join(suiteSource, 'index.ts'), ...testFiles.map((name) => join(suiteSource, name))],
    outdir: suiteOut,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode'],
    logLevel: 'warning',
    // mocha's optional parallel mode and ESM loader are never used here.
    logOverride: { 'require-resolve-not-external': 'silent', 'unsupported-dynamic-import': 'silent' },
  });
  return suiteEntry;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildSuite();
  console.log(suiteEntry);
}
