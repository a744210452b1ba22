import { analyze } from './server/src/analysis/engine';
import { realisticCorpus } from './test/corpus/realistic';
const texts = realisticCorpus().map((f) => f.text);
const est = process.argv[2] === 'with';
for (let r = 0; r < 60; r++) for (const x of texts) analyze(x, { estimateSizes: est });
