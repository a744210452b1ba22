// Runs every unit, protocol and CLI test (*.test.ts outside test/e2e) with node's own test runner.
// Usage: node scripts/run-node-tests.mjs [path-filter…]
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const roots = ['server/src', 'client/src', 'test', 'scripts'];
const skipDirs = new Set(['node_modules', 'dist', 'out', 'e2e', 'fixtures']);

function findTests(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return skipDirs.has(entry.name) ? [] : findTests(path);
    return entry.name.endsWith('.test.ts') ? [relative('.', path)] : [];
  });
}

const filters = process.argv.slice(2);
const files = roots
  .flatMap(findTests)
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
  .sort();
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
