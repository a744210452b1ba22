// Human-readable sizes in the decimal units `docker images` uses (1 MB = 1,000,000 bytes).
import type { SizeEstimate } from './types';

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'] as const;

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

/** The CodeLens text: always says it is an estimate, and says unknown rather than inventing a number. */
export function formatEstimate(estimate: Pick<SizeEstimate, 'bytes'>): string {
  return estimate.bytes === null ? 'size unknown' : `≈ ${formatBytes(estimate.bytes)} est.`;
}
