// What ran before an instruction: the earlier instructions of its stage and everything in the stages
// it is built FROM. Rules ask this for every RUN, COPY or WORKDIR; walking the stage each time made
// long stages quadratic, so each stage is indexed once per analysis and the questions become lookups.
import type { InstructionInfo, Stage } from '../../model-types';
import { remembered } from '../../remembered';
import { compareRangeStarts } from './commands';

interface History {
  /** The instructions that run in this stage's build, oldest first: base stages, then its own. ONBUILD triggers are left out. */
  ordered: InstructionInfo[];
  /** For each instruction of the stage: how many of `ordered` run before it. */
  positions: Map<InstructionInfo, number>;
  /** keyword → indices into `ordered`, built on first use. */
  byKeyword: Map<string, number[]>;
  /** question key → indices into `ordered` of the instructions that match it, built on first use. */
  matches: Map<string, number[]>;
}

const histories = new WeakMap<Stage, History>();

function historyOf(stage: Stage): History {
  return remembered(histories, stage, buildHistory);
}

function buildHistory(stage: Stage): History {
  const chain: Stage[] = [];
  for (let current: Stage | null = stage; current && !chain.includes(current); current = current.baseStage) chain.unshift(current);
  const ordered: InstructionInfo[] = [];
  const positions = new Map<InstructionInfo, number>();
  for (const current of chain) {
    for (const instruction of current.instructions) {
      if (current === stage) positions.set(instruction, ordered.length);
      if (!instruction.onbuild) ordered.push(instruction);
    }
  }
  return { ordered, positions, byKeyword: new Map(), matches: new Map() };
}

/** How many of the history's instructions run before `instruction` (all of them for null). */
function positionOf(history: History, stage: Stage, instruction: InstructionInfo | null): number {
  if (instruction === null) return history.ordered.length;
  const known = history.positions.get(instruction);
  if (known !== undefined) return known;
  // Not one of the stage's own instructions: place it by its position in the document.
  const own = stage.instructions.filter((other) => !other.onbuild && compareRangeStarts(other.range, instruction.range) < 0);
  return history.ordered.length - stage.instructions.filter((other) => !other.onbuild).length + own.length;
}

function keywordIndices(history: History, keyword: string): number[] {
  return remembered(history.byKeyword, keyword, () => matchingIndices(history, [keyword], () => true));
}

/**
 * The instructions that run before `instruction` in its stage's build, oldest first: those of the
 * stages it is built FROM, then the earlier ones of its own stage (all of them for null).
 */
export function instructionsBefore(stage: Stage, instruction: InstructionInfo | null): InstructionInfo[] {
  const history = historyOf(stage);
  return history.ordered.slice(0, positionOf(history, stage, instruction));
}

/** The instructions with one of the keywords that run before `instruction`, oldest first. */
export function keywordInstructionsBefore(stage: Stage, instruction: InstructionInfo | null, keywords: readonly string[]): InstructionInfo[] {
  const history = historyOf(stage);
  const position = positionOf(history, stage, instruction);
  const indices = keywords.flatMap((keyword) => keywordIndices(history, keyword).filter((index) => index < position));
  if (keywords.length > 1) indices.sort((a, b) => a - b);
  return indices.map((index) => history.ordered[index]);
}

/** The last instruction with this keyword that runs before `instruction` (the USER or SHELL in force), or null. */
export function nearestBefore(stage: Stage, instruction: InstructionInfo | null, keyword: string): InstructionInfo | null {
  const history = historyOf(stage);
  const position = positionOf(history, stage, instruction);
  return lastBefore(history, keywordIndices(history, keyword), position);
}

/** The last of the instructions at `indices` (ascending) that runs before `position`, or null. */
function lastBefore(history: History, indices: readonly number[], position: number): InstructionInfo | null {
  for (let at = indices.length - 1; at >= 0; at--) if (indices[at] < position) return history.ordered[indices[at]];
  return null;
}

/** The indices of the instructions with one of the keywords that pass `test`; `key` names the question. */
function matchIndices(history: History, key: string, keywords: readonly string[], test: (instruction: InstructionInfo) => boolean): number[] {
  return remembered(history.matches, key, () => matchingIndices(history, keywords, test));
}

function matchingIndices(history: History, keywords: readonly string[], test: (instruction: InstructionInfo) => boolean): number[] {
  const indices: number[] = [];
  for (let index = 0; index < history.ordered.length; index++) {
    const other = history.ordered[index];
    if (keywords.includes(other.keyword) && test(other)) indices.push(index);
  }
  return indices;
}

/**
 * True when an instruction with one of the keywords that runs before `instruction` matches `test`.
 * `key` names the question (the same key must always mean the same test): the stage's matches are
 * found once and every later question is a comparison.
 */
export function matchedBefore(
  stage: Stage,
  instruction: InstructionInfo,
  key: string,
  keywords: readonly string[],
  test: (instruction: InstructionInfo) => boolean,
): boolean {
  const history = historyOf(stage);
  const indices = matchIndices(history, key, keywords, test);
  return indices.length > 0 && indices[0] < positionOf(history, stage, instruction);
}

/** The last instruction with one of the keywords that runs before `instruction` and matches `test`, or null (`key` as for matchedBefore). */
export function nearestMatchBefore(
  stage: Stage,
  instruction: InstructionInfo,
  key: string,
  keywords: readonly string[],
  test: (instruction: InstructionInfo) => boolean,
): InstructionInfo | null {
  const history = historyOf(stage);
  return lastBefore(history, matchIndices(history, key, keywords, test), positionOf(history, stage, instruction));
}
