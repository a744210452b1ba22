// Replays one fuzz input and prints every failure in full.
// Usage: node --import tsx scripts/fuzz/replay.ts <seed | path-to-saved-input>
import { existsSync, readFileSync } from 'node:fs';
import { checkInput } from './check';
import { fuzzInput } from './inputs';

const argument = process.argv[2];
if (argument === undefined) {
  console.error('usage: replay.ts <seed | file>');
  process.exit(2);
}
const text = existsSync(argument) ? readFileSync(argument, 'utf8') : fuzzInput(Number(argument));
console.log(`--- input (${Buffer.byteLength(text)} bytes) ---\n${JSON.stringify(text)}\n`);
// Fix verification on a long input means hundreds of re-analyses; replay those for their analysis only.
const result = checkInput(text, { verifyFixes: Buffer.byteLength(text) < 50_000 });
console.log(`analysis: ${result.analysisMs.toFixed(1)} ms; fixes verified: ${result.fixesVerified}; failures: ${result.failures.length}`);
for (const failure of result.failures) console.log(`\n[${failure.kind}] ${failure.rule ?? ''} ${failure.message}\n${failure.detail}`);
process.exitCode = result.failures.length === 0 ? 0 : 1;
