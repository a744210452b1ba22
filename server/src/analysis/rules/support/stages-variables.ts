// Variable references as BuildKit expands them in instructions (not RUN: the shell does that), and what a
// stage has defined at a given point: its ARGs and ENVs, the ENVs of the stages it is built FROM, and the
// few base images whose whole ENV is known.
import type { DockerfileModel, InstructionInfo, Stage } from '../../model-types';
import type { Range } from '../../rule';
import { offsetAt, positionAt } from '../../text-edits';
import { parseArgDeclarations } from '../../variables';
import { textAt } from './run-edits';
import { remembered } from '../../remembered';

export interface VariableUse {
  name: string;
  /** `-`, `:-`, `+`, `:+`, `?`, `:?` or another operator (`#`, `%`, `/`…); null for `$NAME` / `${NAME}`. */
  modifier: string | null;
  /** `$NAME` or `${…}` as a whole. */
  range: Range;
  nameRange: Range;
}

/** Automatic platform ARGs: in the global scope without declaration, in a stage only after `ARG <name>`. */
export const PLATFORM_ARGS: ReadonlySet<string> = new Set([
  'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT',
  'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT',
]);

/** Predefined ARGs usable anywhere without declaration (proxies), and BuildKit's own settings. */
const PREDEFINED_ARGS: ReadonlySet<string> = new Set([
  'HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy',
  'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy', 'SOURCE_DATE_EPOCH',
]);

export function isPredefinedArg(name: string): boolean {
  return PREDEFINED_ARGS.has(name) || name.startsWith('BUILDKIT_');
}

/**
 * Images whose configured ENV is only PATH (checked with `docker inspect`): a stage built on them has nothing
 * else defined. For every other image the ENV is unknown here (BuildKit reads it from the pulled image).
 */
const PATH_ONLY_IMAGES: ReadonlySet<string> = new Set(['alpine', 'debian', 'ubuntu', 'busybox']);

/** Every image (scratch included: BuildKit gives it a default) has PATH. */
export const ALWAYS_DEFINED: ReadonlySet<string> = new Set(['PATH']);

/**
 * ENV names official images commonly set: a near-miss of a defined name that is one of these is probably the
 * base image's variable, not a typo.
 */
const COMMON_IMAGE_ENV: ReadonlySet<string> = new Set([
  'PATH', 'HOME', 'LANG', 'LC_ALL', 'TZ', 'USER', 'HOSTNAME', 'SHELL', 'TERM', 'DEBIAN_FRONTEND',
  'NODE_VERSION', 'YARN_VERSION', 'NODE_ENV', 'PYTHON_VERSION', 'PYTHON_SHA256', 'PYTHON_PIP_VERSION', 'GPG_KEY',
  'GOLANG_VERSION', 'GOPATH', 'GOTOOLCHAIN', 'JAVA_HOME', 'JAVA_VERSION', 'RUBY_VERSION', 'RUBY_MAJOR',
  'GEM_HOME', 'BUNDLE_PATH', 'BUNDLE_APP_CONFIG', 'PHP_VERSION', 'PHP_INI_DIR', 'NGINX_VERSION',
  'RUSTUP_HOME', 'CARGO_HOME', 'RUST_VERSION', 'DOTNET_VERSION', 'ASPNET_VERSION', 'MAVEN_HOME',
  'GRADLE_HOME', 'SSL_CERT_FILE', 'PGDATA', 'PG_VERSION', 'PG_MAJOR', 'MYSQL_VERSION', 'REDIS_VERSION',
]);

export function isCommonImageEnv(name: string): boolean {
  return COMMON_IMAGE_ENV.has(name);
}

/** References in `range` of the document, quotes and the escape character respected as BuildKit's lexer does. */
export function variableUses(model: DockerfileModel, range: Range): VariableUse[] {
  // Cheap test first: most instructions use no variable at all.
  if (!linesContainDollar(model, range)) return [];
  const text = model.text;
  const start = offsetAt(text, model.lineStarts, range.start);
  const end = offsetAt(text, model.lineStarts, range.end);
  const uses: VariableUse[] = [];
  const toRange = (from: number, to: number): Range => ({ start: positionAt(model.lineStarts, from), end: positionAt(model.lineStarts, to) });
  let quote: string | null = null;
  for (let i = start; i < end; i++) {
    const ch = text[i];
    if (ch === model.escapeCharacter && quote !== "'") {
      i++;
      continue;
    }
    if (quote === "'") {
      if (ch === "'") quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = quote === ch ? null : quote ?? ch;
      continue;
    }
    if (ch !== '$') continue;
    const use = readUse(text, i, end);
    if (!use) continue;
    uses.push({ name: use.name, modifier: use.modifier, range: toRange(i, use.end), nameRange: toRange(use.nameStart, use.nameStart + use.name.length) });
    i = use.end - 1;
  }
  return uses;
}

