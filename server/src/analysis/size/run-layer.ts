// One RUN layer: what its commands add, minus what a cleanup in the same RUN removes. A cleanup in a
// later RUN removes nothing from the image (the files stay in the earlier layer); its own layer is
// only the deletion markers.
import type { InstructionInfo } from '../model-types';
import { operands } from '../rules/support/commands';
import { APT } from '../rules/support/package-managers';
import { normalizePath, RM } from '../rules/support/paths';
import { add, amount, asHeuristic, KIB, scale, subtract, ZERO, type Estimate } from './amount';
import { suiteIndex } from './debian-packages';
import { languageParts } from './language-installs';
import { apkParts, apkRemovals, aptParts, aptRemovals, priceDebianPackages, rpmParts } from './package-installs';
import { RunCalls } from './run-calls';
import { labelHead, type RunPart, type WorkspaceHints } from './run-parts';
import { RemovedPaths } from './removed-paths';
import { markRemoved, NO_PACKAGES, type Contribution, type PackageSet, type StageState } from './stage-state';

/** A layer of only deletion markers (shared data README: ≈ 8 KB). Shared by every such layer: frozen. */
const WHITEOUT_AMOUNT = Object.freeze(amount({ bytes: 8 * 1000, kind: 'text', basis: 'table' }));
/** What a RUN without `rm` removes. */
const NOTHING_REMOVED = new RemovedPaths([]);

/** Programs that write nothing worth counting (users, links, permissions, small config). */
const NEGLIGIBLE = new Set([
  'mkdir', 'chmod', 'chown', 'chgrp', 'ln', 'useradd', 'adduser', 'groupadd', 'addgroup', 'usermod', 'echo', 'printf', 'touch',
  'true', 'false', 'set', 'export', 'cd', 'test', '[', 'rm', 'mv', 'sed', 'ldconfig', 'update-ca-certificates', 'cat', 'ls',
  'which', 'command', 'exit', 'id', 'whoami', 'grep', 'find', 'xargs', 'sh', 'bash', 'apt-get', 'apt', 'apk', 'dpkg', 'locale-gen',
  'update-alternatives', 'npm', 'yarn', 'pnpm', 'pip', 'pip3', 'python', 'python3', 'go', 'cargo', 'mvn', 'mvnw', 'gradle', 'gradlew',
  'dnf', 'yum', 'microdnf', 'zypper', 'node', 'corepack', 'rustup', 'dpkg-reconfigure', 'debconf-set-selections', 'env', 'sleep',
]);

export interface RunLayer {
  estimate: Estimate;
  note: string;
  /** The parts that remain after the same-layer cleanup (for COPY --from lookups). */
  parts: RunPart[];
}

export function estimateRun(run: InstructionInfo, state: StageState, hints: WorkspaceHints): RunLayer {
  const script = run.script;
  if (!script) return { estimate: ZERO, note: 'nothing to run', parts: [] };
  // Sets are replaced, never changed in place (markInstalled), so this is a snapshot.
  const installedBefore = state.installed;
  const calls = new RunCalls(script);
  // The script's `rm` calls, found once: the tools' cleanups, the layer's, the contributions and the whiteout check all ask.
  const rmCalls = calls.of(RM);
  const removed = rmCalls.length === 0 ? NOTHING_REMOVED : new RemovedPaths(rmCalls.flatMap((call) => operands(call)));
  // Each tool's parser runs only when its program appears: most RUNs call one or two tools.
  const parts: RunPart[] = [];
  if (calls.callsPriced(APT_PROGRAMS)) parts.push(...aptParts(run, calls, state));
  if (calls.callsPriced(APK_PROGRAMS)) parts.push(...apkParts(run, calls, state));
  if (calls.callsPriced(RPM_PROGRAMS)) parts.push(...rpmParts(calls, state));
  if (calls.callsPriced(LANGUAGE_PROGRAMS)) parts.push(...languageParts(run, calls, state, hints));
  const { kept, removedNote } = parts.length === 0 ? NOTHING_KEPT : applySameLayerCleanup(calls, removed, parts, state, installedBefore);
  dropRemovedContributions(removed, state);

  const unpriced = unpricedPrograms(calls.programs);
  if (kept.length === 0 && rmCalls.length > 0 && unpriced.length === 0) {
    return { estimate: WHITEOUT_AMOUNT, note: 'only deletes: files removed here stay in the earlier layer (≈ 8 KB of deletion markers)', parts: [] };
  }
  const estimate = totalOf(kept);
  const notes = kept.map((part) => part.label);
  if (removedNote) notes.push(removedNote);
  if (unpriced.length > 0) notes.push(`not estimated (counted as 0): ${unpriced.join(', ')}`);
  const finalEstimate = estimate && unpriced.length > 0 ? asHeuristic(estimate) : estimate;
  return { estimate: finalEstimate, note: notes.join('; ') || 'writes nothing worth counting', parts: kept };
}

