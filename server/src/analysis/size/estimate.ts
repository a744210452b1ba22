// The size estimator: per stage, the base image from the measured table, then one estimate per
// layer-producing instruction (RUN, COPY, ADD), each with its range and basis. Pure: the model, the
// data tables and what the door read from the build context in; estimates out.
import type { BuildContextInfo, ExtraBaseImage } from '../engine-types';
import { findTableKey } from '../images';
import type { DockerfileModel, InstructionInfo, Stage } from '../model-types';
import { add, amount, COMPRESSION_SPREAD, toSizeEstimate, type Amount, type Estimate } from './amount';
import { BASE_IMAGE_TABLE, type BaseImageEntry, type BaseImageTable } from './base-image-table';
import { estimateContextCopy, estimateStageCopy, flagValue, type CopyLayer } from './copy-layer';
import { estimateRun } from './run-layer';
import { labelHead, workspaceHints, type WorkspaceHints } from './run-parts';
import { flavourFor, initialPackages, NO_NAMES, packageBaseFor, resolvePath, type StageState } from './stage-state';
import type { LayerEstimate, SizeEstimate, StageEstimate } from './types';

/** Numbers derived with the table's compression ratio are given a ±10 % range; measured ones are exact. */
const DERIVED_TOLERANCE = 0.1;

export function estimateStages(
  model: DockerfileModel,
  table: BaseImageTable = BASE_IMAGE_TABLE,
  context?: BuildContextInfo,
  extraBaseImages?: Readonly<Record<string, ExtraBaseImage>>,
): StageEstimate[] {
  const indexOf = instructionIndexer(model);
  const finished = new Map<number, StageState>();
  const walk: WalkContext = { model, context, hints: workspaceHints(context), finished };
  const estimates: StageEstimate[] = [];
  for (const stage of model.stages) {
    const { state, note, base, compressedKnown } = startStage(stage, finished, table, extraBaseImages);
    const layers: LayerEstimate[] = [layerEstimate(stage.from, base, note, indexOf, compressedKnown)];
    for (const instruction of stage.instructions) {
      if (instruction.onbuild) continue;
      const layer = estimateInstruction(instruction, state, walk);
      if (!layer) continue;
      state.total = add(state.total, layer.estimate);
      layers.push(layerEstimate(instruction, layer.estimate, layer.note, indexOf, true));
    }
    finished.set(stage.index, state);
    estimates.push(stageEstimate(toSizeEstimate(state.total, compressedKnown), stage, layers));
  }
  return estimates;
}

/** Written out field by field: an object spread here cost more than the rest of the stage's bookkeeping. */
function stageEstimate(size: SizeEstimate, stage: Stage, layers: LayerEstimate[]): StageEstimate {
  return {
    bytes: size.bytes,
    low: size.low,
    high: size.high,
    compressedBytes: size.compressedBytes,
    compressedLow: size.compressedLow,
    compressedHigh: size.compressedHigh,
    basis: size.basis,
    stageIndex: stage.index,
    layers,
    buildOnly: !stage.shipsLayers,
  };
}

interface WalkContext {
  model: DockerfileModel;
  context: BuildContextInfo | undefined;
  hints: WorkspaceHints;
  finished: ReadonlyMap<number, StageState>;
}

function estimateInstruction(instruction: InstructionInfo, state: StageState, walk: WalkContext): { estimate: Estimate; note: string } | null {
  switch (instruction.keyword) {
    case 'WORKDIR':
      applyWorkdir(instruction, state, walk.model);
      return null;
    case 'USER':
      applyUser(instruction, state, walk.model);
      return null;
    case 'RUN': {
      const layer = estimateRun(instruction, state, walk.hints);
      for (const part of layer.parts) {
        if (part.path !== null && part.amount !== null) {
          const what = labelHead(part.label);
          state.contributions.push({ path: part.path, amount: part.amount, what, whole: part.whole });
          for (const alias of part.aliases ?? []) state.contributions.push({ path: alias, amount: part.amount, what, whole: part.whole });
        }
      }
      return layer;
    }
    case 'COPY':
    case 'ADD': {
      const from = flagValue(instruction, 'from');
      const layer: CopyLayer = from
        ? estimateStageCopy(instruction, state, from, walk.model.stages, walk.finished)
        : estimateContextCopy(instruction, state, walk.context);
      if (layer.contribution) state.contributions.push(layer.contribution);
      return layer;
    }
    default:
      return null;
  }
}