/** True when a line the range touches has a `$` (the whole lines: a superset of the range's text). */
function linesContainDollar(model: DockerfileModel, range: Range): boolean {
  const last = Math.min(range.end.line, model.lines.length - 1);
  for (let line = Math.max(0, range.start.line); line <= last; line++) if (model.lines[line].includes('$')) return true;
  return false;
}

interface RawUse {
  name: string;
  modifier: string | null;
  nameStart: number;
  end: number;
}

function readUse(text: string, dollar: number, end: number): RawUse | null {
  if (text[dollar + 1] !== '{') {
    const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(dollar + 1, Math.min(end, dollar + 256)));
    return match ? { name: match[0], modifier: null, nameStart: dollar + 1, end: dollar + 1 + match[0].length } : null;
  }
  let depth = 0;
  let close = -1;
  for (let i = dollar + 1; i < end; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) {
      close = i;
      break;
    }
  }
  if (close < 0) return null;
  const body = text.slice(dollar + 2, close);
  const match = /^([A-Za-z_][A-Za-z0-9_]*)(.*)$/s.exec(body);
  if (!match) return null;
  const rest = match[2];
  const modifier = rest === '' ? null : (/^:?[-+?]/.exec(rest)?.[0] ?? rest.slice(0, 1));
  return { name: match[1], modifier, nameStart: dollar + 2, end: close + 1 };
}

