// Heuristics for the language package managers and builds: pip, npm/yarn/pnpm, go, cargo, maven,
// gradle. What they install varies by orders of magnitude (express is 2.9 MB of node_modules, next +
// react 329 MB), so every figure carries a wide range, narrowed by what the workspace shows: an
// existing node_modules, the lock files, the requirements. All basis "heuristic".
import type { InstructionInfo } from '../model-types';
import { hasFlag, operands, type SubcommandCall } from '../rules/support/commands';
import { optionValue } from '../rules/support/pinning-command-line';
import { NPM_INSTALL, PIP_INSTALL } from '../rules/support/pinning-syntaxes';
import { amount, MB, type ContentKind } from './amount';
import type { RunCalls } from './run-calls';
import { cacheMounted, type RunPart, type WorkspaceHints } from './run-parts';
import { resolvePath, type StageState } from './stage-state';

interface Guess {
  bytes: number;
  low: number;
  high: number;
}

const per = (count: number, guess: Guess): Guess => ({ bytes: count * guess.bytes, low: count * guess.low, high: count * guess.high });
// Fields named one by one: a spread of the guess was the hottest line of the language heuristics.
const heuristic = (guess: Guess, kind: ContentKind) => amount({ bytes: guess.bytes, low: guess.low, high: guess.high, kind, basis: 'heuristic' });

/** One Python distribution installed by pip, .pyc included. */
const PIP_PACKAGE: Guess = { bytes: 6 * MB, low: 0.2 * MB, high: 40 * MB };
/** A requirement pulls in its own dependencies when the list is not a full lock. */
const PIP_TRANSITIVE = 2.5;
/** pip's wheel cache, relative to what it installed. */
const PIP_CACHE_SHARE = 0.4;
/** One package in a Node lock file (README: express 611 files/2.9 MB; next+react 329 MB). */
const NODE_PACKAGE: Guess = { bytes: 0.25 * MB, low: 0.04 * MB, high: 1.5 * MB };
const NODE_MODULES_UNKNOWN: Guess = { bytes: 100 * MB, low: 3 * MB, high: 600 * MB };
const NODE_NAMED_PACKAGE: Guess = { bytes: 10 * MB, low: 0.5 * MB, high: 300 * MB };
/** npm keeps the downloaded tarballs (≈ node_modules compressed) in ~/.npm. */
const NODE_CACHE_SHARE = 0.3;
const GO_BINARY_UNKNOWN: Guess = { bytes: 10 * MB, low: 1.5 * MB, high: 60 * MB };
const GO_MODULE_CACHE_PER_MODULE: Guess = { bytes: 2 * MB, low: 0.2 * MB, high: 10 * MB };
const GO_CACHES_UNKNOWN: Guess = { bytes: 150 * MB, low: 10 * MB, high: 800 * MB };
/** The build cache of the standard library and the toolchain's own packages, before any module. */
const GO_BUILD_CACHE_BASE: Guess = { bytes: 40 * MB, low: 5 * MB, high: 200 * MB };
const RUST_BINARY: Guess = { bytes: 8 * MB, low: 0.5 * MB, high: 60 * MB };
const RUST_TARGET_PER_CRATE: Guess = { bytes: 4 * MB, low: 0.5 * MB, high: 20 * MB };
const RUST_TARGET_UNKNOWN: Guess = { bytes: 300 * MB, low: 30 * MB, high: 3000 * MB };
const JAR: Guess = { bytes: 30 * MB, low: 2 * MB, high: 150 * MB };
const MAVEN_REPOSITORY: Guess = { bytes: 120 * MB, low: 10 * MB, high: 600 * MB };
const GRADLE_HOME: Guess = { bytes: 250 * MB, low: 30 * MB, high: 1000 * MB };
const WEB_BUILD_SHARE: Guess = { bytes: 0.5, low: 0.05, high: 3 };
const WEB_BUILD_UNKNOWN: Guess = { bytes: 5 * MB, low: 0.1 * MB, high: 100 * MB };

