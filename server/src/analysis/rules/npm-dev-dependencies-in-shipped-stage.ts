import type { DockerfileModel, Stage } from '../model-types';
import { defineRule, type Fix } from '../rule';
import type { InstallCall } from './support/pinning-command-line';
import { buildStepsAfter, devDependencyInstalls } from './support/structure-npm';
import { lighterVariant } from './support/structure-images';
import { multiStageSplitFix } from './support/structure-split';
import { runsAnApplication } from './support/structure-stages';

export default defineRule({
  id: 'npm-dev-dependencies-in-shipped-stage',
  code: 'LW122',
  aliases: {},
  category: 'size',
  severity: 'warning',
  appliesTo: 'shipped-stages',
  docs: {
    summary: '`npm install` / `npm ci` installs the devDependencies in the image that ships.',
    rationale: [
      'Without `--omit=dev` (or `NODE_ENV=production`), npm installs the devDependencies too: test runners,',
      'bundlers, type checkers and linters, often more than half of `node_modules`, each a package that can',
      'carry a vulnerability into production. When the build needs them (`npm run build`), build in a `builder`',
      'stage, `npm prune --omit=dev` there, and copy the result into the runtime stage.',
    ].join('\n'),
    examples: {
      invalid: [
        'FROM node:20-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n',
      ],
      valid: [
        'FROM node:20-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n',
        'FROM node:20-slim\nENV NODE_ENV=production\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n',
        'FROM node:20 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build && npm prune --omit=dev\n\nFROM node:20-slim\nWORKDIR /app\nCOPY --from=build /app /app\nUSER node\nCMD ["node", "dist/server.js"]\n',
      ],
    },
    differences: [
      'Global installs (`npm install -g`) and installs of named packages are not judged, nor images whose',
      'start command is a development or test command (`npm run dev`, `npm test`).',
    ].join(' '),
  },
  fix: {
    availability: 'sometimes',
    safety: 'unsafe',
    reason: [
      'When nothing after the install runs a build step, the fix adds `--omit=dev` (unsafe: a package listed as',
      'a devDependency but needed at run time would be missing). When a build step follows, the multi-stage',
      'split is offered as a suggestion instead (the stage needs an absolute WORKDIR and must not be built on another stage).',
    ].join(' '),
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run, stage) {
        // Cheap test first: most RUNs install no npm dependencies.
        const installs = devDependencyInstalls(run, stage);
        if (installs.length === 0 || !model.shippedStage || !runsAnApplication(model.shippedStage)) return;
        for (const call of installs) {
          const subcommand = call.subcommand[call.subcommand.length - 1];
          const building = buildStepsAfter(stage, run, call);
          const fixes = building ? [splitFix(model, stage)] : [omitDevFix(call), splitFix(model, stage)];
          context.report({
            range: { start: call.invocation.program.range.start, end: subcommand.range.end },
            message: building
              ? `\`npm ${subcommand.value}\` keeps the devDependencies in the shipped image: build in a builder stage, \`npm prune --omit=dev\` there and copy the result into a runtime stage`
              : `\`npm ${subcommand.value}\` installs the devDependencies too: add \`--omit=dev\` (or set NODE_ENV=production)`,
            fixes: fixes.filter((fix): fix is Fix => fix !== null),
          });
        }
      },
    };
  },
});

function omitDevFix(call: InstallCall): Fix {
  const end = call.subcommand[call.subcommand.length - 1].range.end;
  return { title: 'Add --omit=dev', safety: 'unsafe', edits: [{ range: { start: end, end }, newText: ' --omit=dev' }] };
}

function splitFix(model: DockerfileModel, stage: Stage): Fix | null {
  const variant = lighterVariant(stage.base);
  const image = variant && !variant.shellLess ? variant.image : stage.base.raw.includes('$') ? null : stage.base.raw;
  if (!image) return null;
  return multiStageSplitFix(model, stage, { runtime: { image, withShell: image }, builderSteps: ['npm prune --omit=dev'] });
}
