import type { InstructionInfo, Stage } from '../model-types';
import { defineRule, type Fix } from '../rule';
import { closestName } from './support/stages-names';
import {
  definedNames, expandedVariableUses, globalArgNames, isCommonImageEnv, isPredefinedArg, PLATFORM_ARGS, StageScope,
  type VariableUse,
} from './support/stages-variables';

/** What `$NAME` can name: a definition with another name (`ENV $X=1` defines `$X`) cannot be referred to. */
const REFERABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export default defineRule({
  id: 'undefined-variable',
  code: 'LW348',
  aliases: { buildkit: 'UndefinedVar' },
  category: 'correctness',
  severity: 'warning',
  appliesTo: 'all-stages',
  docs: {
    summary: 'An instruction uses a variable that is not defined at that point.',
    rationale: [
      'Docker expands `$NAME` in COPY, ADD, ENV, ARG, WORKDIR, USER, LABEL, EXPOSE, VOLUME and STOPSIGNAL when it',
      'builds; an undefined variable expands to an empty string without any error, so `COPY $APP_DIR/ .` quietly',
      'copies the whole context. Typical causes: a typo (`$PAHT`), a global ARG used in a stage without',
      're-declaring it (`ARG VERSION` after FROM), a platform ARG used without `ARG TARGETARCH`, or a variable',
      'defined only further down. RUN, and CMD/ENTRYPOINT in shell form, are expanded by the shell and not judged.',
    ].join('\n'),
    examples: {
      invalid: [
        'FROM alpine:3.20\nENV PATH=$PAHT:/app/bin\n',
        'ARG VERSION=1.4.2\nFROM alpine:3.20\nCOPY dist/app-$VERSION.tar.gz /opt/\n',
        'FROM scratch\nCOPY $foo .\n',
      ],
      valid: [
        'FROM scratch\nARG foo\nCOPY $foo .\n',
        'FROM python:3.12-slim\nARG VERSION=$PYTHON_VERSION\n',
        'ARG VERSION=1.4.2\nFROM alpine:3.20\nARG VERSION\nCOPY dist/app-$VERSION.tar.gz /opt/\n',
      ],
    },
    differences: [
      'BuildKit pulls the base image and knows its ENV; Layerwise does not. So in a stage built on an image whose',
      'ENV is unknown (anything but scratch, alpine, debian, ubuntu and busybox, followed through `FROM <stage>`),',
      'only what is certainly wrong is reported: a near-miss of a variable defined in the Dockerfile (unless it is',
      'a name official images commonly set, such as `NODE_VERSION` or `JAVA_HOME`), a global ARG not re-declared',
      'in the stage, a platform ARG not declared in the stage, and a variable defined only later in the stage.',
      'References with a default or alternative (`${X:-default}`, `${X:+alt}`, `${X:?message}`) are never',
      'reported. A variable set by another pair of the same ENV is env-self-reference\'s finding. ONBUILD',
      'triggers are not judged.',
    ].join(' '),
  },
  fix: { availability: 'sometimes', safety: 'unsafe', reason: 'Offered only for a near-miss of a defined variable, which may not be what was meant.' },
  create(context) {
    const { model } = context;
    let scope: StageScope | null = null;
    const check = (instruction: InstructionInfo, stage: Stage): void => {
      if (instruction.onbuild || !scope) return;
      const uses = expandedVariableUses(model, instruction);
      // Most instructions use no variable: only those that do need their own names.
      if (uses.length > 0) {
        const ownNames = definedNames(model, instruction);
        for (const use of uses) {
          if (use.modifier !== null || scope.defined.has(use.name) || ownNames.includes(use.name) || isPredefinedArg(use.name)) continue;
          const problem = problemOf(use, { scope, stage, instruction, globals: globalArgNames(model) });
          if (problem) context.report({ range: use.range, message: problem.message, fixes: problem.fixes });
        }
      }
      scope.record(instruction);
    };
    return {
      stage(stage: Stage) {
        scope = new StageScope(model, stage);
      },
      ADD: check,
      ARG: check,
      COPY: check,
      ENV: check,
      EXPOSE: check,
      LABEL: check,
      STOPSIGNAL: check,
      USER: check,
      VOLUME: check,
      WORKDIR: check,
    };
  },
});

interface UseContext {
  scope: StageScope;
  stage: Stage;
  instruction: InstructionInfo;
  globals: ReadonlyMap<string, number>;
}

function problemOf(use: VariableUse, where: UseContext): { message: string; fixes: Fix[] } | null {
  const name = use.name;
  // An image whose ENV we cannot see may well set this very name (`$NODE_VERSION` in node images).
  if (!where.scope.baseEnvKnown && isCommonImageEnv(name)) return null;
  const later = where.scope.definedLaterThan(where.instruction, name);
  if (later !== null) return { message: `'$${name}' is used before it is defined (line ${later}): it is empty here. Move the definition above this line.`, fixes: [] };
  const globalLine = where.globals.get(name);
  if (globalLine !== undefined) {
    return { message: `'$${name}' is a global ARG (line ${globalLine}), which a stage does not see: add \`ARG ${name}\` after this stage's FROM.`, fixes: [] };
  }
  if (PLATFORM_ARGS.has(name)) return { message: `'$${name}' is empty inside a stage until declared: add \`ARG ${name}\` after this stage's FROM.`, fixes: [] };
  const suggestion = closestName(name, [...where.scope.defined.keys()].filter((defined) => REFERABLE_NAME.test(defined)));
  if (!where.scope.baseEnvKnown && suggestion === null) return null;
  const hint = suggestion ? ` (did you mean '$${suggestion}'?)` : '';
  return {
    message: `Usage of undefined variable '$${name}'${hint}: it expands to an empty string. Define it with ARG or ENV before this line.`,
    fixes: suggestion ? [{ title: `Use $${suggestion}`, safety: 'unsafe', edits: [{ range: use.nameRange, newText: suggestion }] }] : [],
  };
}