export function languageParts(run: InstructionInfo, script: RunCalls, state: StageState, hints: WorkspaceHints): RunPart[] {
  // A RUN calls one of these tools at most, usually: the others are not asked about.
  const parts = pipParts(run, script, state, hints);
  if (script.callsAny(NODE_PACKAGE_MANAGERS.programs)) parts.push(...nodeParts(run, script, state, hints));
  if (script.callsAny(GO.programs)) parts.push(...goParts(run, script, state, hints));
  if (script.callsAny(CARGO.programs)) parts.push(...rustParts(run, script, state, hints));
  if (script.callsAny(MAVEN.programs) || script.callsAny(GRADLE.programs)) parts.push(...jvmParts(run, script, state));
  return parts;
}

function pipParts(run: InstructionInfo, script: RunCalls, state: StageState, hints: WorkspaceHints): RunPart[] {
  const parts: RunPart[] = [];
  for (const call of script.installs(PIP_INSTALL)) {
    const named = call.packages.filter((word) => !word.value.startsWith('.') && !word.value.startsWith('/')).length;
    const fromFile = optionValue(call, '-r', '--requirement') !== null;
    const installsProject = call.packages.some((word) => word.value === '.' || word.value.startsWith('./'));
    const requirements = hints.pythonRequirements;
    let count = named * PIP_TRANSITIVE;
    let source = `${named} named package(s) with their dependencies`;
    if ((fromFile || installsProject) && requirements) {
      count += requirements.locked ? requirements.count : requirements.count * PIP_TRANSITIVE;
      source = `${requirements.count} requirement(s) in the workspace${requirements.locked ? ' (pinned)' : ''}`;
    } else if (fromFile || installsProject) {
      count += 10 * PIP_TRANSITIVE;
      source = 'a requirements file not read: assumed about 10 requirements';
    }
    if (count === 0) continue;
    const installed = heuristic(per(count, PIP_PACKAGE), 'packages');
    const program = call.invocation.program.value;
    const venv = program.includes('/bin/') ? program.slice(0, program.indexOf('/bin/')) : null;
    const target = optionValue(call, '-t', '--target') ?? optionValue(call, '--prefix');
    const path = target ? resolvePath(state.workdir, target) : venv ?? (hasFlag(call.invocation, '--user') ? `${state.home}/.local` : '/usr/local/lib');
    parts.push({ label: `pip: ${source}`, amount: installed, path });
    const cacheOff = hasFlag(call.invocation, '--no-cache-dir') || /PIP_NO_CACHE_DIR/.test(assignments(call))
      || cacheMounted(run, [`${state.home}/.cache/pip`, '/root/.cache']);
    if (!cacheOff) {
      parts.push({ label: "pip's download cache (no --no-cache-dir)", amount: heuristic(per(count * PIP_CACHE_SHARE, PIP_PACKAGE), 'compressedPayload'), path: `${state.home}/.cache/pip`, cacheOf: 'pip' });
    }
  }
  return parts;
}

function assignments(call: { invocation: { command: { assignments: Array<{ value: string }> } } }): string {
  return call.invocation.command.assignments.map((word) => word.value).join(' ');
}

// One object per tool: RunCalls searches a script once per tool object.
const NPM = { programs: ['npm'] };
const NODE_TOOLS = { programs: ['yarn', 'pnpm'] };
const NODE_PACKAGE_MANAGERS = { programs: ['npm', 'yarn', 'pnpm'] };
const GO = { programs: ['go'] };
const CARGO = { programs: ['cargo'] };
const MAVEN = { programs: ['mvn', 'mvnw'] };
const GRADLE = { programs: ['gradle', 'gradlew'] };

