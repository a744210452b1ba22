// Bundles the editor suite (test/e2e/suite) for the extension host: out/test/e2e/suite/index.js
// with mocha inside it, and one *.test.js per test file. `vscode` stays external: the extension
// host provides it. Mocha is bundled because it ships as ES modules that an older Electron's
// require() cannot load.
// Beside the bundle goes editor-cases.json: every fix and snippet with the text the core says it
// leaves (test/e2e/cases/editor-cases.ts), which the table-driven tests replay in the editor.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const suiteSource = join(repoRoot, 'test', 'e2e', 'suite');
export const suiteOut = join(repoRoot, 'out', 'test', 'e2e', 'suite');
export const suiteEntry = join(suiteOut, 'index.js');
export const casesFile = join(suiteOut, 'editor-cases.json');
const casesSource = join(repoRoot, 'test', 'e2e', 'cases', 'editor-cases.ts');

async function writeEditorCases() {
  const { buildEditorCases } = await tsImport(pathToFileURL(casesSource).href, import.meta.url);
  const cases = buildEditorCases();
  mkdirSync(suiteOut, { recursive: true });
  writeFileSync(casesFile, JSON.stringify(cases, null, 1));
  const fixCount = cases.fixes.reduce((total, fixCase) => total + fixCase.fixes.length, 0);
  const ruleCount = new Set(cases.fixes.map((fixCase) => fixCase.rule)).size;
  console.log(`[e2e] editor cases: ${fixCount} fixes of ${ruleCount} rules, ${cases.snippets.length} snippets`);
  if (cases.fixesWithoutExample.length > 0) {
    console.log(`[e2e] warning: these rules have a fix but no doc example that gets one, so the editor never tries it: ${cases.fixesWithoutExample.join(', ')}`);
  }
}

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
  await writeEditorCases();
  return suiteEntry;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildSuite();
  console.log(suiteEntry);
}
