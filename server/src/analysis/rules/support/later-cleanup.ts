// Cleanups done in a later layer than the files they delete (LW103): a RUN that only removes files an
// earlier RUN created. The deletion hides the files but the earlier layer keeps their bytes.
import type { DockerfileModel, InstructionInfo, Stage } from '../../model-types';
import type { Range } from '../../rule';
import type { RunScript, ShellCommand, ShellWord } from '../../shell-types';
import { instructionArguments } from './instruction-args';
import { calledPrograms, findCalls, hasFlag, invocationOf, operands, type Invocation } from './commands';
import { APT, apkCacheWriters, aptListReaders, aptUpdates } from './package-managers';
import { isSameOrAncestor, normalizePath, scriptRemoves } from './paths';
import { andListItems, rangeContains, textAt } from './run-edits';
import { remembered } from '../../remembered';

/** A cache a tool leaves behind, and how to tell that a script wrote to it. */
interface CacheLocation {
  path: string;
  writtenBy(script: RunScript): boolean;
}

const PIP = { programs: ['pip', 'pip3'] };
const APT_INSTALLS = ['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'reinstall', 'download'];
const writesApkCache = (script: RunScript) => apkCacheWriters(script).length > 0;

const CACHES: readonly CacheLocation[] = [
  { path: '/var/lib/apt/lists', writtenBy: (s) => aptUpdates(s).length > 0 || aptListReaders(s).length > 0 },
  { path: '/var/cache/apt', writtenBy: (s) => findCalls(s, APT, APT_INSTALLS).length > 0 },
  { path: '/var/cache/apk', writtenBy: writesApkCache },
  { path: '/etc/apk/cache', writtenBy: writesApkCache },
  { path: '/root/.cache/pip', writtenBy: (s) => findCalls(s, PIP, ['install']).some((call) => !hasFlag(call, '--no-cache-dir')) },
  { path: '/root/.npm', writtenBy: (s) => findCalls(s, { programs: ['npm'] }, ['install', 'i', 'ci', 'add', 'update']).length > 0 },
  { path: '/usr/local/share/.cache/yarn', writtenBy: (s) => findCalls(s, { programs: ['yarn'] }).length > 0 },
  { path: '/var/cache/dnf', writtenBy: (s) => findCalls(s, { programs: ['dnf', 'microdnf'] }, ['install', 'update', 'upgrade']).length > 0 },
  { path: '/var/cache/yum', writtenBy: (s) => findCalls(s, { programs: ['yum'] }, ['install', 'update', 'upgrade']).length > 0 },
];

/** A clean subcommand and the paths it empties. */
interface CleanCommand {
  programs: readonly string[];
  words: string[];
  paths: string[];
}

const CLEAN_COMMANDS: readonly CleanCommand[] = [
  { programs: APT.programs, words: ['clean'], paths: ['/var/cache/apt'] },
  { programs: APT.programs, words: ['dist-clean'], paths: ['/var/cache/apt', '/var/lib/apt/lists'] },
  { programs: ['apk'], words: ['cache', 'clean'], paths: ['/etc/apk/cache', '/var/cache/apk'] },
  { programs: ['yum'], words: ['clean'], paths: ['/var/cache/yum'] },
  { programs: ['dnf', 'microdnf'], words: ['clean'], paths: ['/var/cache/dnf'] },
  { programs: ['pip', 'pip3'], words: ['cache', 'purge'], paths: ['/root/.cache/pip'] },
  { programs: ['npm'], words: ['cache', 'clean'], paths: ['/root/.npm'] },
  { programs: ['yarn'], words: ['cache', 'clean'], paths: ['/usr/local/share/.cache/yarn'] },
];

/** The clean subcommands of each program, in CLEAN_COMMANDS order. */
const CLEAN_COMMANDS_BY_PROGRAM = new Map<string, CleanCommand[]>();
for (const entry of CLEAN_COMMANDS) {
  for (const program of entry.programs) {
    const entries = CLEAN_COMMANDS_BY_PROGRAM.get(program);
    if (entries) entries.push(entry);
    else CLEAN_COMMANDS_BY_PROGRAM.set(program, [entry]);
  }
}
/** The programs a cleanup command can call. */
const CLEANUP_PROGRAMS: ReadonlySet<string> = new Set(['rm', ...CLEAN_COMMANDS_BY_PROGRAM.keys()]);

/** True when the script calls programs (nested calls included) and every one of them can be a cleanup. */
function callsOnlyCleanupPrograms(script: RunScript): boolean {
  let any = false;
  for (const name of calledPrograms(script)) {
    if (!CLEANUP_PROGRAMS.has(name)) return false;
    any = true;
  }
  return any;
}

/** The paths a cleanup command removes; null when the command is not a cleanup. */
function removedPaths(invocation: Invocation): string[] | null {
  if (invocation.name === 'rm') {
    const paths = operands(invocation).map((word) => pathOf(word));
    return paths.length > 0 && paths.every((path) => path !== null) ? (paths as string[]) : null;
  }
  const entries = CLEAN_COMMANDS_BY_PROGRAM.get(invocation.name);
  if (entries === undefined) return null;
  const words = invocation.args.filter((word) => !word.value.startsWith('-')).map((word) => word.value);
  const clean = entries.find((entry) => entry.words.every((word, index) => words[index] === word));
  return clean ? clean.paths : null;
}

/** A removed path as a directory-or-file path: `/tmp/*.tgz` → `/tmp`. null for `/` and unresolved variables. */
function pathOf(word: ShellWord): string | null {
  if (word.hasExpansion && !/^(~|\$HOME|\$\{HOME\})\//.test(word.value)) return null;
  const normalized = normalizePath(word.value);
  const globAt = normalized.search(/[*?[]/);
  const path = globAt === -1 ? normalized : normalized.slice(0, normalized.lastIndexOf('/', globAt));
  return path === '' || path === '/' || !path.startsWith('/') ? null : path;
}

/** True when the script wrote or read the path: a known tool's cache, or a word naming the path or a file in it. */
function touches(script: RunScript, path: string): boolean {
  const caches = CACHES.filter((cache) => isSameOrAncestor(path, cache.path) || isSameOrAncestor(cache.path, path));
  if (caches.some((cache) => cache.writtenBy(script))) return true;
  // A deletion creates nothing: an earlier `rm` of the same path is not where the files came from.
  return script.commands.some((command) =>
    invocationOf(command)?.name !== 'rm' &&
    [command.program, ...command.args, ...command.redirections].some((word) => {
      if (!word || word.hasExpansion) return false;
      const value = word.value.replace(/^[0-9]*>>?/, '');
      return value.startsWith('/') && isSameOrAncestor(path, normalizePath(value));
    }),
  );
}

export interface CleanupMove {
  /** The item (top-level command) of the cleanup RUN to move. */
  item: Range;
  text: string;
  /** The RUN it belongs in. */
  target: InstructionInfo;
}

export interface LaterCleanup {
  run: InstructionInfo;
  /** The last earlier RUN that wrote the removed files. */
  creator: InstructionInfo;
  /** The moves that fold the cleanup back; null when no safe move exists. */
  moves: CleanupMove[] | null;
}

/** Earlier RUNs of the stage and of the stages it is built on, latest first. */
function earlierRuns(stage: Stage, run: InstructionInfo): InstructionInfo[] {
  const runs: InstructionInfo[] = [];
  for (let current: Stage | null = stage; current; current = current.baseStage) {
    const instructions = current === stage ? current.instructions.slice(0, current.instructions.indexOf(run)) : current.instructions;
    runs.push(...instructions.filter((i) => i.keyword === 'RUN' && i.script && i.onbuild === run.onbuild).reverse());
  }
  return runs;
}

/** Instructions between two in one stage that make moving a deletion earlier change its result. */
function blocksMove(instruction: InstructionInfo, paths: readonly string[]): boolean {
  switch (instruction.keyword) {
    case 'RUN':
    case 'EXPOSE':
    case 'LABEL':
    case 'ENV':
    case 'ARG':
    case 'CMD':
    case 'ENTRYPOINT':
    case 'HEALTHCHECK':
    case 'STOPSIGNAL':
    case 'WORKDIR':
      return false;
    case 'COPY':
    case 'ADD': {
      const args = instructionArguments(instruction);
      const destination = args.length > 1 ? normalizePath(args[args.length - 1].value) : '/';
      return paths.some((path) => isSameOrAncestor(path, destination) || isSameOrAncestor(destination, path));
    }
    default:
      return true;
  }
}

/**
 * The later cleanup a RUN is, when every command in it is a deletion (rm, apt-get clean, …) and an
 * earlier RUN wrote what it deletes; null otherwise.
 */
export function findLaterCleanup(model: DockerfileModel, stage: Stage, run: InstructionInfo): LaterCleanup | null {
  const cleanups = run.keyword === 'RUN' ? cleanupCommands(run) : null;
  if (!cleanups) return null;
  // LW103 asks again when it plans the stage's fold, and root-user when it picks a RUN: read once per RUN.
  return remembered(laterCleanupsByRun, run, () => readLaterCleanup(model, stage, run, cleanups));
}

const laterCleanupsByRun = new WeakMap<InstructionInfo, LaterCleanup | null>();

function readLaterCleanup(
  model: DockerfileModel,
  stage: Stage,
  run: InstructionInfo,
  cleanups: Array<{ range: Range; paths: string[] }>,
): LaterCleanup | null {
  const candidates = earlierRuns(stage, run);
  const targets = cleanups.map(({ paths }) => lastWriter(candidates, paths));
  const found = targets.filter((target): target is InstructionInfo => target !== null);
  if (found.length === 0) return null;
  const creator = found.reduce((latest, target) => (candidates.indexOf(target) < candidates.indexOf(latest) ? target : latest));
  return { run, creator, moves: planMoves(model, stage, run, cleanups, targets) };
}

/** The deletions of a RUN that does nothing but delete (rm, apt-get clean, …); null for any other RUN. */
function cleanupCommands(run: InstructionInfo): Array<{ range: Range; paths: string[] }> | null {
  const script = run.script;
  // Cheap test first: most RUNs call a program that does more than delete.
  if (!script || script.incomplete || !callsOnlyCleanupPrograms(script)) return null;
  const cleanups: Array<{ range: Range; paths: string[] }> = [];
  for (const command of script.commands) {
    if (command.program === null) continue;
    const invocation = invocationOf(command);
    const paths = invocation && !command.nested ? removedPaths(invocation) : null;
    if (!paths) return null;
    cleanups.push({ range: command.range, paths });
  }
  return cleanups.length > 0 ? cleanups : null;
}

/** True when the command only deletes files or empties a cache (`rm -rf /var/lib/apt/lists/*`, `apt-get clean`). */
export function isCleanupCommand(command: ShellCommand): boolean {
  const invocation = invocationOf(command);
  return invocation !== null && !command.nested && removedPaths(invocation) !== null;
}

/** True when the RUN only deletes files: it is never worth a layer of its own, nor merging into one. */
export function isCleanupOnly(run: InstructionInfo): boolean {
  return cleanupCommands(run) !== null;
}

/**
 * The latest earlier RUN that wrote one of the paths; null when none did, or when a RUN after it already
 * removed them (this deletion then removes nothing at all).
 */
function lastWriter(candidates: readonly InstructionInfo[], paths: readonly string[]): InstructionInfo | null {
  for (const earlier of candidates) {
    if (paths.some((path) => scriptRemoves(earlier.script!, path))) return null;
    if (paths.some((path) => touches(earlier.script!, path))) return earlier;
  }
  return null;
}

function planMoves(
  model: DockerfileModel,
  stage: Stage,
  run: InstructionInfo,
  cleanups: ReadonlyArray<{ range: Range; paths: string[] }>,
  targets: ReadonlyArray<InstructionInfo | null>,
): CleanupMove[] | null {
  const items = andListItems(model, run);
  if (!items) return null;
  const moves: CleanupMove[] = [];
  for (const [index, cleanup] of cleanups.entries()) {
    const target = targets[index];
    if (!target) continue;
    const item = items.find((candidate) => rangeContains(candidate, cleanup.range));
    if (!item || target.stage !== stage) return null;
    const between = stage.instructions.slice(stage.instructions.indexOf(target) + 1, stage.instructions.indexOf(run));
    if (between.some((instruction) => blocksMove(instruction, cleanup.paths))) return null;
    moves.push({ item, text: textAt(model, item), target });
  }
  return moves.length > 0 ? moves : null;
}
