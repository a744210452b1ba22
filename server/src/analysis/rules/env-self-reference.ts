import type { DockerfileModel, InstructionInfo, Stage } from '../model-types';
import { defineRule, type Fix, type Report } from '../rule';
import { textAt } from './support/run-edits';
import { envProperties, StageScope, variableUses, type EnvProperty } from './support/stages-variables';

export default defineRule({
  id: 'env-self-reference',
  code: 'LW350',
  aliases: { hadolint: 'DL3044' },
  category: 'correctness',
  severity: 'error',
  appliesTo: 'all-stages',
  docs: {
    summary: 'An ENV value uses a variable set by the same ENV instruction.',
    rationale: [
      'Docker expands every value of an ENV instruction before it sets any of them, so in',
      '`ENV APP_HOME=/app APP_BIN=$APP_HOME/bin` the `$APP_HOME` is the value from *before* the line (usually',
      'empty) and APP_BIN becomes `/bin`. Set the variable in one ENV and use it in the next.',
      'Referring to a variable\'s own previous value (`ENV PATH=/opt/bin:$PATH`) is fine.',
    ].join('\n'),
    examples: {
      invalid: ['FROM alpine:3.20\nENV APP_HOME=/app APP_BIN=$APP_HOME/bin\n'],
      valid: ['FROM alpine:3.20\nENV APP_HOME=/app\nENV APP_BIN=$APP_HOME/bin PATH=/opt/bin:$PATH\n'],
    },
    differences: 'As hadolint, a variable that was already defined before the ENV (by ARG or ENV in the stage or the stages it is built FROM) is not reported; unlike hadolint, definitions in other stages do not count.',
  },
  fix: {
    availability: 'sometimes',
    safety: 'unsafe',
    reason: 'Splitting the ENV changes the value (to the one that was surely meant); not offered in ONBUILD or when the use comes before the definition.',
  },
  create(context) {
    let scope: StageScope | null = null;
    return {
      stage(stage: Stage) {
        scope = new StageScope(context.model, stage);
      },
      ARG(arg) {
        scope?.record(arg);
      },
      ENV(env) {
        if (!scope) return;
        for (const report of sameEnvReferences(context.model, env, scope)) context.report(report);
        scope.record(env);
      },
    };
  },
});

/** One report per pair whose value uses a name another pair of the same ENV sets (and nothing set before). */
function sameEnvReferences(model: DockerfileModel, env: InstructionInfo, scope: StageScope): Report[] {
  const properties = envProperties(env);
  if (properties.length < 2) return [];
  const reports: Report[] = [];
  properties.forEach((property, index) => {
    // What was defined before is asked last: the scope reads it only then.
    const use = property.valueRange
      ? variableUses(model, property.valueRange).find((candidate) => properties.some((other, otherIndex) => otherIndex !== index && other.name === candidate.name) && !scope.defined.has(candidate.name))
      : undefined;
    if (!use) return;
    const definer = properties.findIndex((other, otherIndex) => otherIndex !== index && other.name === use.name);
    reports.push({
      range: use.range,
      message: `'$${use.name}' is expanded before this ENV sets ${use.name}, so it is not the value set here: move ${property.name} to its own ENV after this one.`,
      fixes: definer < index && !env.onbuild ? [splitFix(textAt(model, env.keywordRange), properties[index - 1], property, model.lineEnding)] : [],
    });
  });
  return reports;
}

function splitFix(keyword: string, previous: EnvProperty, property: EnvProperty, eol: string): Fix {
  return {
    title: `Set ${property.name} in its own ENV`,
    safety: 'unsafe',
    edits: [{ range: { start: previous.range.end, end: property.range.start }, newText: `${eol}${keyword} ` }],
  };
}