/** The parts' amounts added up (unknown when one is). */
function totalOf(parts: readonly RunPart[]): Estimate {
  let total: Estimate = ZERO;
  for (const part of parts) total = add(total, part.amount);
  return total;
}

/** The first five programs the estimator has no figure for, in the order the script first calls them. */
function unpricedPrograms(programs: readonly string[]): readonly string[] {
  let unpriced: string[] | null = null;
  for (const name of programs) {
    if (NEGLIGIBLE.has(name) || unpriced?.includes(name)) continue;
    unpriced ??= [];
    unpriced.push(name);
    if (unpriced.length === 5) break;
  }
  return unpriced ?? NO_NAMES;
}

interface CleanupResult {
  kept: RunPart[];
  removedNote: string | null;
}

const NOTHING_KEPT: CleanupResult = Object.freeze({ kept: [], removedNote: null }) as CleanupResult;

function applySameLayerCleanup(calls: RunCalls, removed: RemovedPaths, parts: RunPart[], state: StageState, installedBefore: PackageSet): CleanupResult {
  const cleanedCaches = parts.some((part) => part.cacheOf) ? cleanedCacheTools(calls) : NO_NAMES;
  const apkRemoved: readonly string[] = parts.some((part) => part.apkNames) ? apkRemovals(calls) : NO_NAMES;
  const removedLabels: string[] = [];
  // Most RUNs clean up nothing they installed: the parts are kept as they are.
  let kept = removed.isEmpty && cleanedCaches.length === 0 && apkRemoved.length === 0
    ? parts
    : parts.filter((part) => {
      const byRm = part.path !== null && removed.covers(part.path);
      const byTool = part.cacheOf !== undefined && cleanedCaches.includes(part.cacheOf);
      const byApk = (part.apkGroup !== undefined && apkRemoved.includes(part.apkGroup)) || ((part.apkNames?.length ?? 0) > 0 && part.apkNames!.every((name) => apkRemoved.includes(name)));
      if (byRm || byTool || byApk) removedLabels.push(labelHead(part.label));
      return !(byRm || byTool || byApk);
    });
  // Cheap test first: an apt purge is rare, and without one nothing is subtracted.
  if (calls.has(APT, APT_PURGES) && parts.some((part) => part.debianPackages)) {
    const apt = aptRemovals(calls);
    if (apt.names.length > 0) kept = subtractAptRemovals(kept, apt, state, installedBefore, removedLabels);
  }
  return { kept, removedNote: removedLabels.length > 0 ? `removed in the same RUN: ${removedLabels.join(', ')}` : null };
}

