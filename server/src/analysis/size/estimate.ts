// The first size estimator: the base image only, from the measured table. Later layers (RUN, COPY…)
// are the full estimator's job; until then a stage's estimate is its base image's size.
import { findTableKey } from '../images';
import type { DockerfileModel, InstructionInfo, Stage } from '../model-types';
import { BASE_IMAGE_TABLE, type BaseImageTable } from './base-image-table';
import type { LayerEstimate, SizeEstimate, StageEstimate } from './types';

/** Numbers derived with the table's compression ratio are given a ±10 % range; measured ones are exact. */
const DERIVED_TOLERANCE = 0.1;

export function estimateStages(model: DockerfileModel, table: BaseImageTable = BASE_IMAGE_TABLE): StageEstimate[] {
  const instructionIndexes = new Map<InstructionInfo, number>(model.instructions.map((info, index) => [info, index]));
  const estimates: StageEstimate[] = [];
  for (const stage of model.stages) {
    const base = baseLayer(stage, estimates, table);
    const layer: LayerEstimate = {
      ...base.estimate,
      instructionIndex: instructionIndexes.get(stage.from) ?? -1,
      line: stage.from.range.start.line,
      keyword: 'FROM',
      note: base.note,
    };
    estimates.push({ ...base.estimate, stageIndex: stage.index, layers: [layer], buildOnly: !stage.shipsLayers });
  }
  return estimates;
}

interface BaseLayer {
  estimate: SizeEstimate;
  note: string;
}

function baseLayer(stage: Stage, earlier: readonly StageEstimate[], table: BaseImageTable): BaseLayer {
  if (stage.baseStage) {
    const inherited = earlier[stage.baseStage.index];
    return {
      estimate: inherited ? pickSize(inherited) : unknown(),
      note: `everything in stage ${stage.baseStage.name ?? stage.baseStage.index}`,
    };
  }
  const { base } = stage;
  if (base.hasUnresolvedVariables) return { estimate: unknown(), note: `${base.raw} depends on a build argument without a default` };
  if (base.isScratch) return { estimate: exact(0, 0), note: 'scratch is empty' };

  const key = findTableKey(base, table);
  const entry = key === null ? undefined : table.images[key];
  if (key === null || !entry || entry.uncompressedBytes === null) {
    return { estimate: unknown(), note: `${base.resolved || 'the base image'} is not in the base-image table` };
  }
  if (!entry.uncompressedDerived) {
    return { estimate: exact(entry.uncompressedBytes, entry.compressedBytes), note: `${key} from the base-image table (${entry.source})` };
  }
  const bytes = entry.uncompressedBytes;
  return {
    estimate: {
      bytes,
      low: Math.round(bytes * (1 - DERIVED_TOLERANCE)),
      high: Math.round(bytes * (1 + DERIVED_TOLERANCE)),
      compressedBytes: entry.compressedBytes,
      basis: 'table',
    },
    note: `${key} from the base-image table: ${entry.source}; uncompressed derived from the compressed size ×${table.uncompressedPerCompressed}`,
  };
}

function exact(bytes: number, compressedBytes: number | null): SizeEstimate {
  return { bytes, low: bytes, high: bytes, compressedBytes, basis: 'table' };
}

function unknown(): SizeEstimate {
  return { bytes: null, low: null, high: null, compressedBytes: null, basis: 'unknown' };
}

function pickSize(estimate: SizeEstimate): SizeEstimate {
  const { bytes, low, high, compressedBytes, basis } = estimate;
  return { bytes, low, high, compressedBytes, basis };
}
