// What the benchmark needs from the analysis engine: analyze() and its phases, timed one by one.
export { analyze } from '../../server/src/analysis/engine';
export { buildModel } from '../../server/src/analysis/model';
export { runRules } from '../../server/src/analysis/rule-runner';
export { allRules } from '../../server/src/analysis/rules/index';
export { estimateStages } from '../../server/src/analysis/size/estimate';