/** `apt-get purge --auto-remove build-essential` takes the packages this RUN added for it back out. */
function subtractAptRemovals(
  parts: RunPart[],
  removal: { names: string[]; autoremove: boolean },
  state: StageState,
  installedBefore: PackageSet,
  removedLabels: string[],
): RunPart[] {
  const index = suiteIndex(state.packageBase.suite ?? 'bookworm');
  const addedHere = new Set(parts.flatMap((part) => part.debianPackages ?? []));
  // With autoremove the dependencies go too: the closure of the removed names, as far as this RUN added it.
  const removedClosure = removal.autoremove
    ? priceDebianPackages(index, removal.names, { ...state, installed: installedBefore }).added
    : removal.names;
  const removed = removedClosure.filter((name) => addedHere.has(name));
  if (removed.length === 0) return parts;
  markRemoved(state, removed);
  const priced = priceDebianPackages(index, removed, { ...state, installed: NO_PACKAGES });
  removedLabels.push(`apt purge of ${removed.length} packages`);
  return parts.map((part) => {
    if (!part.debianPackages || part.amount === null) return part;
    const share = part.debianPackages.filter((name) => removed.includes(name));
    if (share.length === 0) return part;
    const portion = share.length === priced.added.length ? priced.amount : scale(priced.amount, sizeShare(index, share, priced.added));
    return { ...part, amount: subtract(part.amount, portion) };
  });
}

function sizeShare(index: ReturnType<typeof suiteIndex>, share: string[], all: string[]): number {
  const size = (names: string[]) => names.reduce((total, name) => total + (index.installedKiB[index.lineOf.get(name) ?? -1] ?? 0) * KIB, 0);
  const whole = size(all);
  return whole === 0 ? 0 : size(share) / whole;
}

const NPM = { programs: ['npm'] };
const YARN = { programs: ['yarn'] };
const PNPM = { programs: ['pnpm'] };
const PIP = { programs: ['pip', 'pip3'] };
const CACHE = ['cache'];
const STORE = ['store'];

/** The tools whose own clean command the script calls (`npm cache clean`, `pip cache purge`…). */
function cleanedCacheTools(calls: RunCalls): ReadonlyArray<NonNullable<RunPart['cacheOf']>> {
  const tools: Array<NonNullable<RunPart['cacheOf']>> = [];
  if (calls.has(NPM, CACHE)) tools.push('npm');
  if (calls.has(YARN, CACHE)) tools.push('yarn');
  if (calls.has(PNPM, STORE)) tools.push('pnpm');
  if (calls.has(PIP, CACHE)) tools.push('pip');
  return tools;
}

/** A later `COPY --from` must not find what an `rm` took out, even in a later layer. */
function dropRemovedContributions(removed: RemovedPaths, state: StageState): void {
  if (removed.isEmpty || state.contributions.length === 0) return;
  // Most deletions (apt lists, caches) hit no contribution: the list is copied only when one goes.
  const firstGone = state.contributions.findIndex((contribution) => removed.covers(contribution.path, normalizedPathOf(contribution)));
  if (firstGone < 0) return;
  const kept = state.contributions.slice(0, firstGone);
  for (let index = firstGone + 1; index < state.contributions.length; index++) {
    const contribution = state.contributions[index];
    if (!removed.covers(contribution.path, normalizedPathOf(contribution))) kept.push(contribution);
  }
  state.contributions = kept;
}

function normalizedPathOf(contribution: Contribution): string {
  contribution.normalizedPath ??= normalizePath(contribution.path);
  return contribution.normalizedPath;
}

const APT_PROGRAMS = ['apt-get', 'apt', 'aptitude'];
const APK_PROGRAMS = ['apk'];
const RPM_PROGRAMS = ['dnf', 'yum', 'microdnf', 'zypper'];
const LANGUAGE_PROGRAMS = ['pip', 'pip3', 'python', 'python3', 'npm', 'yarn', 'pnpm', 'go', 'cargo', 'mvn', 'mvnw', 'gradle', 'gradlew'];
const APT_PURGES = ['purge', 'remove'];
const NO_NAMES: readonly never[] = Object.freeze([]);
