import { analyze } from './server/src/analysis/engine';
import { buildModel } from './server/src/analysis/model';
import { estimateStages } from './server/src/analysis/size/estimate';
import { realisticCorpus } from './test/corpus/realistic';
import { syntheticDockerfile } from './test/corpus/synthetic';
const sets: Record<string, string[]> = { corpus: realisticCorpus().map((f) => f.text), 'synthetic 5k': [syntheticDockerfile(5000)] };
for (const [label, texts] of Object.entries(sets)) {
  const models = texts.map((t) => buildModel(t));
  const a: number[] = [], e: number[] = [], w: number[] = [];
  for (let r = 0; r < 25; r++) {
    let t = performance.now(); for (const x of texts) analyze(x, { estimateSizes: false }); a.push(performance.now() - t);
    t = performance.now(); for (const m of models) estimateStages(m); e.push(performance.now() - t);
    t = performance.now(); for (const x of texts) analyze(x, { estimateSizes: true }); w.push(performance.now() - t);
  }
  const med = (xs: number[]) => xs.sort((p, q) => p - q)[Math.floor(xs.length / 2)];
  console.log(`${label}: analyze ${med(a).toFixed(1)} ms, estimateStages ${med(e).toFixed(1)} ms (${(med(e) / med(a) * 100).toFixed(1)} %), analyze+estimate ${med(w).toFixed(1)} ms`);
}