function nodeParts(run: InstructionInfo, script: RunCalls, state: StageState, hints: WorkspaceHints): RunPart[] {
  const parts: RunPart[] = [];
  const installs: Array<{ call: SubcommandCall | null; tool: 'npm' | 'yarn' | 'pnpm'; named: number; production: boolean; global: boolean }> = [];
  for (const call of script.installs(NPM_INSTALL)) {
    const production = call.options.some((option) => (option.name === '--omit' && option.value === 'dev') || option.name === '--production' || option.name === '--only');
    installs.push({ call: null, tool: 'npm', named: call.packages.length, production, global: optionValue(call, '-g', '--global') !== null });
  }
  for (const call of script.of(NPM, ['ci'])) {
    installs.push({ call, tool: 'npm', named: 0, production: hasFlag(call, '--omit', '--production', '--only'), global: false });
  }
  for (const call of script.of(NODE_TOOLS)) {
    const sub = call.subcommand?.value ?? 'install';
    if (!['install', 'add', 'i'].includes(sub)) continue;
    const named = sub === 'install' || sub === 'i' ? 0 : operands(call).length - 1;
    installs.push({ call, tool: call.name as 'yarn' | 'pnpm', named, production: hasFlag(call, '--production', '--prod'), global: false });
  }
  for (const install of installs) {
    const guess = nodeModulesGuess(install.named, install.production, hints);
    const path = install.global ? '/usr/local/lib/node_modules' : `${state.workdir}/node_modules`;
    parts.push({ label: `${install.tool}: node_modules, ${guess.source}`, amount: heuristic(guess.guess, 'nodeModules'), path });
    const cachePath = install.tool === 'npm' ? `${state.home}/.npm` : install.tool === 'yarn' ? '/usr/local/share/.cache/yarn' : `${state.home}/.local/share/pnpm`;
    if (!cacheMounted(run, [cachePath])) {
      parts.push({ label: `${install.tool}'s download cache`, amount: heuristic(per(NODE_CACHE_SHARE, guess.guess), 'compressedPayload'), path: cachePath, cacheOf: install.tool });
    }
  }
  for (const call of script.of(NODE_PACKAGE_MANAGERS, ['run', 'build'])) {
    const script = call.subcommand?.value === 'build' ? 'build' : operands(call)[1]?.value;
    if (script !== 'build') continue;
    const guess = hints.sourceBytes === null ? WEB_BUILD_UNKNOWN : per(hints.sourceBytes, WEB_BUILD_SHARE);
    const aliases = ['build', '.next', 'out'].map((folder) => `${state.workdir}/${folder}`);
    parts.push({ label: 'build output (a share of the source)', amount: heuristic(guess, 'text'), path: `${state.workdir}/dist`, aliases });
  }
  return parts;
}

function nodeModulesGuess(named: number, production: boolean, hints: WorkspaceHints): { guess: Guess; source: string } {
  const prod = production ? 0.5 : 1;
  if (named > 0) return { guess: per(named, NODE_NAMED_PACKAGE), source: `${named} named package(s)` };
  if (hints.nodeModulesBytes !== null && hints.nodeModulesBytes > 0) {
    const bytes = hints.nodeModulesBytes;
    return { guess: { bytes: bytes * prod, low: bytes * (production ? 0.15 : 0.6), high: bytes * 1.3 }, source: 'the size of the workspace node_modules' };
  }
  if (hints.nodePackages !== null) {
    return { guess: per(hints.nodePackages * prod, NODE_PACKAGE), source: `${hints.nodePackages} packages in the lock file` };
  }
  return { guess: NODE_MODULES_UNKNOWN, source: 'no lock file or node_modules to go by' };
}

