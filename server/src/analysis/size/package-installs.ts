// apt, apk and rpm-family installs in a RUN, priced from the Debian package table with the
// corrections measured on real layers (shared data README, "Package installs"):
// - slim (and Ubuntu) images exclude /usr/share/{doc,man,locale}: Installed-Size overstates by ≈ 5 %
//   on average (git: −14 %), so ×0.95 (0.85–1.03);
// - Debian python packages compile their .pyc after install, which Installed-Size does not count:
//   python3 + python3-pip measured 72.8 MB against 47.9 MB listed; ×1.8 on python packages fits it;
// - every apt layer adds ≈ 0.8 MB of dpkg/debconf state;
// - `apt-get update` without removing /var/lib/apt/lists keeps ≈ 20 MB (16.6 MB compressed) on the
//   official Debian images, which store the lists gzipped; up to ≈ 53 MB where they are stored plain.
// apk: no Alpine table ships; an Alpine package is priced as its Debian namesake's closure ×0.5
// (0.2–1.2), because musl builds without docs are smaller (alpine + curl measured ≈ 2.6 MB over the
// base where Debian's curl closure is ≈ 10 MB, python3 ≈ 0.6 of Debian's). The range says how rough that is.
import type { InstructionInfo } from '../model-types';
import type { ShellWord } from '../shell-types';
import { hasFlag, operands } from '../rules/support/commands';
import { APK, APT, leavesNoApkCache, leavesNoAptLists } from '../rules/support/package-managers';
import { optionValue, type InstallCall } from '../rules/support/pinning-command-line';
import { APK_ADD, APT_INSTALL, DNF_INSTALL, YUM_INSTALL, ZYPPER_INSTALL } from '../rules/support/pinning-syntaxes';
import { amount, KIB, MB, openEnded, scale, sum, type Amount } from './amount';
import { cachedInstallClosure, suiteIndex, type Closure, type SuiteIndex } from './debian-packages';
import type { RunCalls } from './run-calls';
import type { RunPart } from './run-parts';
import { markInstalled, type PackageBase, type StageState } from './stage-state';

const DOCS_EXCLUDED = { factor: 0.95, low: 0.85, high: 1.03 };
const PYTHON_BYTECODE = { factor: 1.8, low: 1.5, high: 1.9 };
const APT_LAYER_STATE = 0.8 * MB;
const APT_LISTS = { gzipped: 20 * MB, gzippedCompressed: 16.6 * MB, plain: 53 * MB };
/** A package the table does not hold: the spread of Installed-Size over the table, roughly. */
const UNLISTED_PACKAGE = { bytes: 2 * MB, low: 0.05 * MB, high: 50 * MB };
const APK_FACTOR = { factor: 0.5, low: 0.2, high: 1.2 };
const APK_INDEX = { bytes: 2.5 * MB, low: 1 * MB, high: 4 * MB };
// The fixed parts, worked out once: amounts are never changed in place, so layers share them.
const APT_LAYER_STATE_AMOUNT = Object.freeze(amount({ bytes: APT_LAYER_STATE, kind: 'text', basis: 'table' }));
const GZIPPED_APT_LISTS = Object.freeze(amount({ bytes: APT_LISTS.gzipped, compressed: APT_LISTS.gzippedCompressed, kind: 'aptLists', basis: 'table' }));
const PLAIN_APT_LISTS = Object.freeze(amount({ bytes: APT_LISTS.gzipped, high: APT_LISTS.plain, kind: 'aptLists', basis: 'heuristic' }));
const APK_INDEX_AMOUNT = Object.freeze(amount({ ...APK_INDEX, kind: 'text' }));
/** Alpine names whose Debian namesake differs. */
const APK_TO_DEBIAN: Record<string, string> = {
  'build-base': 'build-essential',
  'py3-pip': 'python3-pip',
  'openssh': 'openssh-client',
  'openjdk17-jre': 'openjdk-17-jre-headless',
  'openjdk17': 'openjdk-17-jdk-headless',
  'libpq': 'libpq5',
  'postgresql-client': 'postgresql-client',
  'nodejs': 'nodejs',
  'g++': 'g++',
  'musl-dev': 'libc6-dev',
  'linux-headers': 'linux-libc-dev',
  'openssl-dev': 'libssl-dev',
  'libffi-dev': 'libffi-dev',
  'tzdata': 'tzdata',
};

