// Size wording for the terminal reporters, on the same formatting as the editor's CodeLens.
import { formatBytes, formatEstimate } from '../analysis/size/format';
import type { SizeEstimate } from '../analysis/size/types';

export { formatBytes };

/** "≈ 75 MB est." or "size unknown": always an estimate, never an invented number. */
export function describeEstimate(estimate: SizeEstimate): string {
  return formatEstimate(estimate);
}

/** "60 MB–90 MB", or '' when the range is unknown. */
export function describeRange(estimate: SizeEstimate): string {
  if (estimate.low === null || estimate.high === null) return '';
  if (estimate.low === estimate.high) return formatBytes(estimate.low);
  return `${formatBytes(estimate.low)}–${formatBytes(estimate.high)}`;
}
