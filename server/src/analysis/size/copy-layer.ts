// COPY and ADD layers. From the build context: the real bytes of the matched files (the door already
// dropped what .dockerignore excludes). From another stage: what the source path holds there, found
// from what that stage's layers wrote; from an image: bounded by the image's size.
import { imageFacts, parseImageRef } from '../images';
import type { InstructionInfo, Stage } from '../model-types';
import { isHeredocSource, unquote } from '../rules/support/correctness-paths';
import { instructionArguments } from '../rules/support/instruction-args';
import { isSameOrAncestor } from '../rules/support/paths';
import type { BuildContextInfo } from '../engine-types';
import { amount, COMPRESSION, MB, openEnded, scale, sum, ZERO, type Amount, type Estimate } from './amount';
import type { Contribution, StageState } from './stage-state';
import { resolvePath } from './stage-state';

export interface CopyLayer {
  estimate: Estimate;
  note: string;
  contribution: Contribution | null;
}

interface CopyArguments {
  sources: string[];
  destination: string;
  heredocBytes: number | null;
}

function copyArguments(instruction: InstructionInfo): CopyArguments | null {
  const args = instructionArguments(instruction).map((word) => unquote(word.value));
  if (args.some(isHeredocSource)) {
    const text = instruction.node.getRange();
    return { sources: [], destination: '', heredocBytes: (text.end.line - text.start.line) * 40 };
  }
  if (args.length < 2) return null;
  return { sources: args.slice(0, -1), destination: args[args.length - 1], heredocBytes: null };
}

