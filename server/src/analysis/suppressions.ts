// Suppression comments and directives, read from the text once per analysis.
//   # layerwise ignore=LW101,consecutive-run reason   → the next instruction
//   # hadolint ignore=DL3009,DL3015                    → the next instruction (through hadolint aliases)
//   # hadolint global ignore=DL3009                    → the whole file
//   # check=skip=JSONArgsRecommended,StageNameCasing   → the whole file (through BuildKit aliases)
import type { DockerfileModel, InstructionInfo } from './model-types';
import type { Range, Rule } from './rule';

export type SuppressionSource = 'layerwise' | 'hadolint' | 'buildkit';

export interface Suppression {
  source: SuppressionSource;
  /** The names as written (codes, ids or aliases). */
  names: string[];
  /** 'all' for `# check=skip=all`. */
  scope: 'instruction' | 'file';
  /** Lines covered (inclusive) for instruction scope. */
  firstLine: number;
  lastLine: number;
  /** Where the comment is, for findings about the suppression itself. */
  range: Range;
  reason: string;
}

const INLINE_IGNORE = /^\s*#\s*(layerwise|hadolint)\s+(global\s+)?ignore\s*=\s*([\w-]+(?:\s*,\s*[\w-]+)*)(?:\s+(.*))?$/;

export function findSuppressions(model: DockerfileModel): Suppression[] {
  const suppressions = [...findCheckSkip(model)];
  const instructions = model.instructions;
  let nextInstruction = 0;
  model.lines.forEach((line, lineNumber) => {
    if (!line.includes('ignore')) return;
    const match = INLINE_IGNORE.exec(line);
    if (!match) return;
    const [, tool, global, list, reason] = match;
    const names = splitNames(list);
    if (names.length === 0) return;
    const range = { start: { line: lineNumber, character: 0 }, end: { line: lineNumber, character: line.length } };
    const source: SuppressionSource = tool === 'hadolint' ? 'hadolint' : 'layerwise';
    if (global) {
      suppressions.push({ source, names, scope: 'file', firstLine: 0, lastLine: Infinity, range, reason: reason ?? '' });
      return;
    }
    while (nextInstruction < instructions.length && instructions[nextInstruction].range.start.line <= lineNumber) {
      nextInstruction++;
    }
    const target: InstructionInfo | undefined = instructions[nextInstruction];
    if (!target) return;
    suppressions.push({
      source,
      names,
      scope: 'instruction',
      firstLine: target.range.start.line,
      lastLine: target.range.end.line,
      range,
      reason: reason?.trim() ?? '',
    });
  });
  return suppressions;
}

function findCheckSkip(model: DockerfileModel): Suppression[] {
  return model.directives
    .filter((directive) => directive.name.toLowerCase() === 'check')
    .flatMap((directive) => {
      const skip = directive.value
        .split(';')
        .map((part) => part.trim())
        .find((part) => part.toLowerCase().startsWith('skip='));
      if (!skip) return [];
      const names = splitNames(skip.slice('skip='.length));
      return [{
        source: 'buildkit' as const,
        names,
        scope: 'file' as const,
        firstLine: 0,
        lastLine: Infinity,
        range: directive.range,
        reason: '',
      }];
    });
}

function splitNames(list: string): string[] {
  return list
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

/** Whether a suppression names this rule, through the names its source knows it by. */
export function suppressionCovers(suppression: Suppression, rule: Rule): boolean {
  const known = namesFor(rule, suppression.source);
  return suppression.names.some((name) => {
    const lower = name.toLowerCase();
    return (suppression.source === 'buildkit' && lower === 'all') || known.has(lower);
  });
}

function namesFor(rule: Rule, source: SuppressionSource): Set<string> {
  switch (source) {
    case 'layerwise':
      return new Set([rule.id, rule.code.toLowerCase()]);
    case 'hadolint':
      // hadolint comments may also name our own codes, which teams adopt while migrating.
      return new Set([rule.aliases.hadolint?.toLowerCase(), rule.code.toLowerCase()].filter(isString));
    case 'buildkit':
      return new Set([rule.aliases.buildkit?.toLowerCase()].filter(isString));
  }
}

function isString(value: string | undefined): value is string {
  return typeof value === 'string';
}