/** `curl=7.88*` → curl, `nginx/bookworm-backports` → nginx; null for words the shell expands. */
function packageName(word: ShellWord): string | null {
  if (word.hasExpansion) return null;
  const name = word.value.replace(/[=/].*$/, '').replace(/:amd64$/, '').toLowerCase();
  return name === '' || name.startsWith('-') || name.endsWith('.deb') ? null : name;
}

interface Priced {
  amount: Amount;
  added: string[];
  missing: string[];
  expanded: boolean;
}

interface PricedPackages {
  amount: Amount;
  added: string[];
  missing: string[];
}

/**
 * Prices of the closures cachedInstallClosure keeps (over an unchanged base image), one per
 * combination of the image's corrections: the same install in the next analysis costs a lookup.
 */
const pricedClosures = new WeakMap<Closure, Array<PricedPackages | undefined>>();

/** Bytes for a set of Debian packages, with the corrections that apply to this image. */
export function priceDebianPackages(index: SuiteIndex, names: readonly string[], state: StageState): PricedPackages {
  const base = state.installed.unchangedBase;
  const closure = cachedInstallClosure(index, names, state.installed, base);
  if (base === null) return priceClosure(closure, state.packageBase);
  const variant = (state.packageBase.docsExcluded ? 1 : 0) + (state.packageBase.proxy ? 2 : 0);
  let prices = pricedClosures.get(closure);
  if (!prices) {
    prices = [];
    pricedClosures.set(closure, prices);
  }
  let priced = prices[variant];
  if (!priced) {
    priced = priceClosure(closure, state.packageBase);
    // Shared by later analyses: nobody may change it.
    Object.freeze(priced.amount);
    prices[variant] = priced;
  }
  return priced;
}

function priceClosure(closure: Closure, base: PackageBase): PricedPackages {
  const python = closure.pythonKiB * KIB;
  const plain = closure.installedKiB * KIB - python;
  const plainAmount = amount({ bytes: plain, low: plain * 0.97, high: plain * 1.05, kind: 'packages', basis: 'table' });
  const pythonAmount = scale(amount({ bytes: python, kind: 'packages', basis: 'table' }), PYTHON_BYTECODE.factor, PYTHON_BYTECODE.low, PYTHON_BYTECODE.high);
  let total = sum([plainAmount, pythonAmount]) as Amount;
  if (base.docsExcluded) total = scale(total, DOCS_EXCLUDED.factor, DOCS_EXCLUDED.low, DOCS_EXCLUDED.high);
  if (base.proxy) total = scale(total, 1, 0.7, 1.3, 'heuristic');
  const unlisted = closure.missing.map(() => amount({ ...UNLISTED_PACKAGE, kind: 'packages' }));
  return { amount: sum([total, ...unlisted]) as Amount, added: closure.added, missing: closure.missing };
}

function priceAptCall(call: InstallCall, state: StageState, index: SuiteIndex): Priced {
  const names = call.packages.map(packageName);
  const known = names.filter((name): name is string => name !== null);
  const priced = priceDebianPackages(index, known, state);
  let result = priced.amount;
  // Without --no-install-recommends apt adds the Recommends too, which the table does not follow.
  if (optionValue(call, '--no-install-recommends') === null && !hasAptRecommendsOff(call)) result = scale(result, 1, 1, 2, 'heuristic');
  return { amount: result, added: priced.added, missing: priced.missing, expanded: known.length < names.length };
}

function hasAptRecommendsOff(call: InstallCall): boolean {
  return call.options.some((option) => option.name === '-o' && /Install-Recommends=(false|0|no)/i.test(option.value ?? ''));
}

export function aptParts(run: InstructionInfo, script: RunCalls, state: StageState): RunPart[] {
  const calls = script.installs(APT_INSTALL);
  const parts: RunPart[] = [];
  const suite = state.packageBase.suite ?? 'bookworm';
  const index = suiteIndex(suite);
  for (const call of calls) {
    const priced = priceAptCall(call, state, index);
    markInstalled(state, priced.added);
    const missing = priced.missing.length > 0 ? `; not in the table: ${priced.missing.join(', ')}` : '';
    const label = `apt: ${priced.added.length} new packages (${suite} Installed-Size${state.packageBase.proxy ? ', as a stand-in' : ''})${missing}`;
    parts.push({
      label,
      amount: priced.expanded ? openEnded(priced.amount) : priced.amount,
      path: '/usr',
      debianPackages: priced.added,
    });
  }
  const touchesDpkg = calls.length > 0 || script.has(APT, APT_REMOVALS);
  if (touchesDpkg) parts.push({ label: 'dpkg/debconf state of an apt layer', amount: APT_LAYER_STATE_AMOUNT, path: '/var/lib/dpkg' });
  if (script.has(APT, APT_UPDATE) && !leavesNoAptLists(run)) parts.push(aptListsPart(state));
  return parts;
}

