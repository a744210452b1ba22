import type { DockerfileModel, Stage } from '../model-types';
import { defineRule, type Fix } from '../rule';
import { lighterVariant, sdkImage } from './support/structure-images';
import { buildOutputs, multiStageSplitFix, pythonInstallLocations } from './support/structure-split';
import { runsAnApplication } from './support/structure-stages';
import { developmentGroupInstall, installedToolchains } from './support/structure-toolchains';

export default defineRule({
  id: 'build-tools-in-shipped-stage',
  code: 'LW120',
  aliases: {},
  category: 'size',
  severity: 'warning',
  appliesTo: 'shipped-stages',
  docs: {
    summary: 'Compilers, build systems or development headers are installed in the image that ships.',
    rationale: [
      'gcc, make, build-essential and the `*-dev` header packages are needed to build, not to run: on Debian',
      '`build-essential` alone adds about 200 MB, and every compiler in the image is one more tool for an',
      'attacker. A multi-stage build keeps them out: install and build in a `builder` stage, then start the',
      'shipped stage from a small runtime image and `COPY --from=builder` only what the application needs.',
      'Installing and removing them in the same RUN (`apk add --virtual .build-deps … && apk del .build-deps`)',
      'also keeps them out of the layers, and is not reported.',
    ].join('\n'),
    examples: {
      invalid: [
        'FROM python:3.12-slim\nWORKDIR /app\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && rm -rf /var/lib/apt/lists/*\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\nCMD ["python", "app.py"]\n',
      ],
      valid: [
        'FROM python:3.12-slim AS builder\nWORKDIR /app\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && rm -rf /var/lib/apt/lists/*\nCOPY . .\nRUN pip install --no-cache-dir --prefix=/install -r requirements.txt\n\nFROM python:3.12-slim\nCOPY --from=builder /install /usr/local\nCOPY . /app\nCMD ["python", "/app/app.py"]\n',
        'FROM python:3.12-alpine\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev \\\n    && pip install --no-cache-dir psycopg2 \\\n    && apk del .build-deps\nCMD ["python"]\n',
      ],
    },
    differences: [
      'Only images that start an application (a CMD or ENTRYPOINT that is not a bare shell, and not a',
      'development or test command) are judged: an image whose purpose is to be a build environment keeps its tools.',
    ].join(' '),
  },
  fix: {
    availability: 'sometimes',
    safety: 'suggestion',
    reason: [
      'A suggestion: the rewrite copies the working directory into a small runtime image, and what else the',
      'application needs at run time (shared libraries, installed packages) cannot be known. Offered when the',
      'shipped stage is built on an image with a known lighter variant, has an absolute WORKDIR and is not',
      'built on another stage.',
    ].join(' '),
  },
  create(context) {
    const { model } = context;
    const reported = new Set<Stage>();
    return {
      RUN(run, stage) {
        if (reported.has(stage)) return;
        // Cheap tests first: most RUNs install no build tools.
        const tools = installedToolchains(run);
        const group = developmentGroupInstall(run);
        const first = tools[0]?.word ?? group;
        if (!first || !model.shippedStage || !runsAnApplication(model.shippedStage)) return;
        reported.add(stage);
        const names = [...new Set(tools.map((tool) => tool.name))];
        const what = group ? 'the Development Tools group' : names.map((name) => `\`${name}\``).join(', ');
        const fix = splitFix(model, stage);
        context.report({
          range: first.range,
          message: `${what} ${names.length > 1 || group ? 'are' : 'is'} only needed to build: install ${names.length > 1 || group ? 'them' : 'it'} in a builder stage and copy the result into a small runtime stage (multi-stage build)`,
          fixes: fix ? [fix] : [],
        });
      },
    };
  },
});

function splitFix(model: DockerfileModel, stage: Stage): Fix | null {
  // On an SDK image, sdk-base-in-shipped-stage suggests the split with the right runtime image.
  if (sdkImage(stage.base)) return null;
  const variant = lighterVariant(stage.base);
  // The same runtime, without the build tools: the slim variant (or the same image when it already is one).
  const image = variant && !variant.shellLess ? variant.image : stage.base.raw.includes('$') ? null : stage.base.raw;
  if (!image) return null;
  const extraPaths = [...pythonInstallLocations(stage), ...buildOutputs(stage)];
  return multiStageSplitFix(model, stage, { runtime: { image, withShell: image }, extraPaths });
}
