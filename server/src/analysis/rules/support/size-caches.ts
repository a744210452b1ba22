// Package-manager caches left in a layer (yum, dnf, zypper, pip, npm, yarn, gem, composer): one shared
// visitor, each rule giving the calls that fill its cache, what empties it, and how to fix a RUN.
import type { DockerfileModel, InstructionInfo, Stage } from '../../model-types';
import type { Fix, Range, RuleContext, RuleVisitor, TextEdit } from '../../rule';
import type { ShellWord } from '../../shell-types';
import { findCalls, invocationOf, operands, type Invocation, type ToolSpec } from './commands';
import { cacheMountTargets, isSameOrAncestor, normalizePath } from './paths';
import { appendCommandsEdit, hasCustomShell } from './run-edits';
import { couldSplitRunGroup, isAfter, runsAsRoot } from './size-context';

/** A call that fills the cache. */
export interface CacheWriter {
  invocation: Invocation;
  /** The words that show the problem: `npm ci`, `pip install`. */
  range: Range;
  /** The subcommand word, after which a flag is inserted. */
  subcommand: ShellWord | null;
}

/** Where a cache lives, to recognise a removal of it or a cache mount over it. */
export interface CacheLocation {
  /** Absolute directories: a mount on or above one, or an `rm` of one, keeps the cache out. */
  paths: readonly string[];
  /** Directories relative to any home (`.npm`, `.cache/pip`): `/home/app/.npm` counts too. */
  homeDirectories?: readonly string[];
}

export interface PackageCacheSpec {
  location: CacheLocation;
  /** The calls of the RUN that fill the cache and do not opt out of it (`--no-cache-dir`…). */
  writers(run: InstructionInfo): CacheWriter[];
  /** A command that empties the cache: `yum clean all`, `npm cache clean --force`. `rm` of the location is recognised already. */
  isCleanup(invocation: Invocation): boolean;
  /** True when something moves or disables the cache for this RUN (an ENV, a config file…): nothing is reported. */
  isConfiguredAway?(stage: Stage, run: InstructionInfo): boolean;
  message(writer: CacheWriter): string;
  /** 'each': every writer is reported (a flag fixes each); 'once': the first writer left uncleaned, per RUN. */
  report: 'each' | 'once';
  /** The first fix: a flag inserted after the subcommand, or commands appended to the RUN. */
  fix: FlagFix | AppendFix;
  /** The cache-mount alternative (offered when the RUN runs as root): the mount's target. */
  mountTarget?: string;
}

export interface FlagFix {
  kind: 'flag';
  flag: string;
  title: string;
  safety: Fix['safety'];
}

export interface AppendFix {
  kind: 'append';
  /** The cleanup command for the writer: `yum clean all` (see programText). */
  command(writer: CacheWriter): string;
  title: string;
  safety: Fix['safety'];
}

export function packageCacheVisitor(context: RuleContext, spec: PackageCacheSpec): RuleVisitor {
  const { model } = context;
  return {
    RUN(run, stage) {
      const script = run.script;
      if (!script || script.incomplete) return;
      // The writers first: most RUNs call none of the tool's commands.
      const writers = spec.writers(run);
      if (writers.length === 0 || keepsCacheOut(run, spec.location) || spec.isConfiguredAway?.(stage, run)) return;
      // Commands are looked at through their wrappers (`sudo`), as the writers are.
      const cleanups = script.commands.filter((command) => {
        const invocation = invocationOf(command);
        return invocation !== null && isCleanupCall(invocation, spec);
      });
      const uncleaned = writers.filter(
        (writer) => !cleanups.some((cleanup) => isAfter(cleanup.range.start, writer.invocation.command.range.end)),
      );
      const reported = spec.report === 'each' ? uncleaned : uncleaned.slice(0, 1);
      for (const writer of reported) {
        const fixes = [firstFix(model, stage, run, writer, spec), mountFix(stage, run, spec)];
        context.report({ range: writer.range, message: spec.message(writer), fixes: fixes.filter((fix): fix is Fix => fix !== null) });
      }
    },
  };
}

function isCleanupCall(invocation: Invocation, spec: PackageCacheSpec): boolean {
  if (spec.isCleanup(invocation)) return true;
  return invocation.name === 'rm' && operands(invocation).some((word) => coversCache(word.value, spec.location));
}

/** True when removing (or mounting over) `path` empties the cache: the path is the cache or a directory above it. */
export function coversCache(path: string, location: CacheLocation): boolean {
  const normalized = withoutGlob(normalizePath(path));
  if (normalized === '/' || normalized === '') return false;
  if (location.paths.some((cache) => isSameOrAncestor(normalized, cache))) return true;
  return (location.homeDirectories ?? []).some((directory) => {
    const parts = directory.split('/');
    return parts.some((_, index) => normalized.endsWith(`/${parts.slice(0, index + 1).join('/')}`));
  });
}

