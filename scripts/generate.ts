// `npm run generate`: writes the files derived from rule metadata — the rule registry
// (server/src/analysis/rules/index.ts), docs/rules/<id>.md, docs/rules/README.md and the README rule table.
// `--check` writes nothing and exits 1 listing the files that are stale (run by `npm test` and CI).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { docsIndex, readmeWithRuleTable, README_END, README_START, rulePage } from './generate/markdown';
import { loadRules, registrySource } from './generate/rule-files';

const repoRoot = resolve(__dirname, '..');
const rulesDir = join(repoRoot, 'server/src/analysis/rules');
const docsDir = join(repoRoot, 'docs/rules');
const readmePath = join(repoRoot, 'README.md');

/** Every generated file with its wanted content; null content means the file must not exist. */
type Outputs = Map<string, string | null>;

function readOrNull(path: string): string | null {
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

async function wantedOutputs(): Promise<Outputs> {
  const modules = await loadRules(rulesDir);
  const rules = modules.map((module) => module.rule);
  const outputs: Outputs = new Map();
  outputs.set(join(rulesDir, 'index.ts'), registrySource(modules));
  outputs.set(join(docsDir, 'README.md'), docsIndex(rules));
  for (const rule of rules) outputs.set(join(docsDir, `${rule.id}.md`), rulePage(rule));
  // Pages of rules that were removed or renamed.
  const pages = existsSync(docsDir) ? readdirSync(docsDir).filter((name) => name.endsWith('.md')) : [];
  for (const page of pages) {
    const path = join(docsDir, page);
    if (!outputs.has(path)) outputs.set(path, null);
  }
  const readme = readOrNull(readmePath) ?? '';
  const updated = readmeWithRuleTable(readme, rules);
  if (updated === null) throw new Error(`README.md needs the markers ${README_START} and ${README_END}`);
  outputs.set(readmePath, updated);
  return outputs;
}

function staleFiles(outputs: Outputs): string[] {
  return [...outputs].filter(([path, content]) => readOrNull(path) !== content).map(([path]) => path);
}

async function main(): Promise<number> {
  const check = process.argv.includes('--check');
  const outputs = await wantedOutputs();
  const stale = staleFiles(outputs);
  if (check) {
    if (stale.length === 0) return 0;
    console.error('Generated files are stale; run `npm run generate` and commit the result:');
    for (const path of stale) console.error(`  ${relative(repoRoot, path)}`);
    return 1;
  }
  for (const path of stale) {
    const content = outputs.get(path);
    if (content === null || content === undefined) {
      rmSync(path);
    } else {
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, content);
    }
    console.log(`${content === null ? 'removed' : 'wrote'} ${relative(repoRoot, path)}`);
  }
  if (stale.length === 0) console.log('generated files are up to date');
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  },
);