const APT_REMOVALS = ['purge', 'remove', 'autoremove'];
const APT_UPDATE = ['update'];

function aptListsPart(state: StageState): RunPart {
  const gzipped = state.packageBase.gzipsAptLists;
  const lists = gzipped ? GZIPPED_APT_LISTS : PLAIN_APT_LISTS;
  return { label: 'apt lists left in the layer (no rm -rf /var/lib/apt/lists/*)', amount: lists, path: '/var/lib/apt/lists' };
}

/** apt purge/remove in the same RUN: what they take out of this layer's new packages. */
export function aptRemovals(script: RunCalls): { names: string[]; autoremove: boolean } {
  const calls = script.of(APT, ['purge', 'remove']);
  const names = calls.flatMap((call) => operands(call, APT.optionsWithValue).slice(1)).map(packageName).filter((name): name is string => name !== null);
  const autoremove = script.of(APT, ['autoremove']).length > 0 || calls.some((call) => hasFlag(call, '--auto-remove', '--autoremove'));
  return { names, autoremove };
}

export function apkParts(run: InstructionInfo, script: RunCalls, state: StageState): RunPart[] {
  const parts: RunPart[] = [];
  const index = suiteIndex('bookworm');
  for (const call of script.installs(APK_ADD)) {
    const names = call.packages.map(packageName);
    const known = names.filter((name): name is string => name !== null && !state.apkAdded.has(name));
    if (known.length > 0) state.apkAdded = new Set([...state.apkAdded, ...known]);
    const debianNames = known.map((name) => (Object.hasOwn(APK_TO_DEBIAN, name) ? APK_TO_DEBIAN[name] : undefined) ?? name.replace(/^py3-/, 'python3-'));
    const priced = priceDebianPackages(index, debianNames, state);
    markInstalled(state, priced.added);
    let approx = scale(priced.amount, APK_FACTOR.factor, APK_FACTOR.low, APK_FACTOR.high, 'heuristic');
    if (known.length < names.length) approx = openEnded(approx);
    const group = optionValue(call, '-t', '--virtual');
    parts.push({
      label: `apk add ${known.join(' ')}: approximated from Debian's packages ×${APK_FACTOR.factor}`,
      amount: approx,
      path: '/usr',
      debianPackages: priced.added,
      apkGroup: group ?? undefined,
      apkNames: known,
    });
  }
  const writesIndex = script.of(APK, ['add', 'update', 'upgrade']).some((call) => !hasFlag(call, '--no-cache'));
  if (writesIndex && !leavesNoApkCache(run)) {
    parts.push({ label: 'apk index left in /var/cache/apk (no --no-cache)', amount: APK_INDEX_AMOUNT, path: '/var/cache/apk' });
  }
  return parts;
}

/** `apk del .build-deps curl`: the names and virtual groups removed in this RUN. */
export function apkRemovals(script: RunCalls): string[] {
  return script.of(APK, ['del']).flatMap((call) => operands(call, APK.optionsWithValue).slice(1)).map((word) => word.value);
}

/** dnf, yum, microdnf, zypper: priced as the Debian namesakes, with a wide range (no RPM table ships). */
export function rpmParts(script: RunCalls, state: StageState): RunPart[] {
  const index = suiteIndex('bookworm');
  const calls = [DNF_INSTALL, YUM_INSTALL, ZYPPER_INSTALL].flatMap((syntax) => script.installs(syntax));
  return calls.map((call) => {
    const names = call.packages.map(packageName).filter((name): name is string => name !== null);
    const priced = priceDebianPackages(index, names, state);
    markInstalled(state, priced.added);
    return {
      label: `${call.invocation.name} install ${names.join(' ')}: approximated from Debian's packages`,
      amount: scale(priced.amount, 1, 0.5, 2, 'heuristic'),
      path: '/usr',
      debianPackages: priced.added,
    };
  });
}
