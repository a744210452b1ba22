import { buildModel } from './server/src/analysis/model';
const t = process.argv[2].replace(/\\n/g, '\n');
const m = buildModel(t);
for (const i of m.instructions) {
  if (!i.script) { console.log(i.keyword, 'no script'); continue; }
  console.log(i.keyword, JSON.stringify(i.script.range), i.script.form, i.script.execArgs.map(a => a.value));
  for (const c of i.script.commands) console.log('  ', c.program?.value, c.args.map(a=>a.value).join(' '), c.separator, c.nested, JSON.stringify(c.range));
}
for (const s of m.stages) console.log(s.base.raw, s.ships, s.shipsLayers, JSON.stringify(s.facts));
