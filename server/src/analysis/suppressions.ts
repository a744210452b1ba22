// Suppression comments and directives, read from the text once per analysis.
//   # layerwise ignore=LW101,consecutive-run reason    → the next instruction
//   # layerwise stage ignore=LW101 reason              → from the next instruction to the end of its stage
//   # layerwise global ignore=LW101 reason             → the whole file
//   # hadolint ignore=DL3009 / stage ignore= / global ignore=   → the same scopes, through hadolint aliases
//   # check=skip=JSONArgsRecommended;error=true        → the whole file, through BuildKit aliases
// Only real comments count: a `# hadolint ignore=` line inside a heredoc is script text, not a comment.
import type { DockerfileModel, InstructionInfo } from './model-types';
import type { Range, Rule } from './rule';

export type SuppressionSource = 'layerwise' | 'hadolint' | 'buildkit';
export type SuppressionScope = 'instruction' | 'stage' | 'file';

export interface Suppression {
  source: SuppressionSource;
  /** The names as written (codes, ids or aliases). `all` only means "every check" for BuildKit. */
  names: string[];
  scope: SuppressionScope;
  /** Lines covered (inclusive); 0 and Infinity for the whole file. */
  firstLine: number;
  lastLine: number;
  /** Where the comment is, for findings about the suppression itself. */
  range: Range;
  reason: string;
}

/** `# check=…` as BuildKit reads it (frontend/dockerfile/linter, ParseLintOptions). */
export interface CheckDirective {
  skipAll: boolean;
  skip: string[];
  /** `error=true`: build-check warnings fail the build. */
  errorOnWarning: boolean;
  range: Range;
}

const INLINE_IGNORE = /^#\s*(layerwise|hadolint)\s+(?:(global|stage)\s+)?ignore\s*=\s*([\w-]+(?:\s*,\s*[\w-]+)*)(?:\s+(.*))?$/;

export function findSuppressions(model: DockerfileModel): Suppression[] {
  const suppressions: Suppression[] = [];
  const check = findCheckDirective(model);
  if (check && (check.skipAll || check.skip.length > 0)) {
    const names = check.skipAll ? ['all'] : check.skip;
    suppressions.push({ source: 'buildkit', names, scope: 'file', firstLine: 0, lastLine: Infinity, range: check.range, reason: '' });
  }
  const nextInstruction = instructionFinder(model);
  for (const lineNumber of commentLines(model)) {
    const line = model.lines[lineNumber] ?? '';
    const match = INLINE_IGNORE.exec(line.trim());
    if (!match) continue;
    const [, tool, scopeWord, list, reason] = match;
    const range = { start: { line: lineNumber, character: 0 }, end: { line: lineNumber, character: line.length } };
    const base = {
      source: tool === 'hadolint' ? ('hadolint' as const) : ('layerwise' as const),
      names: splitNames(list),
      range,
      reason: cleanReason(reason),
    };
    if (scopeWord === 'global') {
      suppressions.push({ ...base, scope: 'file', firstLine: 0, lastLine: Infinity });
      continue;
    }
    const target = nextInstruction(lineNumber);
    if (!target) continue;
    const scope = scopeWord === 'stage' ? 'stage' : 'instruction';
    const lastLine = scope === 'stage' ? lastLineOfStageFrom(model, target) : target.range.end.line;
    suppressions.push({ ...base, scope, firstLine: target.range.start.line, lastLine });
  }
  return suppressions.sort((a, b) => a.range.start.line - b.range.start.line);
}

/**
 * Lines that are comments to Docker. The leading ones are parsed as (possibly invalid) parser
 * directives, `# hadolint global ignore=…` on the first line included, so those count too.
 */
export function commentLines(model: DockerfileModel): number[] {
  const lines = [...model.ast.getDirectives(), ...model.ast.getComments()].map((node) => node.getRange().start.line);
  return [...new Set(lines)].sort((a, b) => a - b);
}

