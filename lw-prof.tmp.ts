import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildModel } from './server/src/analysis/model';
import { estimateStages } from './server/src/analysis/size/estimate';
const root = 'test/fixtures/realistic';
const models = readdirSync(root).map((d) => join(root, d, 'Dockerfile')).filter(existsSync).map((f) => buildModel(readFileSync(f, 'utf8')));
const ctx = { dockerignore: null, files: [{ path: 'a.txt', bytes: 10 }] };
for (let r = 0; r < 300; r++) for (const m of models) estimateStages(m, undefined, ctx);