/** The part of an instruction BuildKit expands: everything after the keyword. Heredoc bodies are left out (not judged). */
export function expandedRange(model: DockerfileModel, instruction: InstructionInfo): Range | null {
  const firstLine = model.lines[instruction.range.start.line] ?? '';
  if (/<<-?["']?[A-Za-z_]/.test(firstLine)) return null;
  return { start: instruction.keywordRange.end, end: instruction.range.end };
}

/** The references in the part of an instruction BuildKit expands (none in an instruction with a heredoc). */
export function expandedVariableUses(model: DockerfileModel, instruction: InstructionInfo): VariableUse[] {
  // Cheap test first: most instructions have no `$` on any of their lines.
  if (!linesContainDollar(model, instruction.range)) return [];
  const range = expandedRange(model, instruction);
  return range ? variableUses(model, range) : [];
}

/** Several rules ask each ARG and ENV what it defines, some of them several times: read once per analysis. */
const namesByInstruction = new WeakMap<InstructionInfo, readonly string[]>();

const NO_NAMES: readonly string[] = Object.freeze([]);

/** Names an ARG or ENV instruction defines (ENV pairs through dockerfile-ast's properties). Shared: frozen. */
export function definedNames(model: DockerfileModel, instruction: InstructionInfo): readonly string[] {
  if (instruction.keyword !== 'ARG' && instruction.keyword !== 'ENV') return NO_NAMES;
  return remembered(namesByInstruction, instruction, () => Object.freeze(readDefinedNames(model, instruction)));
}

function readDefinedNames(model: DockerfileModel, instruction: InstructionInfo): string[] {
  if (instruction.keyword === 'ARG') {
    return parseArgDeclarations(textAt(model, { start: instruction.keywordRange.end, end: instruction.range.end }), model.escapeCharacter).map((d) => d.name);
  }
  return envProperties(instruction).map((property) => property.name);
}

export interface EnvProperty {
  name: string;
  nameRange: Range;
  valueRange: Range | null;
  range: Range;
}

interface PropertyCapable {
  getProperties(): Array<{ getName(): string; getNameRange(): Range; getValueRange(): Range | null; getRange(): Range }>;
}

const propertiesByInstruction = new WeakMap<InstructionInfo, readonly EnvProperty[]>();

/** The pairs of an ENV (or any instruction with properties), read once per analysis. Shared: frozen. */
export function envProperties(instruction: InstructionInfo): readonly EnvProperty[] {
  return remembered(propertiesByInstruction, instruction, () => Object.freeze(readProperties(instruction)));
}

function readProperties(instruction: InstructionInfo): EnvProperty[] {
  const node = instruction.node as unknown as Partial<PropertyCapable>;
  if (typeof node.getProperties !== 'function') return [];
  try {
    return node.getProperties().map((property) => ({
      name: property.getName(),
      nameRange: property.getNameRange(),
      valueRange: property.getValueRange(),
      range: property.getRange(),
    }));
  } catch {
    return [];
  }
}

const globalArgsByModel = new WeakMap<DockerfileModel, ReadonlyMap<string, number>>();

/** The names declared by ARGs before the first FROM, with the line of each declaration (read once per analysis). */
export function globalArgNames(model: DockerfileModel): ReadonlyMap<string, number> {
  return remembered(globalArgsByModel, model, readGlobalArgNames);
}

function readGlobalArgNames(model: DockerfileModel): Map<string, number> {
  const names = new Map<string, number>();
  for (const instruction of model.globalInstructions) {
    if (instruction.keyword !== 'ARG' || instruction.onbuild) continue;
    for (const name of definedNames(model, instruction)) if (!names.has(name)) names.set(name, instruction.range.start.line + 1);
  }
  return names;
}

/**
 * What a stage has defined as its instructions are visited in order: the ENVs of the stages it is built FROM
 * (their ARGs do not carry over), then its own ARGs and ENVs. ONBUILD triggers define nothing in this build.
 * Incremental, so that a long stage costs one pass; and lazy, because most instructions use no variable:
 * what an instruction defines is read only once a later one asks what is defined.
 */
export class StageScope {
  private known: Map<string, number> | null = null;
  /** ARGs and ENVs recorded since `known` was last brought up to date, in order. */
  private readonly pending: InstructionInfo[] = [];

  constructor(private readonly model: DockerfileModel, private readonly stage: Stage) {}

  /** Names defined so far, with the line that defined them. */
  get defined(): ReadonlyMap<string, number> {
    const known = (this.known ??= new Map(inheritedNames(this.model, this.stage)));
    for (const instruction of this.pending) {
      for (const name of definedNames(this.model, instruction)) known.set(name, instruction.range.start.line + 1);
    }
    this.pending.length = 0;
    return known;
  }

  /** False when the base image may define ENV we cannot see. */
  get baseEnvKnown(): boolean {
    return baseEnvKnown(ancestorsOf(this.stage)[0] ?? this.stage);
  }

  /** Call after judging an instruction: what it defines is visible from the next one on. */
  record(instruction: InstructionInfo): void {
    if ((instruction.keyword !== 'ENV' && instruction.keyword !== 'ARG') || instruction.onbuild) return;
    this.pending.push(instruction);
  }

  /** The line of the first definition of `name` in the stage after `instruction`, or null. */
  definedLaterThan(instruction: InstructionInfo, name: string): number | null {
    return stageDefinitions(this.model, this.stage).get(name)?.find((line) => line > instruction.range.end.line + 1) ?? null;
  }
}

/** The stages `stage` is built FROM, the root first. */
function ancestorsOf(stage: Stage): Stage[] {
  const chain: Stage[] = [];
  for (let current = stage.baseStage; current && !chain.includes(current) && current !== stage; current = current.baseStage) chain.unshift(current);
  return chain;
}

/** Several rules open a scope on each stage: what it inherits and defines is read once per analysis. */
const inheritedByStage = new WeakMap<Stage, ReadonlyMap<string, number>>();
const definitionsByStage = new WeakMap<Stage, ReadonlyMap<string, readonly number[]>>();

/** What every stage has from the start (PATH), then the ENVs of the stages it is built FROM. */
function inheritedNames(model: DockerfileModel, stage: Stage): ReadonlyMap<string, number> {
  return remembered(inheritedByStage, stage, () => {
    const names = new Map<string, number>();
    for (const name of ALWAYS_DEFINED) names.set(name, 0);
    for (const ancestor of ancestorsOf(stage)) {
      for (const other of ancestor.instructions) {
        if (other.keyword === 'ENV' && !other.onbuild) for (const name of definedNames(model, other)) names.set(name, other.range.start.line + 1);
      }
    }
    return names;
  });
}

/** Every definition in the stage itself: name → the lines of its ARGs and ENVs. */
function stageDefinitions(model: DockerfileModel, stage: Stage): ReadonlyMap<string, readonly number[]> {
  return remembered(definitionsByStage, stage, () => {
    const lines = new Map<string, number[]>();
    for (const other of stage.instructions) {
      if ((other.keyword !== 'ENV' && other.keyword !== 'ARG') || other.onbuild) continue;
      for (const name of definedNames(model, other)) {
        const known = lines.get(name);
        if (known) known.push(other.range.start.line + 1);
        else lines.set(name, [other.range.start.line + 1]);
      }
    }
    return lines;
  });
}

function baseEnvKnown(root: Stage): boolean {
  const base = root.base;
  if (base.hasUnresolvedVariables) return false;
  if (base.isScratch) return true;
  return base.registry === null && PATH_ONLY_IMAGES.has(base.repository);
}
