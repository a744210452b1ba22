// Size wording for the terminal reporters, on the same formatting as the editor's CodeLens.
import { formatBytes, formatEstimate, formatRange } from '../analysis/size/format';
import type { SizeEstimate } from '../analysis/size/types';

export { formatBytes };

/** "≈ 75 MB est." or "size unknown": always an estimate, never an invented number. */
export function describeEstimate(estimate: SizeEstimate): string {
  return formatEstimate(estimate);
}

/** "60 MB–90 MB", "≥ 60 MB" when only a lower bound is known, or '' when the range is unknown. */
export function describeRange(estimate: SizeEstimate): string {
  return formatRange(estimate);
}
