// Human-readable sizes in the decimal units `docker images` uses (1 MB = 1,000,000 bytes).
import type { SizeEstimate } from './types';

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'] as const;

/** Which size the user asked to see: what `docker images` shows, or what a pull transfers. */
export type SizeMeasure = 'uncompressed' | 'compressed';

/** 75_200_000 → "75 MB", 1_137_000_000 → "1.1 GB", 3_200_000 → "3.2 MB", 512_000 → "512 KB". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return 'unknown';
  let unit = 0;
  let value = bytes;
  while (unit < UNITS.length - 1 && roundForDisplay(value) >= 1000) {
    value /= 1000;
    unit++;
  }
  return `${trimZero(roundForDisplay(value))} ${UNITS[unit]}`;
}

/** Two significant digits below 10 (3.2 MB), whole numbers above (75 MB): an estimate is not more precise. */
function roundForDisplay(value: number): number {
  return value < 9.95 ? Math.round(value * 10) / 10 : Math.round(value);
}

function trimZero(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** The bytes of the chosen measure; null when unknown. */
export function measuredBytes(estimate: Pick<SizeEstimate, 'bytes' | 'compressedBytes'>, measure: SizeMeasure = 'uncompressed'): number | null {
  return measure === 'compressed' ? estimate.compressedBytes : estimate.bytes;
}

/**
 * The CodeLens text: always says it is an estimate, says unknown rather than inventing a number, and
 * "≥" when only a lower bound is known (part of the stage cannot be sized, e.g. an unread build context).
 */
export function formatEstimate(
  estimate: Pick<SizeEstimate, 'bytes'> & Partial<Pick<SizeEstimate, 'low' | 'high' | 'compressedBytes'>>,
  measure: SizeMeasure = 'uncompressed',
): string {
  const bytes = displayedBytes(estimate, measure);
  if (bytes === null) return measure === 'compressed' && estimate.bytes !== null ? 'compressed size unknown' : 'size unknown';
  // "≥ 0 B" says nothing: a stage whose every byte is uncertain has an unknown size.
  if (bytes === 0 && isLowerBoundOnly(estimate)) return 'size unknown';
  const approx = isLowerBoundOnly(estimate) ? '≥' : '≈';
  const suffix = measure === 'compressed' ? ' est. compressed' : ' est.';
  return `${approx} ${formatBytes(bytes)}${suffix}`;
}

/** Only a lower bound is known when part of the stage could not be sized (an unread build context). */
export function isLowerBoundOnly(estimate: Pick<SizeEstimate, 'bytes'> & Partial<Pick<SizeEstimate, 'high'>>): boolean {
  return estimate.high === null && estimate.bytes !== null;
}

/**
 * The number to show after "≈" or "≥". With only a lower bound, the best guess may exceed what is
 * certain, so "≥" shows the low end (scaled to the compressed measure by the estimate's own ratio).
 */
export function displayedBytes(
  estimate: Pick<SizeEstimate, 'bytes'> & Partial<Pick<SizeEstimate, 'low' | 'high' | 'compressedBytes'>>,
  measure: SizeMeasure = 'uncompressed',
): number | null {
  const bytes = measure === 'compressed' ? (estimate.compressedBytes ?? null) : estimate.bytes;
  if (bytes === null || !isLowerBoundOnly(estimate) || estimate.low == null || !estimate.bytes) return bytes;
  return Math.round(bytes * (estimate.low / estimate.bytes));
}

/** "60 MB–90 MB", "≥ 60 MB" or '' when the range is unknown. */
export function formatRange(estimate: Pick<SizeEstimate, 'low' | 'high'>): string {
  if (estimate.low === null) return '';
  if (estimate.high === null) return `≥ ${formatBytes(estimate.low)}`;
  if (formatBytes(estimate.low) === formatBytes(estimate.high)) return formatBytes(estimate.low);
  return `${formatBytes(estimate.low)}–${formatBytes(estimate.high)}`;
}