/** The instruction's text after its keyword (cheaper than asking the parser for its arguments). */
function argumentText(instruction: InstructionInfo, model: DockerfileModel): string {
  const { start, end } = instruction.keywordRange;
  const line = model.lines[start.line] ?? '';
  return start.line === instruction.range.end.line && end.line === start.line ? line.slice(end.character, instruction.range.end.character).trim() : '';
}

function applyWorkdir(instruction: InstructionInfo, state: StageState, model: DockerfileModel): void {
  const path = argumentText(instruction, model);
  if (path && !path.includes('$')) state.workdir = resolvePath(state.workdir, isQuote(path[0]) || isQuote(path[path.length - 1]) ? path.replace(/^["']|["']$/g, '') : path);
}

function isQuote(char: string): boolean {
  return char === '"' || char === "'";
}

function applyUser(instruction: InstructionInfo, state: StageState, model: DockerfileModel): void {
  const user = argumentText(instruction, model).split(':')[0];
  if (!user || user.includes('$')) return;
  state.home = user === 'root' || user === '0' ? '/root' : `/home/${user}`;
}

/**
 * Index of an instruction in model.instructions. Stages list their instructions in document order, as
 * model.instructions does, so a cursor that only moves forward finds each one: no map per analysis.
 */
function instructionIndexer(model: DockerfileModel): (instruction: InstructionInfo) => number {
  let cursor = 0;
  return (instruction) => {
    for (let index = cursor; index < model.instructions.length; index++) {
      if (model.instructions[index] === instruction) {
        cursor = index + 1;
        return index;
      }
    }
    return model.instructions.indexOf(instruction);
  };
}

function layerEstimate(
  instruction: InstructionInfo,
  estimate: Estimate,
  note: string,
  indexOf: (instruction: InstructionInfo) => number,
  compressedKnown: boolean,
): LayerEstimate {
  // toSizeEstimate's fields written here directly: one object per layer instead of two.
  const known = estimate !== null;
  const compressed = known && compressedKnown;
  return {
    bytes: known ? estimate.bytes : null,
    low: known ? estimate.low : null,
    high: known ? estimate.high : null,
    compressedBytes: compressed ? estimate.compressed : null,
    compressedLow: compressed ? estimate.compressedLow : null,
    compressedHigh: compressed ? estimate.compressedHigh : null,
    basis: known ? estimate.basis : 'unknown',
    instructionIndex: indexOf(instruction),
    line: instruction.range.start.line,
    keyword: instruction.keyword,
    note,
  };
}

interface StageStart {
  state: StageState;
  base: Estimate;
  note: string;
  /** False when the base's compressed size is not known at all (unknown image). */
  compressedKnown: boolean;
}

function startStage(
  stage: Stage,
  finished: ReadonlyMap<number, StageState>,
  table: BaseImageTable,
  extraBaseImages: Readonly<Record<string, ExtraBaseImage>> | undefined,
): StageStart {
  if (stage.baseStage) {
    const inherited = finished.get(stage.baseStage.index);
    const note = `everything in stage ${stage.baseStage.name ?? stage.baseStage.index}`;
    if (inherited) {
      const state: StageState = {
        ...inherited,
        stage,
        installed: inherited.installed,
        contributions: [...inherited.contributions],
      };
      return { state, base: inherited.total, note, compressedKnown: inherited.total !== null };
    }
  }
  const { base } = stage;
  const facts = stage.facts;
  const tag = base.tag ?? 'latest';
  const packageBase = packageBaseFor(facts, tag);
  const state: StageState = {
    stage,
    total: null,
    packageBase,
    installed: initialPackages(packageBase, flavourFor(base.repository, tag)),
    apkAdded: NO_NAMES,
    contributions: [],
    countedCaches: NO_NAMES,
    workdir: '/',
    home: facts.defaultUser && facts.defaultUser !== 'root' ? `/home/${facts.defaultUser.replace(/\(.*$/, '')}` : '/root',
  };
  const { estimate, note } = baseImage(stage, table, extraBaseImages);
  state.total = estimate;
  return { state, base: estimate, note, compressedKnown: estimate !== null };
}

function baseImage(
  stage: Stage,
  table: BaseImageTable,
  extraBaseImages: Readonly<Record<string, ExtraBaseImage>> | undefined,
): { estimate: Estimate; note: string } {
  const { base } = stage;
  if (stage.baseStage) return { estimate: null, note: `stage ${stage.baseStage.name ?? stage.baseStage.index} is not known yet` };
  if (base.hasUnresolvedVariables) return { estimate: null, note: `${base.raw} depends on a build argument without a default` };
  if (base.isScratch) return { estimate: amount({ bytes: 0, kind: 'packages', basis: 'table' }), note: 'scratch is empty' };

  // The model already looked the image up in the bundled table.
  const key = table === BASE_IMAGE_TABLE ? stage.facts.key : findTableKey(base, table);
  const entry = key === null ? undefined : table.images[key];
  if (key === null || !entry || entry.uncompressedBytes === null) {
    const extra = extraBaseImageFor(base.resolved, extraBaseImages);
    if (extra) return fromExtraBaseImage(base.resolved, extra, table.uncompressedPerCompressed);
    return { estimate: null, note: `${base.resolved || 'the base image'} is not in the base-image table` };
  }
  return tableBase(table, key, entry, entry.uncompressedBytes);
}

/**
 * The base layer of each table entry, worked out once per entry: a Dockerfile's stages, and every
 * analysis of it, start from the same few images. Shared, so frozen.
 */
const tableBases = new WeakMap<BaseImageTable, Map<string, { estimate: Amount; note: string }>>();

function tableBase(table: BaseImageTable, key: string, entry: BaseImageEntry, bytes: number): { estimate: Amount; note: string } {
  let byKey = tableBases.get(table);
  if (!byKey) {
    byKey = new Map();
    tableBases.set(table, byKey);
  }
  let base = byKey.get(key);
  if (!base) {
    base = measuredBase(table, key, entry, bytes);
    Object.freeze(base.estimate);
    byKey.set(key, base);
  }
  return base;
}

function measuredBase(table: BaseImageTable, key: string, entry: BaseImageEntry, bytes: number): { estimate: Amount; note: string } {
  const compressed = entry.compressedBytes ?? undefined;
  if (!entry.uncompressedDerived) {
    const measured: Amount = amount({ bytes, compressed, kind: 'packages', basis: 'table' });
    const derivedNote = entry.compressedDerived ? `; compressed derived ÷${table.uncompressedPerCompressed}` : '';
    return { estimate: measured, note: `${key} from the base-image table (${entry.source})${derivedNote}` };
  }
  const derived = amount({ bytes, low: bytes * (1 - DERIVED_TOLERANCE), high: bytes * (1 + DERIVED_TOLERANCE), compressed, kind: 'packages', basis: 'table' });
  // The compressed size is the measured one: its range is exact.
  const exactCompressed: Amount = { ...derived, compressedLow: derived.compressed, compressedHigh: derived.compressed };
  return {
    estimate: exactCompressed,
    note: `${key} from the base-image table: ${entry.source}; uncompressed derived from the compressed size ×${table.uncompressedPerCompressed}`,
  };
}

function extraBaseImageFor(reference: string, extraBaseImages: Readonly<Record<string, ExtraBaseImage>> | undefined): ExtraBaseImage | null {
  if (!extraBaseImages || !Object.hasOwn(extraBaseImages, reference)) return null;
  const extra = extraBaseImages[reference];
  const valid = typeof extra?.compressedBytes === 'number' && Number.isFinite(extra.compressedBytes) && extra.compressedBytes >= 0;
  return valid ? extra : null;
}

/**
 * A base image known only by its compressed layer blobs (a registry manifest): the compressed size is
 * exact, the uncompressed one is derived with the measured ratio and carries that ratio's spread, so
 * it is a heuristic rather than a table figure.
 */
function fromExtraBaseImage(reference: string, extra: ExtraBaseImage, ratio: number): { estimate: Amount; note: string } {
  const compressed = extra.compressedBytes;
  const [lowestRatio, highestRatio] = COMPRESSION_SPREAD.packages;
  const derived = amount({ bytes: compressed * ratio, low: compressed * lowestRatio, high: compressed * highestRatio, compressed, kind: 'packages', basis: 'heuristic' });
  return {
    estimate: { ...derived, compressedLow: derived.compressed, compressedHigh: derived.compressed },
    note: `${reference} from ${extra.source}; uncompressed derived from the compressed size ×${ratio}`,
  };
}
