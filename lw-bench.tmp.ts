import { analyze } from './server/src/analysis/engine';
import { buildModel } from './server/src/analysis/model';
import { estimateStages } from './server/src/analysis/size/estimate';
const text = '# note\nFROM alpine:3.20\n'.repeat(5_000);
for (let i = 0; i < 2; i++) {
let t = performance.now(); analyze(text, { estimateSizes: false }); const a = performance.now() - t;
t = performance.now(); analyze(text, { estimateSizes: true }); const b = performance.now() - t;
const m = buildModel(text); t = performance.now(); estimateStages(m); const c = performance.now() - t;
console.log({ without: a.toFixed(0), with: b.toFixed(0), estimateOnly: c.toFixed(0) });
}
