// One RUN layer: what its commands add, minus what a cleanup in the same RUN removes. A cleanup in a
// later RUN removes nothing from the image (the files stay in the earlier layer); its own layer is
// only the deletion markers.
import type { InstructionInfo } from '../model-types';
import type { RunScript, ShellWord } from '../shell-types';
import { findCalls, invocationOf } from '../rules/support/commands';
import { isSameOrAncestor, normalizePath, removals, removalCovers } from '../rules/support/paths';
import { amount, KIB, scale, subtract, sum, ZERO, type Estimate } from './amount';
import { suiteIndex } from './debian-packages';
import { languageParts } from './language-installs';
import { apkParts, apkRemovals, aptParts, aptRemovals, priceDebianPackages, rpmParts } from './package-installs';
import type { RunPart, WorkspaceHints } from './run-parts';
import { markRemoved, NO_PACKAGES, type Contribution, type PackageSet, type StageState } from './stage-state';

/** A layer of only deletion markers (shared data README: ≈ 8 KB). */
const WHITEOUT_LAYER = 8 * 1000;

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
  const programs = programNames(script);
  // Each tool's parser runs only when its program appears: most RUNs call one or two tools.
  const parts: RunPart[] = [];
  if (hasAny(programs, APT_PROGRAMS)) parts.push(...aptParts(run, script, state));
  if (programs.has('apk')) parts.push(...apkParts(run, script, state));
  if (hasAny(programs, RPM_PROGRAMS)) parts.push(...rpmParts(script, state));
  if (hasAny(programs, LANGUAGE_PROGRAMS)) parts.push(...languageParts(run, script, state, hints));
  // The script's `rm` calls, found once: the cleanup, the contributions and the whiteout check all ask.
  const rmCalls = removals(script);
  const rmOperands = rmCalls.flatMap(({ paths }) => paths);
  const { kept, removedNote } = parts.length === 0 ? { kept: parts, removedNote: null } : applySameLayerCleanup(script, rmOperands, parts, state, installedBefore);
  dropRemovedContributions(rmOperands, state);

  const unpriced = [...programs].filter((name) => !NEGLIGIBLE.has(name)).slice(0, 5);
  if (kept.length === 0) {
    const cleanupOnly = rmCalls.length > 0 && unpriced.length === 0;
    if (cleanupOnly) {
      return { estimate: amount({ bytes: WHITEOUT_LAYER, kind: 'text', basis: 'table' }), note: 'only deletes: files removed here stay in the earlier layer (≈ 8 KB of deletion markers)', parts: [] };
    }
  }
  const estimate = kept.length === 0 ? ZERO : sum(kept.map((part) => part.amount));
  const notes = kept.map((part) => part.label);
  if (removedNote) notes.push(removedNote);
  if (unpriced.length > 0) notes.push(`not estimated (counted as 0): ${unpriced.join(', ')}`);
  const finalEstimate = estimate && unpriced.length > 0 ? { ...estimate, basis: 'heuristic' as const } : estimate;
  return { estimate: finalEstimate, note: notes.join('; ') || 'writes nothing worth counting', parts: kept };
}

interface CleanupResult {
  kept: RunPart[];
  removedNote: string | null;
}

function applySameLayerCleanup(script: RunScript, rmOperands: readonly ShellWord[], parts: RunPart[], state: StageState, installedBefore: PackageSet): CleanupResult {
  const removedLabels: string[] = [];
  const cleanedCaches = parts.some((part) => part.cacheOf) ? cleanedCacheTools(script) : new Set<string>();
  const apkRemoved = new Set(parts.some((part) => part.apkNames) ? apkRemovals(script) : []);
  let kept = parts.filter((part) => {
    const byRm = part.path !== null && rmOperands.some((operand) => removalCovers(operand, part.path as string));
    const byTool = part.cacheOf !== undefined && cleanedCaches.has(part.cacheOf);
    const byApk = (part.apkGroup !== undefined && apkRemoved.has(part.apkGroup)) || (part.apkNames?.length ?? 0) > 0 && part.apkNames!.every((name) => apkRemoved.has(name));
    if (byRm || byTool || byApk) removedLabels.push(part.label.split(':')[0]);
    return !(byRm || byTool || byApk);
  });
  const apt = parts.some((part) => part.debianPackages) ? aptRemovals(script) : { names: [], autoremove: false };
  if (apt.names.length > 0) kept = subtractAptRemovals(kept, apt, state, installedBefore, removedLabels);
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

function cleanedCacheTools(script: RunScript): Set<NonNullable<RunPart['cacheOf']>> {
  const tools = new Set<NonNullable<RunPart['cacheOf']>>();
  if (findCalls(script, { programs: ['npm'] }, ['cache']).length > 0) tools.add('npm');
  if (findCalls(script, { programs: ['yarn'] }, ['cache']).length > 0) tools.add('yarn');
  if (findCalls(script, { programs: ['pnpm'] }, ['store']).length > 0) tools.add('pnpm');
  if (findCalls(script, { programs: ['pip', 'pip3'] }, ['cache']).length > 0) tools.add('pip');
  return tools;
}

/**
 * A later `COPY --from` must not find what an `rm` took out, even in a later layer. A stage's
 * contributions pile up (and pass to the stages built on it), so each operand is judged once here and
 * each contribution's path normalised once, instead of both for every pair in removalCovers.
 */
function dropRemovedContributions(operands: readonly ShellWord[], state: StageState): void {
  if (operands.length === 0 || state.contributions.length === 0) return;
  const prefixes: string[] = [];
  const others: ShellWord[] = [];
  for (const operand of operands) {
    const normalized = normalizePath(operand.value);
    // removalCovers(operand, p) is then exactly isSameOrAncestor(normalized, normalizePath(p)).
    if (normalizePath(normalized) !== normalized) others.push(operand);
    else if (removalCovers(operand, normalized)) prefixes.push(normalized);
  }
  if (prefixes.length === 0 && others.length === 0) return;
  state.contributions = state.contributions.filter((contribution) => {
    const path = normalizedPathOf(contribution);
    return !prefixes.some((prefix) => isSameOrAncestor(prefix, path)) && !others.some((operand) => removalCovers(operand, contribution.path));
  });
}

const normalizedPaths = new WeakMap<Contribution, string>();

function normalizedPathOf(contribution: Contribution): string {
  let path = normalizedPaths.get(contribution);
  if (path === undefined) {
    path = normalizePath(contribution.path);
    normalizedPaths.set(contribution, path);
  }
  return path;
}

const APT_PROGRAMS = ['apt-get', 'apt', 'aptitude'];
const RPM_PROGRAMS = ['dnf', 'yum', 'microdnf', 'zypper'];
const LANGUAGE_PROGRAMS = ['pip', 'pip3', 'python', 'python3', 'npm', 'yarn', 'pnpm', 'go', 'cargo', 'mvn', 'mvnw', 'gradle', 'gradlew'];

/** The programs a script runs (wrappers such as sudo looked through; names the shell expands left out). */
function programNames(script: RunScript): Set<string> {
  const names = new Set<string>();
  for (const command of script.commands) {
    const invocation = invocationOf(command);
    if (!invocation || invocation.program.hasExpansion) continue;
    const name = invocation.name;
    names.add(name.startsWith('pip') ? name.replace(/^pip\d.*$/, 'pip') : name.startsWith('python') ? name.replace(/^python\d.*$/, 'python') : name);
  }
  return names;
}

function hasAny(names: ReadonlySet<string>, candidates: readonly string[]): boolean {
  return candidates.some((name) => names.has(name));
}