const ALREADY_COMPRESSED = /\.(jar|war|ear|zip|gz|tgz|bz2|xz|zst|7z|png|jpe?g|gif|webp|avif|mp[34]|woff2?|whl|apk|deb|rpm)$/i;
const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst)$/i;
const GLOB = /[*?[]/;
const REMOTE_SOURCE = /^(https?|git):\/\/|^git@|\.git(#.*)?$/;

export function flagValue(instruction: InstructionInfo, name: string): string | null {
  return instruction.flags.find((flag) => flag.name === name)?.value ?? null;
}

export function estimateContextCopy(instruction: InstructionInfo, state: StageState, context: BuildContextInfo | undefined): CopyLayer {
  const args = copyArguments(instruction);
  if (!args) return { estimate: ZERO, note: 'no source', contribution: null };
  if (args.heredocBytes !== null) return { estimate: amount({ bytes: args.heredocBytes, kind: 'text', basis: 'table' }), note: 'a heredoc file', contribution: null };
  const destination = resolvePath(state.workdir, args.destination);
  const remote = args.sources.filter((source) => REMOTE_SOURCE.test(source)).length;
  const local = remote === 0 ? args.sources : args.sources.filter((source) => !REMOTE_SOURCE.test(source));
  const notes: string[] = [];
  if (remote > 0) notes.push(`${remote} remote source(s): their size is only known when downloaded`);
  if (local.length > 0 && context?.files) return copyFromContext(instruction, args, local, destination, context, context.files, notes);
  if (local.length > 0) notes.push('the build context was not read: at least the rest of the stage');
  // Each of those is "at least nothing": together, still at least nothing.
  const estimate = notes.length === 0 ? ZERO : AT_LEAST_NOTHING;
  return { estimate, note: notes.join('; '), contribution: { path: destination, amount: estimate, what: 'copied files' } };
}

/** openEnded(ZERO): nothing known but a lower bound of nothing. Shared: frozen. */
const AT_LEAST_NOTHING = Object.freeze(openEnded(ZERO));

/** The matched files of the listed build context (remote sources, already in `notes`, add at least nothing). */
function copyFromContext(
  instruction: InstructionInfo,
  args: CopyArguments,
  local: readonly string[],
  destination: string,
  context: BuildContextInfo,
  contextFiles: NonNullable<BuildContextInfo['files']>,
  notes: string[],
): CopyLayer {
  const parts: Amount[] = notes.length > 0 ? [openEnded(ZERO)] : [];
  const excludes = instruction.flags.filter((flag) => flag.name === 'exclude' && flag.value).map((flag) => globToRegExp(flag.value as string));
  const matched = matchContextFiles(local, contextFiles).filter((file) => !excludes.some((pattern) => pattern.test(file.path)));
  const files = matched.map((file) => ({ path: destinationOf(file, destination, args), bytes: file.bytes, source: file.path }));
  const bytes = files.reduce((total, file) => total + file.bytes, 0);
  const compressed = files.reduce((total, file) => total + file.bytes / compressionRatio(file.source), 0);
  let copied = amount({ bytes, compressed, kind: 'text', basis: 'table' });
  const archives = instruction.keyword === 'ADD' ? files.filter((file) => ARCHIVE.test(file.source)) : [];
  if (archives.length > 0) {
    // ADD unpacks local archives: the layer holds the extracted files, a few times the archive.
    const archived = archives.reduce((total, file) => total + file.bytes, 0);
    copied = sum([copied, amount({ bytes: archived * 2, low: 0, high: archived * 9, kind: 'text', basis: 'heuristic' })]) as Amount;
    notes.push(`${archives.length} archive(s) unpacked by ADD (×1–10 of their size)`);
  }
  if (context.truncated) copied = openEnded(copied);
  parts.push(copied);
  notes.unshift(`${files.length} file(s) from the build context${context.dockerignore !== null ? ', .dockerignore applied' : ''}${context.truncated ? ' (listing cut short: at least)' : ''}`);
  return {
    estimate: sum(parts),
    note: notes.join('; '),
    contribution: { path: destination, amount: sum(parts) as Amount, files: files.map(({ path, bytes: size }) => ({ path, bytes: size })), what: 'files from the build context' },
  };
}

function compressionRatio(path: string): number {
  if (ALREADY_COMPRESSED.test(path)) return COMPRESSION.compressedPayload;
  if (path.startsWith('node_modules/') || path.includes('/node_modules/')) return COMPRESSION.nodeModules;
  return COMPRESSION.text;
}

function normalizeSource(source: string): string {
  let path = source.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/^\/+/, '').replace(/\/+$/, '');
  path = path.split('/').filter((part) => part !== '.' && part !== '').join('/');
  return path;
}

interface MatchedFile {
  path: string;
  bytes: number;
  /** The matched source root (a file or a directory) the file was found under. */
  root: string;
}

export function matchContextFiles(sources: readonly string[], files: ReadonlyArray<{ path: string; bytes: number }>): MatchedFile[] {
  const matched = new Map<string, MatchedFile>();
  for (const raw of sources) {
    const source = normalizeSource(raw);
    if (source === '' || source === '..') {
      for (const file of files) matched.set(file.path, { ...file, root: '' });
      continue;
    }
    const pattern = GLOB.test(source) ? globToRegExp(source, true) : null;
    for (const file of files) {
      const root = pattern ? matchingRoot(pattern, file.path) : file.path === source || file.path.startsWith(`${source}/`) ? source : null;
      if (root !== null && !matched.has(file.path)) matched.set(file.path, { ...file, root });
    }
  }
  return [...matched.values()];
}

/** The prefix of `path` (the file or one of its folders) that the pattern matches, if any. */
function matchingRoot(pattern: RegExp, path: string): string | null {
  const parts = path.split('/');
  for (let count = 1; count <= parts.length; count++) {
    const prefix = parts.slice(0, count).join('/');
    if (pattern.test(prefix)) return prefix;
  }
  return null;
}

/** Go's filepath.Match syntax (what COPY uses) plus `**` (what --exclude and .dockerignore allow). */
export function globToRegExp(glob: string, anchored = true): RegExp {
  let pattern = '';
  const text = normalizeSource(glob);
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '*' && text[index + 1] === '*') {
      pattern += '.*';
      index += text[index + 2] === '/' ? 2 : 1;
    } else if (char === '*') pattern += '[^/]*';
    else if (char === '?') pattern += '[^/]';
    else if (char === '[') {
      const close = text.indexOf(']', index + 1);
      if (close < 0) pattern += '\\[';
      else {
        pattern += `[${text.slice(index + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        index = close;
      }
    } else pattern += char.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(anchored ? `^${pattern}$` : pattern);
}

function destinationOf(file: MatchedFile, destination: string, args: CopyArguments): string {
  const isDirectoryTarget = args.destination.endsWith('/') || args.sources.length > 1 || file.root !== file.path;
  if (file.root === file.path) {
    const name = file.path.split('/').pop() ?? file.path;
    return isDirectoryTarget ? `${destination}/${name}`.replace(/^\/\//, '/') : destination;
  }
  const relative = file.root === '' ? file.path : file.path.slice(file.root.length + 1);
  return `${destination === '/' ? '' : destination}/${relative}`;
}

/** Nothing is known about a path a stage got from its base image or an unpriced command: between nothing and all. */
const UNKNOWN_PATH_GUESS = 10 * MB;

export function estimateStageCopy(
  instruction: InstructionInfo,
  state: StageState,
  from: string,
  stages: readonly Stage[],
  finished: ReadonlyMap<number, StageState>,
): CopyLayer {
  const args = copyArguments(instruction);
  if (!args) return { estimate: ZERO, note: 'no source', contribution: null };
  const destination = resolvePath(state.workdir, args.destination);
  const sourceStage = findStage(from, stages, state.stage);
  if (sourceStage === undefined) return copyFromImage(from, args, destination);
  const source = sourceStage === null ? undefined : finished.get(sourceStage.index);
  if (!source) return { estimate: null, note: `stage ${from} is not built before this one`, contribution: null };
  const label = sourceStage?.name ?? String(sourceStage?.index);
  const estimates = args.sources.map((path) => whatPathHolds(source, staticPrefix(resolvePath('/', path))));
  const estimate = sum(estimates.map((found) => found.estimate));
  const note = `from stage ${label}: ${estimates.map((found) => found.note).join('; ')}`;
  return { estimate, note, contribution: estimate ? { path: destination, amount: estimate, what: `files from stage ${label}` } : null };
}

/** A stage by name or number; null for a reference to itself or later; undefined when it names an image. */
function findStage(from: string, stages: readonly Stage[], current: Stage): Stage | null | undefined {
  const name = from.toLowerCase();
  const byName = stages.find((stage) => stage.name !== null && stage.name.toLowerCase() === name);
  const stage = byName ?? (/^\d+$/.test(from) ? stages[Number(from)] : undefined);
  if (stage === undefined) return undefined;
  return stage.index < current.index ? stage : null;
}

function staticPrefix(path: string): string {
  const parts = path.split('/');
  const firstGlob = parts.findIndex((part) => GLOB.test(part));
  return firstGlob < 0 ? path : parts.slice(0, firstGlob).join('/') || '/';
}

function whatPathHolds(source: StageState, path: string): { estimate: Estimate; note: string } {
  if (path === '/') return { estimate: source.total, note: 'everything in it' };
  const found: Amount[] = [];
  const what: string[] = [];
  for (const contribution of source.contributions) {
    if (isSameOrAncestor(path, contribution.path)) {
      found.push(contribution.amount);
      what.push(contribution.what);
    } else if (isSameOrAncestor(contribution.path, path)) {
      const part = partOf(contribution, path);
      if (part.high === 0) continue;
      found.push(part);
      what.push(`part of ${contribution.what}`);
    }
  }
  if (found.length > 0) return { estimate: sum(found), note: `${path}: ${[...new Set(what)].join(', ')}` };
  if (source.total === null) return { estimate: null, note: `${path}: not known, and the stage's size is unknown` };
  const whole = source.total;
  const guess = Math.min(UNKNOWN_PATH_GUESS, whole.bytes);
  return {
    estimate: amount({ bytes: guess, low: 0, high: whole.high, kind: 'binary', basis: 'heuristic' }),
    note: `${path}: not written by a layer Layerwise can price, so between nothing and the whole stage`,
  };
}

function partOf(contribution: Contribution, path: string): Amount {
  if (contribution.files) {
    const bytes = contribution.files.filter((file) => isSameOrAncestor(path, file.path)).reduce((total, file) => total + file.bytes, 0);
    const share = contribution.amount.bytes > 0 ? bytes / contribution.amount.bytes : 0;
    return scale(contribution.amount, share);
  }
  if (contribution.whole) return contribution.amount;
  return scale(contribution.amount, 0.5, 0, 1, 'heuristic');
}

/** The bundled table's sizes of an image named by `COPY --from`, looked up once per name (the editor re-analyses on every edit). */
const imageSizes = new Map<string, { uncompressedBytes: number | null; compressedBytes: number | null }>();
const MAX_CACHED_IMAGES = 200;

function imageSize(from: string): { uncompressedBytes: number | null; compressedBytes: number | null } {
  let size = imageSizes.get(from);
  if (!size) {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const { uncompressedBytes, compressedBytes } = imageFacts(parseImageRef(from, range));
    size = { uncompressedBytes, compressedBytes };
    if (imageSizes.size >= MAX_CACHED_IMAGES) imageSizes.clear();
    imageSizes.set(from, size);
  }
  return size;
}

function copyFromImage(from: string, args: CopyArguments, destination: string): CopyLayer {
  const facts = imageSize(from);
  if (facts.uncompressedBytes === null) return { estimate: null, note: `image ${from}: its size is not known`, contribution: null };
  const whole = facts.uncompressedBytes;
  const everything = args.sources.some((source) => resolvePath('/', source) === '/');
  const estimate = everything
    ? amount({ bytes: whole, kind: 'packages', basis: 'table', compressed: facts.compressedBytes ?? undefined })
    : amount({ bytes: Math.min(UNKNOWN_PATH_GUESS, whole), low: 0, high: whole, kind: 'binary', basis: 'heuristic' });
  const note = everything ? `all of image ${from}` : `from image ${from}: between nothing and the whole image`;
  return { estimate, note, contribution: { path: destination, amount: estimate, what: `files from ${from}` } };
}
