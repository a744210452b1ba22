// Where a stage is named: its own `AS name`, and the references to it (`FROM name`, `COPY --from=name`,
// `RUN --mount=…,from=name`), resolved as BuildKit does: a name or index counts only when it points at a
// stage defined BEFORE the referring instruction; anything else is looked up as an image.
import { ModifiableInstruction } from 'dockerfile-ast';
import type { DockerfileModel, InstructionInfo, Stage } from '../../model-types';
import type { Range } from '../../rule';
import { remembered } from '../../remembered';

export interface StageReference {
  instruction: InstructionInfo;
  /** The reference as written (`build`, `0`, `nginx:1.27`). */
  value: string;
  /** The value only: the flag value of `--from`, or the `from=` option value inside `--mount`. */
  range: Range;
  via: 'copy' | 'mount';
}

/**
 * own: the stage being built (not finished yet); later: a stage defined after the reference;
 * image: an image reference (has a tag, digest or path); variable: only the build knows; unknown: none of these.
 */
export type ResolvedReference =
  | { kind: 'stage'; stage: Stage }
  | { kind: 'own'; stage: Stage }
  | { kind: 'later'; stage: Stage }
  | { kind: 'image' }
  | { kind: 'variable' }
  | { kind: 'unknown' };

/** Several rules read each stage's references: they are read once per analysis. */
const referencesByStage = new WeakMap<Stage, readonly StageReference[]>();

/**
 * `COPY --from` and `RUN --mount=…,from=` of one stage, ONBUILD triggers left out (they name stages of
 * another build). Shared between rules: frozen.
 */
export function stageReferencesIn(stage: Stage): readonly StageReference[] {
  return remembered(referencesByStage, stage, readStageReferences);
}

function readStageReferences(stage: Stage): readonly StageReference[] {
  const found: StageReference[] = [];
  for (const instruction of stage.instructions) if (!instruction.onbuild) collectReferences(instruction, found);
  return Object.freeze(found);
}

function collectReferences(instruction: InstructionInfo, into: StageReference[]): void {
  if (instruction.keyword === 'COPY') {
    // The model's flags are the parser's own (same names, values and ranges): no need to ask it again.
    for (const flag of instruction.flags) {
      if (flag.name.toLowerCase() === 'from' && flag.value && flag.valueRange) into.push({ instruction, value: flag.value, range: flag.valueRange, via: 'copy' });
    }
    return;
  }
  // Cheap test first: only a RUN --mount whose value mentions `from` can name a stage, and only
  // then is the parser asked for the option's range.
  if (instruction.keyword === 'RUN' && instruction.flags.some((flag) => flag.name.toLowerCase() === 'mount' && flag.value?.includes('from'))) {
    collectMountReferences(instruction, into);
  }
}

function collectMountReferences(instruction: InstructionInfo, into: StageReference[]): void {
  const node = instruction.node;
  if (!(node instanceof ModifiableInstruction)) return;
  for (const flag of safely(() => node.getFlags(), [])) {
    if (flag.getName().toLowerCase() !== 'mount') continue;
    const option = safely(() => flag.getOption('from'), null);
    const value = option?.getValue();
    const range = option?.getValueRange();
    if (option && value && range) into.push({ instruction, value, range, via: 'mount' });
  }
}

export function resolveReference(model: DockerfileModel, value: string, from: Stage): ResolvedReference {
  if (value.includes('$')) return { kind: 'variable' };
  if (/^\d+$/.test(value)) {
    const target = model.stages[Number(value)];
    if (!target) return { kind: 'unknown' };
    return target.index < from.index ? { kind: 'stage', stage: target } : target === from ? { kind: 'own', stage: from } : { kind: 'later', stage: target };
  }
  const key = value.toLowerCase();
  const earlier = model.stages.find((stage) => stage.index < from.index && stage.name?.toLowerCase() === key);
  if (earlier) return { kind: 'stage', stage: earlier };
  if (from.name?.toLowerCase() === key) return { kind: 'own', stage: from };
  const later = model.stages.find((stage) => stage.index > from.index && stage.name?.toLowerCase() === key);
  if (later) return { kind: 'later', stage: later };
  return looksLikeImage(value) ? { kind: 'image' } : { kind: 'unknown' };
}

/** A tag, a digest or a path makes it an image reference; a bare word is what a stage name looks like. */
export function looksLikeImage(value: string): boolean {
  return /[:@/]/.test(value);
}

/** The stage a FROM's base resolves to, when it is written as (not computed into) that stage's name. */
export function writtenBaseStage(stage: Stage): Stage | null {
  const base = stage.baseStage;
  if (!base || base.name === null) return null;
  return stage.base.raw.trim().toLowerCase() === base.name.toLowerCase() ? base : null;
}

function safely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}
