// How package managers are called and where they leave their caches. Shared by the cache rules
// (apt lists, apk index, later cleanups) so that each knows the same commands and paths.
import type { InstructionInfo } from '../../model-types';
import type { RunScript } from '../../shell-types';
import { callsAny, findCalls, hasFlag, type SubcommandCall, type ToolSpec } from './commands';
import { hasCacheMountOn, scriptRemoves } from './paths';
import { remembered } from '../../remembered';

export const APT: ToolSpec = {
  programs: ['apt-get', 'apt', 'aptitude'],
  optionsWithValue: new Set(['-o', '-c', '-t', '-a', '--option', '--config-file', '--target-release', '--host-architecture']),
};

export const APK: ToolSpec = {
  programs: ['apk'],
  optionsWithValue: new Set(['-X', '--repository', '-p', '--root', '--arch', '--keys-dir', '--repositories-file', '--cache-dir', '--cache-max-age', '--progress-fd']),
};

export const APT_LISTS = '/var/lib/apt/lists';
export const APT_LISTS_CLEANUP = 'rm -rf /var/lib/apt/lists/*';
export const APK_CACHE_PATHS = ['/var/cache/apk', '/etc/apk/cache'] as const;

/** apt subcommands that read the package lists `apt-get update` downloads. */
const APT_LIST_READERS = ['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'source', 'download', 'satisfy', 'reinstall'];
const APT_CACHE: ToolSpec = { programs: ['apt-cache'] };
const APT_READER_PROGRAMS = [...APT.programs, ...APT_CACHE.programs];

/** Several rules ask each RUN for its `apt-get update`: the calls are found once per script. */
const aptUpdatesByScript = new WeakMap<RunScript, readonly SubcommandCall[]>();

export function aptUpdates(script: RunScript): readonly SubcommandCall[] {
  return remembered(aptUpdatesByScript, script, () => findCalls(script, APT, ['update']));
}

/** Calls that need the apt lists to be there: `apt-get install`, `apt-cache …`. */
export function aptListReaders(script: RunScript): SubcommandCall[] {
  if (!callsAny(script, APT_READER_PROGRAMS)) return [];
  return [...findCalls(script, APT, APT_LIST_READERS), ...findCalls(script, APT_CACHE)];
}

/** True when the RUN leaves no apt lists in its layer: removed in the same script, dist-clean, or a cache mount. */
export function leavesNoAptLists(run: InstructionInfo): boolean {
  // Asked by several rules about each RUN that updates the lists: answered once per RUN.
  return remembered(leavesNoAptListsByRun, run, readLeavesNoAptLists);
}

const leavesNoAptListsByRun = new WeakMap<InstructionInfo, boolean>();

function readLeavesNoAptLists(run: InstructionInfo): boolean {
  if (hasCacheMountOn(run, APT_LISTS_PATHS)) return true;
  const script = run.script;
  if (!script) return false;
  return scriptRemoves(script, APT_LISTS) || findCalls(script, APT, APT_DIST_CLEAN).length > 0;
}

const APT_LISTS_PATHS = [APT_LISTS];
const APT_DIST_CLEAN = ['dist-clean'];

/** True when the RUN calls `apt-get install` (or another reader) without updating the lists first. */
export function readsAptListsWithoutUpdate(run: InstructionInfo): boolean {
  if (!run.script) return false;
  const readers = aptListReaders(run.script);
  if (readers.length === 0) return false;
  const firstUpdate = aptUpdates(run.script)[0];
  return !firstUpdate || readers.some((reader) => startsBefore(reader, firstUpdate));
}

function startsBefore(a: SubcommandCall, b: SubcommandCall): boolean {
  const x = a.command.range.start;
  const y = b.command.range.start;
  return x.line < y.line || (x.line === y.line && x.character < y.character);
}

/** `apk add` calls that keep the package index in the layer (no `--no-cache`). */
export function apkAddsWithCache(script: RunScript): SubcommandCall[] {
  return findCalls(script, APK, ['add']).filter(writesApkIndex);
}

/** Calls that write the apk index to /var/cache/apk: `apk add`, `apk update`, `apk upgrade` without `--no-cache`. */
export function apkCacheWriters(script: RunScript): SubcommandCall[] {
  return findCalls(script, APK, ['add', 'update', 'upgrade']).filter(writesApkIndex);
}

/**
 * `--no-cache` keeps the index in memory; `--no-network` (docker-library's `apk add --no-network
 * --virtual .rundeps $runDeps`) fetches nothing, so there is no index to write either.
 */
function writesApkIndex(call: SubcommandCall): boolean {
  return !hasFlag(call, '--no-cache') && !hasFlag(call, '--no-network');
}

/** True when the RUN removes the apk cache itself or mounts a cache over it. */
export function leavesNoApkCache(run: InstructionInfo): boolean {
  if (hasCacheMountOn(run, APK_CACHE_PATHS)) return true;
  return run.script !== null && APK_CACHE_PATHS.some((path) => scriptRemoves(run.script!, path));
}
