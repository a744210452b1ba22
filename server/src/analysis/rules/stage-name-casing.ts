import type { DockerfileModel, Stage } from '../model-types';
import { defineRule, type Range, type TextEdit } from '../rule';
import { resolveReference, stageReferencesIn, writtenBaseStage } from './support/stages-references';

export default defineRule({
  id: 'stage-name-casing',
  code: 'LW344',
  aliases: { buildkit: 'StageNameCasing' },
  category: 'style',
  severity: 'info',
  appliesTo: 'all-stages',
  docs: {
    summary: 'A stage name has upper-case letters.',
    rationale: [
      'Docker compares stage names without case, so `AS BuilderBase` and `--from=builderbase` are the same stage:',
      'writing them in lower case keeps names distinct from instruction keywords and makes every reference look',
      'like its definition. The fix lower-cases the name and every reference to it (`FROM`, `COPY --from`,',
      '`RUN --mount=from=`).',
    ].join('\n'),
    examples: {
      invalid: ['FROM alpine:3.20 AS BuilderBase\nRUN echo hi\n'],
      valid: ['FROM alpine:3.20 AS builder-base\nRUN echo hi\n'],
    },
  },
  fix: { availability: 'always', safety: 'safe' },
  create(context) {
    return {
      stage(stage) {
        if (stage.name === null || stage.nameRange === null || stage.name === stage.name.toLowerCase()) return;
        const lower = stage.name.toLowerCase();
        context.report({
          range: stage.nameRange,
          message: `Write the stage name '${stage.name}' in lower case ('${lower}'): stage names are compared without case anyway.`,
          fixes: [{ title: `Rename to '${lower}' everywhere`, safety: 'safe', edits: renameEdits(context.model, stage, stage.nameRange) }],
        });
      },
    };
  },
});

/** The name itself and the references that resolve to this stage; a reference to a stage is never case-sensitive, so lower-casing changes nothing. */
function renameEdits(model: DockerfileModel, stage: Stage, nameRange: Range): TextEdit[] {
  const edits: TextEdit[] = [{ range: nameRange, newText: (stage.name ?? '').toLowerCase() }];
  for (const later of model.stages.filter((other) => other.index > stage.index)) {
    if (writtenBaseStage(later) === stage && later.base.raw.trim() !== later.base.raw.trim().toLowerCase()) {
      edits.push({ range: later.base.range, newText: later.base.raw.toLowerCase() });
    }
    for (const reference of stageReferencesIn(later)) {
      if (reference.value === reference.value.toLowerCase()) continue;
      const resolved = resolveReference(model, reference.value, later);
      if (resolved.kind === 'stage' && resolved.stage === stage) edits.push({ range: reference.range, newText: reference.value.toLowerCase() });
    }
  }
  return edits;
}
