import { analyze } from './server/src/analysis/engine';
import { realisticCorpus } from './test/corpus/realistic';
const texts = realisticCorpus().map((f) => f.text);
const est = process.argv[2] === 'with';
const times: number[] = [];
for (let r = 0; r < 60; r++) { const t = process.cpuUsage(); for (const x of texts) analyze(x, { estimateSizes: est }); const u = process.cpuUsage(t); times.push((u.user + u.system) / 1000); }
times.sort((a, b) => a - b);
console.log(process.argv[2], 'median', times[30].toFixed(1), 'p10', times[6].toFixed(1));
