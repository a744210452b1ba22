import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from './server/src/analysis/engine';
import { readBuildContext } from './server/src/context/build-context';
async function main() {
  const root = 'test/fixtures/realistic';
  const inputs = [];
  for (const dir of readdirSync(root)) {
    const file = join(root, dir, 'Dockerfile');
    if (!existsSync(file)) continue;
    inputs.push({ text: readFileSync(file, 'utf8'), context: await readBuildContext(file) });
  }
  for (const input of inputs) { analyze(input.text, { estimateSizes: true, buildContext: input.context }); analyze(input.text, { estimateSizes: false }); }
  const rounds = 60; let without = 0, withEst = 0;
  for (let r = 0; r < rounds; r++) {
    let t = performance.now(); for (const i of inputs) analyze(i.text, { estimateSizes: false }); without += performance.now() - t;
    t = performance.now(); for (const i of inputs) analyze(i.text, { estimateSizes: true, buildContext: i.context }); withEst += performance.now() - t;
  }
  console.log(`${inputs.length} files: without ${(without/rounds).toFixed(1)} ms/round, with ${(withEst/rounds).toFixed(1)} ms/round → +${((withEst/without-1)*100).toFixed(1)} %`);
}
main();