/** `/usr/local/bundle/cache/*.gem` → `/usr/local/bundle/cache`: removing the files of a directory empties it. */
function withoutGlob(path: string): string {
  const globAt = path.search(/[*?[]/);
  if (globAt === -1) return path;
  const slash = path.lastIndexOf('/', globAt);
  return slash <= 0 ? '/' : path.slice(0, slash);
}

/** A cache or tmpfs mount over the cache: nothing the RUN writes there reaches the layer. */
function keepsCacheOut(run: InstructionInfo, location: CacheLocation): boolean {
  return cacheMountTargets(run).some((target) => coversCache(target, location));
}

function firstFix(model: DockerfileModel, stage: Stage, run: InstructionInfo, writer: CacheWriter, spec: PackageCacheSpec): Fix | null {
  const fix = spec.fix;
  if (fix.kind === 'flag') {
    if (!writer.subcommand) return null;
    // In exec form the flag is one more JSON string.
    const text = run.script?.form === 'exec' ? `, "${fix.flag}"` : ` ${fix.flag}`;
    const at = writer.subcommand.range.end;
    return { title: fix.title, safety: fix.safety, edits: [{ range: { start: at, end: at }, newText: text }] };
  }
  if (hasCustomShell(stage, run) || couldSplitRunGroup(stage, run, 1)) return null;
  const append = appendCommandsEdit(model, run, [fix.command(writer)]);
  return append ? { title: fix.title, safety: fix.safety, edits: [append] } : null;
}

/**
 * The writer's program as a cleanup command should call it: `/usr/bin/yum` stays a path. Wrappers such as
 * `sudo` are left out (the sudo rule reports them; a build step already runs as root unless USER says otherwise).
 */
export function programText(writer: CacheWriter): string {
  const program = writer.invocation.program;
  return /^[\w@%+=:,./-]+$/.test(program.value) ? program.value : writer.invocation.name;
}

/**
 * Adds `--mount=type=cache,target=…` to the RUN: the cache then lives between builds, outside the image.
 * Only when the RUN runs as root (the target is root's home), and never when the new flags would join the
 * RUN to its neighbour or cut it from its neighbours (the merge rule would report more).
 */
function mountFix(stage: Stage, run: InstructionInfo, spec: PackageCacheSpec): Fix | null {
  // The target is a Linux path: not for a stage whose SHELL is another shell (PowerShell, cmd on Windows).
  if (!spec.mountTarget || hasCustomShell(stage, run) || !runsAsRoot(stage, run) || couldSplitRunGroup(stage, run, 0)) return null;
  const flag = `--mount=type=cache,target=${spec.mountTarget}`;
  const index = stage.instructions.indexOf(run);
  const neighbours = [stage.instructions[index - 1], stage.instructions[index + 1]];
  const after = flagsKey([...flagTexts(run), flag]);
  if (neighbours.some((other) => other?.keyword === 'RUN' && flagsKey(flagTexts(other)) === after)) return null;
  const at = run.keywordRange.end;
  const edit: TextEdit = { range: { start: at, end: at }, newText: ` ${flag}` };
  return { title: `Use a cache mount on ${spec.mountTarget} instead`, safety: 'unsafe', edits: [edit] };
}

function flagTexts(instruction: InstructionInfo): string[] {
  return instruction.flags.map((flag) => `--${flag.name}=${flag.value ?? ''}`);
}

function flagsKey(flags: readonly string[]): string {
  return [...flags].sort().join('\n');
}

/** Writers found as `<tool> <subcommand>` calls (wrappers looked through), reported on the program and subcommand words. */
export function subcommandWriters(run: InstructionInfo, tool: ToolSpec, subcommands: readonly string[]): CacheWriter[] {
  if (!run.script) return [];
  return findCalls(run.script, tool, subcommands).map((call) => ({
    invocation: call,
    range: { start: call.program.range.start, end: call.subcommand!.range.end },
    subcommand: call.subcommand,
  }));
}

/** True when the invocation is `<one of programs> <words…>` (options ignored): `yum clean all`, `npm cache clean`. */
export function isCall(invocation: Invocation, programs: readonly string[], words: readonly string[]): boolean {
  if (!programs.includes(invocation.name)) return false;
  const operandWords = invocation.args.filter((word) => !word.value.startsWith('-')).map((word) => word.value);
  return words.every((word, index) => operandWords[index] === word);
}
