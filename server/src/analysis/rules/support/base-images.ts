// Base images a tag rule can judge: not scratch, not an earlier stage, not an unresolved variable.
import type { From } from 'dockerfile-ast';
import type { ImageRef, Stage } from '../../model-types';
import type { Range } from '../../rule';

export function pinnableBase(stage: Stage): ImageRef | null {
  const base = stage.base;
  if (stage.baseStage || base.isScratch || base.hasUnresolvedVariables || base.resolved.trim() === '') return null;
  return base;
}

/** The range of the `latest` tag as written, when the FROM spells it out (not through a variable). */
export function latestTagRange(stage: Stage): Range | null {
  const from = stage.from.node as Partial<From>;
  const tag = typeof from.getImageTag === 'function' ? from.getImageTag() : null;
  const range = typeof from.getImageTagRange === 'function' ? from.getImageTagRange() : null;
  return tag === 'latest' && range ? range : null;
}