/** `# reason`, `-- reason` and `reason` all read as "reason". */
function cleanReason(reason: string | undefined): string {
  return (reason ?? '').trim().replace(/^(#|--)\s*/, '');
}

/** The first instruction that starts after a line; asked with growing lines, so one pass in all. */
function instructionFinder(model: DockerfileModel): (line: number) => InstructionInfo | undefined {
  const instructions = model.instructions;
  let index = 0;
  return (line) => {
    while (index < instructions.length && instructions[index].range.start.line <= line) index++;
    return instructions[index];
  };
}

/**
 * A stage suppression reaches up to the next FROM after the instruction it starts at, so written
 * above a FROM it covers that whole stage, and written inside a stage it covers the rest of it.
 */
function lastLineOfStageFrom(model: DockerfileModel, target: InstructionInfo): number {
  const nextFrom = model.stages.find((stage) => stage.from.range.start.line > target.range.start.line);
  return nextFrom ? nextFrom.from.range.start.line - 1 : Infinity;
}

/**
 * BuildKit's reading of the `check` directive: up to three `key=value` parts separated by `;`, keys
 * `skip`, `experimental` and `error`, exact case; spaces around keys and values are trimmed; `error`
 * takes Go's boolean spellings. A directive BuildKit would reject (unknown key, a part without `=`,
 * a bad boolean) fails the build there, so here it suppresses nothing.
 */
export function parseCheckDirective(value: string): Omit<CheckDirective, 'range'> | null {
  const trimmed = value.trim();
  const result = { skipAll: false, skip: [] as string[], errorOnWarning: false };
  if (trimmed === '') return result;
  for (const part of splitN(trimmed, ';', 3)) {
    const separator = part.indexOf('=');
    if (separator < 0) return null;
    const key = part.slice(0, separator).trim();
    const rawValue = part.slice(separator + 1).trim();
    if (key === 'skip') {
      if (rawValue === 'all') result.skipAll = true;
      else result.skip = rawValue.split(',').map((name) => name.trim());
    } else if (key === 'error') {
      const flag = parseGoBool(rawValue);
      if (flag === null) return null;
      result.errorOnWarning = flag;
    } else if (key !== 'experimental') {
      return null;
    }
  }
  return result;
}

/** Go's strings.SplitN: at most `limit` parts, the last one keeping the remaining separators. */
function splitN(text: string, separator: string, limit: number): string[] {
  const parts = text.split(separator);
  return parts.length <= limit ? parts : [...parts.slice(0, limit - 1), parts.slice(limit - 1).join(separator)];
}

const GO_TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const GO_FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

function parseGoBool(text: string): boolean | null {
  if (GO_TRUE.has(text)) return true;
  if (GO_FALSE.has(text)) return false;
  return null;
}

const DIRECTIVE_LINE = /^#\s*[a-zA-Z][a-zA-Z0-9]*\s*=\s*(.+?)\s*$/;

/** The file's `# check=` parser directive, when it has a valid one. */
export function findCheckDirective(model: DockerfileModel): CheckDirective | null {
  const directive = model.directives.find((candidate) => candidate.name.toLowerCase() === 'check');
  if (!directive) return null;
  // BuildKit's value is the rest of the line, spaces inside included (the parser's value stops at one).
  const line = model.lines[directive.range.start.line] ?? '';
  const value = DIRECTIVE_LINE.exec(line)?.[1] ?? directive.value;
  const parsed = parseCheckDirective(value);
  return parsed ? { ...parsed, range: directive.range } : null;
}

function splitNames(list: string): string[] {
  return list
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

/** Whether a suppression names this rule, through the names its source knows it by. */
export function suppressionCovers(suppression: Suppression, rule: Rule): boolean {
  if (suppression.source === 'buildkit') {
    // BuildKit matches check names exactly: `skip=jsonargsrecommended` skips nothing.
    const alias = rule.aliases.buildkit;
    return suppression.names.some((name) => name === 'all' || name === alias);
  }
  const known = namesFor(rule, suppression.source);
  return suppression.names.some((name) => known.has(name.toLowerCase()));
}

function namesFor(rule: Rule, source: 'layerwise' | 'hadolint'): Set<string> {
  if (source === 'layerwise') return new Set([rule.id, rule.code.toLowerCase()]);
  // hadolint comments may also name our own codes, which teams adopt while migrating.
  return new Set([rule.aliases.hadolint?.toLowerCase(), rule.code.toLowerCase()].filter(isString));
}

function isString(value: string | undefined): value is string {
  return typeof value === 'string';
}
