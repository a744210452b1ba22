// What the size estimator returns. The estimator itself is pure: model + data table in, estimates out.

export type EstimateBasis = 'table' | 'heuristic' | 'unknown';

export interface SizeEstimate {
  /** Best estimate in bytes (uncompressed, what `docker images` shows); null when unknown. */
  bytes: number | null;
  low: number | null;
  high: number | null;
  /** Compressed (what a pull transfers), where it can be known. */
  compressedBytes: number | null;
  /** The range of the compressed size (null high: only a lower bound); absent where not computed. */
  compressedLow?: number | null;
  compressedHigh?: number | null;
  basis: EstimateBasis;
}

export interface LayerEstimate extends SizeEstimate {
  /** Index into DockerfileModel.instructions. */
  instructionIndex: number;
  line: number;
  keyword: string;
  /** Short human explanation ("node:20-slim from the base-image table"). */
  note: string;
}

export interface StageEstimate extends SizeEstimate {
  stageIndex: number;
  /** The base image part, then one entry per layer-producing instruction. */
  layers: LayerEstimate[];
  /** Build-only stages are not part of the shipped image. */
  buildOnly: boolean;
}