function goParts(run: InstructionInfo, script: RunCalls, state: StageState, hints: WorkspaceHints): RunPart[] {
  const parts: RunPart[] = [];
  const builds = script.of(GO, ['build', 'install']);
  const downloads = script.of(GO, ['mod']).filter((call) => operands(call)[1]?.value === 'download');
  for (const call of builds) {
    const output = call.args.findIndex((word) => word.value === '-o');
    const target = output >= 0 ? call.args[output + 1]?.value : undefined;
    const name = state.workdir.split('/').pop() || 'app';
    const path = call.subcommand?.value === 'install' ? '/go/bin' : resolvePath(state.workdir, target ?? name);
    const guess = hints.goModules !== null
      ? { bytes: 2 * MB + hints.goModules * 0.3 * MB, low: 1.5 * MB + hints.goModules * 0.1 * MB, high: 5 * MB + hints.goModules * 1 * MB }
      : GO_BINARY_UNKNOWN;
    const source = hints.goModules !== null ? `${hints.goModules} modules in go.sum or go.mod` : 'no go.sum or go.mod to go by';
    parts.push({ label: `go build: the binary (${source})`, amount: heuristic(guess, 'binary'), path, whole: true });
  }
  const fillsCaches = builds.length > 0 || downloads.length > 0;
  if (fillsCaches && !state.countedCaches.has('go') && !cacheMounted(run, ['/go/pkg/mod', `${state.home}/.cache/go-build`])) {
    state.countedCaches = new Set([...state.countedCaches, 'go']);
    const modules = hints.goModules;
    const guess = modules === null ? GO_CACHES_UNKNOWN : { ...per(modules, GO_MODULE_CACHE_PER_MODULE) };
    if (modules !== null) for (const key of ['bytes', 'low', 'high'] as const) guess[key] += GO_BUILD_CACHE_BASE[key];
    const source = modules === null ? 'no go.sum or go.mod to go by' : `${modules} modules`;
    parts.push({ label: `Go module and build caches (${source})`, amount: heuristic(guess, 'text'), path: '/go/pkg' });
  }
  return parts;
}

function rustParts(run: InstructionInfo, script: RunCalls, state: StageState, hints: WorkspaceHints): RunPart[] {
  const builds = script.of(CARGO, ['build', 'install']);
  if (builds.length === 0) return [];
  const target = `${state.workdir}/target`;
  const parts: RunPart[] = [
    { label: 'cargo: the release binary', amount: heuristic(RUST_BINARY, 'binary'), path: `${target}/release`, whole: true },
  ];
  if (!cacheMounted(run, [target])) {
    const guess = hints.crates !== null ? per(hints.crates, RUST_TARGET_PER_CRATE) : RUST_TARGET_UNKNOWN;
    parts.push({ label: `cargo: build artifacts in target/ (${hints.crates !== null ? `${hints.crates} crates in Cargo.lock` : 'no Cargo.lock to go by'})`, amount: heuristic(guess, 'binary'), path: `${target}/debug` });
  }
  return parts;
}

function jvmParts(run: InstructionInfo, script: RunCalls, state: StageState): RunPart[] {
  const parts: RunPart[] = [];
  const maven = script.of(MAVEN).filter((call) => call.args.some((word) => /^(package|install|verify|dependency:)/.test(word.value)));
  if (maven.length > 0) {
    parts.push({ label: 'maven: the built jar', amount: heuristic(JAR, 'compressedPayload'), path: `${state.workdir}/target`, whole: true });
    if (!cacheMounted(run, [`${state.home}/.m2`])) parts.push({ label: 'maven: the local repository ~/.m2', amount: heuristic(MAVEN_REPOSITORY, 'compressedPayload'), path: `${state.home}/.m2` });
  }
  const gradle = script.of(GRADLE).filter((call) => call.args.some((word) => /^(build|assemble|bootJar|jar|shadowJar|installDist)$/.test(word.value)));
  if (gradle.length > 0) {
    parts.push({ label: 'gradle: the built jar', amount: heuristic(JAR, 'compressedPayload'), path: `${state.workdir}/build/libs`, whole: true });
    if (!cacheMounted(run, [`${state.home}/.gradle`])) parts.push({ label: 'gradle: its home ~/.gradle (wrapper, caches)', amount: heuristic(GRADLE_HOME, 'compressedPayload'), path: `${state.home}/.gradle` });
  }
  return parts;
}
