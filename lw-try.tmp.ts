import { buildModel } from './server/src/analysis/model';
import { estimateStages } from './server/src/analysis/size/estimate';
import { formatBytes } from './server/src/analysis/size/format';
const text = process.argv[2].replace(/\\n/g, '\n');
for (const s of estimateStages(buildModel(text), undefined, { dockerignore: null, files: [{path:'package.json',bytes:1200},{path:'package-lock.json',bytes:80000},{path:'src/index.js',bytes:30000},{path:'main.go',bytes:4000},{path:'go.mod',bytes:300}] })) {
  console.log(`stage ${s.stageIndex} ${s.bytes===null?'unknown':formatBytes(s.bytes)} [${s.low===null?'?':formatBytes(s.low)}–${s.high===null?'?':formatBytes(s.high)}] c=${s.compressedBytes===null?'?':formatBytes(s.compressedBytes)} ${s.basis} buildOnly=${s.buildOnly}`);
  for (const l of s.layers) console.log(`   ${l.line+1} ${l.keyword} ${l.bytes===null?'unknown':formatBytes(l.bytes)} ${l.basis} — ${l.note}`);
}
