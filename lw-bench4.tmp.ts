import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from './server/src/analysis/engine';
import { buildModel } from './server/src/analysis/model';
import { estimateStages } from './server/src/analysis/size/estimate';
import { readBuildContext } from './server/src/context/build-context';
async function main() {
  const root = 'test/fixtures/realistic';
  const inputs = [];
  for (const dir of readdirSync(root)) {
    const file = join(root, dir, 'Dockerfile');
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8');
    inputs.push({ text, context: await readBuildContext(file), model: buildModel(text) });
  }
  const variants: Record<string, (i: typeof inputs[0]) => unknown> = {
    'no estimate': (i) => analyze(i.text, { estimateSizes: false }),
    'estimate, no context': (i) => analyze(i.text, { estimateSizes: true }),
    'estimate + context': (i) => analyze(i.text, { estimateSizes: true, buildContext: i.context }),
    'no estimate + context': (i) => analyze(i.text, { estimateSizes: false, buildContext: i.context }),
    'estimateStages only': (i) => estimateStages(i.model, undefined, i.context),
  };
  const totals: Record<string, number> = {};
  for (let r = 0; r < 40; r++) for (const [name, run] of Object.entries(variants)) {
    const t = performance.now(); for (const i of inputs) run(i); totals[name] = (totals[name] ?? 0) + performance.now() - t;
  }
  for (const [name, total] of Object.entries(totals)) console.log(name.padEnd(24), (total / 40).toFixed(1), 'ms/round');
}
main();
