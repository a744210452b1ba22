// Arithmetic on estimated sizes: a best guess with a low–high range, its compressed counterpart and
// how it is known. Unknown stays unknown through every sum; an open range (`high` null) means "at
// least": the listing of the build context was missing or cut short, so only a lower bound is known.
import type { EstimateBasis, SizeEstimate } from './types';

export interface Amount {
  bytes: number;
  low: number;
  /** null: no upper bound is known (something of unknowable size is included). */
  high: number | null;
  compressed: number;
  compressedLow: number;
  compressedHigh: number | null;
  basis: Exclude<EstimateBasis, 'unknown'>;
}

/** An estimate: a number with its range, or `null` for unknown. */
export type Estimate = Amount | null;

export const ZERO: Amount = Object.freeze({
  bytes: 0,
  low: 0,
  high: 0,
  compressed: 0,
  compressedLow: 0,
  compressedHigh: 0,
  basis: 'table',
}) as Amount;

/**
 * Uncompressed / compressed ratios of real layers (shared data README, "Compression ratios"):
 * distro and runtime files 2.2–2.9, already-compressed payloads ≈ 1, text-heavy trees ≈ 4,
 * node_modules 3–6. apt lists: 20 MB → 16.6 MB on the official Debian images (stored gzipped).
 */
export const COMPRESSION = {
  packages: 2.6,
  binary: 2.2,
  compressedPayload: 1.0,
  text: 4,
  nodeModules: 4,
  aptLists: 20 / 16.6,
} as const;

export type ContentKind = keyof typeof COMPRESSION;

/** The spread of those ratios (same source): the compressed range is wider than the uncompressed one. */
export const COMPRESSION_SPREAD: Record<ContentKind, [number, number]> = {
  packages: [2.2, 2.9],
  binary: [2, 3],
  compressedPayload: [1, 1.1],
  text: [3, 5],
  nodeModules: [3, 6],
  aptLists: [20 / 16.6, 20 / 16.6],
};

export interface AmountSpec {
  bytes: number;
  low?: number;
  high?: number | null;
  basis?: Amount['basis'];
  kind: ContentKind;
  /** A measured compressed size, when there is one. */
  compressed?: number;
}

export function amount(spec: AmountSpec): Amount {
  const ratio = COMPRESSION[spec.kind];
  const low = spec.low ?? spec.bytes;
  const high = spec.high === undefined ? spec.bytes : spec.high;
  const compressed = spec.compressed ?? spec.bytes / ratio;
  // A measured compressed size keeps the uncompressed range's shape; a derived one gets the ratio's spread too.
  const [lowestRatio, highestRatio] = COMPRESSION_SPREAD[spec.kind];
  const measuredScale = spec.bytes > 0 ? compressed / spec.bytes : 1 / ratio;
  const lowScale = spec.compressed === undefined ? 1 / highestRatio : measuredScale;
  const highScale = spec.compressed === undefined ? 1 / lowestRatio : measuredScale;
  return {
    bytes: Math.round(spec.bytes),
    low: Math.round(low),
    high: high === null ? null : Math.round(high),
    compressed: Math.round(compressed),
    compressedLow: Math.round(low * lowScale),
    compressedHigh: high === null ? null : Math.round(high * highScale),
    basis: spec.basis ?? 'heuristic',
  };
}

function addNullable(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a + b;
}

function combinedBasis(a: Amount['basis'], b: Amount['basis']): Amount['basis'] {
  return a === 'heuristic' || b === 'heuristic' ? 'heuristic' : 'table';
}

export function add(a: Estimate, b: Estimate): Estimate {
  if (a === null || b === null) return null;
  return {
    bytes: a.bytes + b.bytes,
    low: a.low + b.low,
    high: addNullable(a.high, b.high),
    compressed: a.compressed + b.compressed,
    compressedLow: a.compressedLow + b.compressedLow,
    compressedHigh: addNullable(a.compressedHigh, b.compressedHigh),
    basis: combinedBasis(a.basis, b.basis),
  };
}

export function sum(estimates: readonly Estimate[]): Estimate {
  return estimates.reduce<Estimate>((total, next) => add(total, next), ZERO);
}

/** Subtracts what a same-layer cleanup removes, never below nothing. */
export function subtract(a: Amount, removed: Amount): Amount {
  const minus = (x: number, y: number) => Math.max(0, x - y);
  return {
    bytes: minus(a.bytes, removed.bytes),
    // The range stays honest: the low end loses the most that may have been removed, the high end the least.
    low: minus(a.low, removed.high ?? a.low),
    high: a.high === null ? null : minus(a.high, removed.low),
    compressed: minus(a.compressed, removed.compressed),
    compressedLow: minus(a.compressedLow, removed.compressedHigh ?? a.compressedLow),
    compressedHigh: a.compressedHigh === null ? null : minus(a.compressedHigh, removed.compressedLow),
    basis: combinedBasis(a.basis, removed.basis),
  };
}

/** Multiplies by a factor with its own range (`factor` best, `low`/`high` the spread). */
export function scale(a: Amount, factor: number, low = factor, high = factor, basis: Amount['basis'] = a.basis): Amount {
  return {
    bytes: Math.round(a.bytes * factor),
    low: Math.round(a.low * low),
    high: a.high === null ? null : Math.round(a.high * high),
    compressed: Math.round(a.compressed * factor),
    compressedLow: Math.round(a.compressedLow * low),
    compressedHigh: a.compressedHigh === null ? null : Math.round(a.compressedHigh * high),
    basis,
  };
}

// Written field by field rather than spread: these run for most layers, and a spread costs several times more.

/** Drops the upper bound: what is known is a lower bound only. */
export function openEnded(a: Amount): Amount {
  return { bytes: a.bytes, low: a.low, high: null, compressed: a.compressed, compressedLow: a.compressedLow, compressedHigh: null, basis: 'heuristic' };
}

export function asHeuristic(a: Amount): Amount {
  return { bytes: a.bytes, low: a.low, high: a.high, compressed: a.compressed, compressedLow: a.compressedLow, compressedHigh: a.compressedHigh, basis: 'heuristic' };
}

export function toSizeEstimate(estimate: Estimate, compressedKnown = true): SizeEstimate {
  if (estimate === null) return { bytes: null, low: null, high: null, compressedBytes: null, compressedLow: null, compressedHigh: null, basis: 'unknown' };
  return {
    bytes: estimate.bytes,
    low: estimate.low,
    high: estimate.high,
    compressedBytes: compressedKnown ? estimate.compressed : null,
    compressedLow: compressedKnown ? estimate.compressedLow : null,
    compressedHigh: compressedKnown ? estimate.compressedHigh : null,
    basis: estimate.basis,
  };
}

export const MB = 1_000_000;
export const KIB = 1024;
