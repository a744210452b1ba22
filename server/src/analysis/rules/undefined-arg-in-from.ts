import type { DockerfileModel, Stage } from '../model-types';
import { defineRule, type Range } from '../rule';
import { closestName } from './support/stages-names';
import { definedNames, globalArgNames, isPredefinedArg, PLATFORM_ARGS, variableUses } from './support/stages-variables';

export default defineRule({
  id: 'undefined-arg-in-from',
  code: 'LW347',
  aliases: { buildkit: 'UndefinedArgInFrom' },
  category: 'correctness',
  severity: 'warning',
  appliesTo: 'all-stages',
  docs: {
    summary: 'FROM uses a variable that no ARG before the first FROM declares.',
    rationale: [
      'A FROM line can only use the ARGs declared before the first FROM (plus the automatic platform ARGs such',
      'as `BUILDPLATFORM`). An ARG declared inside a stage, or not at all, is empty in FROM and cannot be set',
      'with `--build-arg`: the image reference silently becomes something else (`node:22` instead of',
      '`node:22-alpine`), or invalid. Misspelt platform ARGs (`$BUILDPLATFROM`) are caught too.',
    ].join('\n'),
    examples: {
      invalid: ['FROM node:22${VARIANT} AS jsbuilder\nRUN node --version\n'],
      valid: ['ARG VARIANT="-alpine3.20"\nFROM node:22${VARIANT} AS jsbuilder\nRUN node --version\n'],
    },
  },
  fix: { availability: 'sometimes', safety: 'unsafe', reason: 'Offered only for a near-miss of a declared or platform ARG, which may not be what was meant.' },
  create(context) {
    return {
      stage(stage) {
        for (const range of fromRanges(stage)) {
          for (const use of variableUses(context.model, range)) {
            const declared = globalArgNames(context.model);
            if (declared.has(use.name) || PLATFORM_ARGS.has(use.name) || isPredefinedArg(use.name)) continue;
            const suggestion = closestName(use.name, [...declared.keys(), ...PLATFORM_ARGS]);
            context.report({
              range: use.range,
              message: messageFor(context.model, stage, use.name, suggestion),
              fixes: suggestion ? [{ title: `Use $${suggestion}`, safety: 'unsafe', edits: [{ range: use.nameRange, newText: suggestion }] }] : [],
            });
          }
        }
      },
    };
  },
});

/** The base image and the --platform value: the parts of FROM that are expanded. */
function fromRanges(stage: Stage): Range[] {
  const platform = stage.from.flags.find((flag) => flag.name.toLowerCase() === 'platform')?.valueRange;
  return platform ? [platform, stage.base.range] : [stage.base.range];
}

function messageFor(model: DockerfileModel, stage: Stage, name: string, suggestion: string | null): string {
  if (suggestion) return `FROM argument '${name}' is not declared (did you mean '${suggestion}'?).`;
  const inStage = model.stages
    .filter((other) => other.index < stage.index)
    .flatMap((other) => other.instructions)
    .find((instruction) => instruction.keyword === 'ARG' && !instruction.onbuild && definedNames(model, instruction).includes(name));
  if (inStage) {
    return `FROM argument '${name}' is declared inside a stage (line ${inStage.range.start.line + 1}), where FROM cannot see it: move that ARG above the first FROM.`;
  }
  return `FROM argument '${name}' is not declared: add \`ARG ${name}=<default>\` above the first FROM, or --build-arg cannot set it.`;
}
