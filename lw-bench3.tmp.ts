import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildModel } from './server/src/analysis/model';
import { estimateStages } from './server/src/analysis/size/estimate';
import { workspaceHints } from './server/src/analysis/size/run-parts';
import { readBuildContext } from './server/src/context/build-context';
async function main() {
  const root = 'test/fixtures/realistic';
  const rows = [];
  for (const dir of readdirSync(root)) {
    const file = join(root, dir, 'Dockerfile');
    if (!existsSync(file)) continue;
    const context = await readBuildContext(file);
    const model = buildModel(readFileSync(file, 'utf8'));
    estimateStages(model, undefined, context);
    let t = performance.now(); for (let i = 0; i < 20; i++) estimateStages(model, undefined, context); const e = (performance.now() - t) / 20;
    t = performance.now(); for (let i = 0; i < 20; i++) workspaceHints(context); const h = (performance.now() - t) / 20;
    t = performance.now(); for (let i = 0; i < 20; i++) buildModel(readFileSync(file, 'utf8')); const m = (performance.now() - t) / 20;
    rows.push([dir, e.toFixed(2), h.toFixed(2), m.toFixed(2), context.files?.length, (context.manifests ?? []).map(x => x.path + ':' + x.text.length).join(',')]);
  }
  rows.sort((a, b) => Number(b[1]) - Number(a[1]));
  for (const r of rows.slice(0, 12)) console.log(r.join('  '));
}
main();
