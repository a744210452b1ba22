// `npm test`: build, check generated files, lint, type-check, then every node test.
import { spawnSync } from 'node:child_process';

const steps = [
  ['build', ['node', 'scripts/build.mjs']],
  ['generated files are current', ['node', '--import', 'tsx', 'scripts/generate.ts', '--check']],
  ['lint', ['npx', 'eslint', '.']],
  ['type-check', ['npx', 'tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['tests', ['node', 'scripts/run-node-tests.mjs']],
];

for (const [name, [command, ...args]] of steps) {
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`✖ ${name} failed`);
    process.exit(result.status ?? 1);
  }
}
