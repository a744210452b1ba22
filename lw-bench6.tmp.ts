import { analyze } from './server/src/analysis/engine';
import { realisticCorpus } from './test/corpus/realistic';
const texts = realisticCorpus().map((f) => f.text);
const a: number[] = [], w: number[] = [];
for (let r = 0; r < 60; r++) {
  const order = r % 2 === 0 ? [false, true] : [true, false];
  for (const est of order) {
    const t = performance.now(); for (const x of texts) analyze(x, { estimateSizes: est }); (est ? w : a).push(performance.now() - t);
  }
}
const med = (xs: number[]) => xs.sort((p, q) => p - q)[Math.floor(xs.length / 2)];
console.log(`corpus: without ${med(a).toFixed(1)} ms, with ${med(w).toFixed(1)} ms → +${((med(w) / med(a) - 1) * 100).toFixed(1)} %`);
