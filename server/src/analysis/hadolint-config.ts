// `.hadolint.yaml` read as hadolint reads it (README "Configure"), mapped onto Layerwise options:
//   ignored: [DL3008]                 → that rule 'off'
//   override: {error|warning|info|style: [DL3015]}
//                                     → that severity; hadolint's four levels map in order onto ours,
//                                       so `style` (its lowest) becomes 'hint'
//   trustedRegistries: x | [x]        → RuleOptions.trustedRegistries
//   failure-threshold: error|warning|info|style|ignore|none, no-fail: true
//                                     → the CLI's failure threshold ('style' and 'ignore' → 'hint')
//   disable-ignore-pragma: true       → suppression comments are not honoured
// Codes are kept as written; the engine maps them onto rules through their aliases, and the user's
// own `layerwise.rules` win over them. Pure: YAML text in, data or problems out; never throws.
import { parseDocument } from 'yaml';
import type { RuleSetting } from './engine-types';
import type { Severity } from './rule';

export type FailureThreshold = Severity | 'none';

export interface HadolintConfig {
  /** hadolint code (as written) → setting; pass as AnalyzeOptions.importedRules. */
  rules: Record<string, RuleSetting>;
  trustedRegistries?: string[];
  failureThreshold?: FailureThreshold;
  /** false when the file sets `disable-ignore-pragma: true`. */
  allowSuppressions?: boolean;
}

export interface ConfigProblem {
  message: string;
  /** 1-based, when the problem has a place in the file. */
  line?: number;
}

/** ok: the config, with warnings about parts that were ignored; not ok: the file could not be used at all. */
export type HadolintConfigResult =
  | { ok: true; config: HadolintConfig; warnings: ConfigProblem[] }
  | { ok: false; problems: ConfigProblem[] };

/** A configuration file is small; anything bigger is not one. */
export const MAX_CONFIG_BYTES = 256 * 1024;

const OVERRIDE_LEVELS: ReadonlyArray<[string, Severity]> = [
  // Least severe first: a code listed under two levels keeps the more severe one.
  ['style', 'hint'],
  ['info', 'info'],
  ['warning', 'warning'],
  ['error', 'error'],
];

const THRESHOLDS: Readonly<Record<string, FailureThreshold>> = {
  error: 'error',
  warning: 'warning',
  info: 'info',
  style: 'hint',
  ignore: 'hint',
  none: 'none',
};

/** Keys hadolint knows that only shape its own output; accepted without a word. */
const OUTPUT_KEYS = new Set(['format', 'no-color', 'verbose']);
/** Keys hadolint knows whose checks Layerwise does not have. */
const UNSUPPORTED_KEYS = new Set(['label-schema', 'strict-labels', 'require-labels']);
const KNOWN_KEYS = new Set(['ignored', 'override', 'trustedRegistries', 'failure-threshold', 'no-fail', 'disable-ignore-pragma']);

export function parseHadolintConfig(text: string): HadolintConfigResult {
  try {
    return parse(text);
  } catch (error) {
    // The YAML library reports problems as data; this is only a last line of defence.
    return { ok: false, problems: [{ message: `cannot read the file: ${error instanceof Error ? error.message : String(error)}` }] };
  }
}

function parse(text: string): HadolintConfigResult {
  if (text.length > MAX_CONFIG_BYTES) return { ok: false, problems: [{ message: `the file is larger than ${MAX_CONFIG_BYTES / 1024} KB` }] };
  const document = parseDocument(text, { uniqueKeys: false });
  if (document.errors.length > 0) {
    return { ok: false, problems: document.errors.map((error) => ({ message: firstLine(error.message), line: error.linePos?.[0]?.line })) };
  }
  const root: unknown = document.toJS({ maxAliasCount: 100 });
  if (root === null || root === undefined) return { ok: true, config: { rules: {} }, warnings: [] };
  if (!isRecord(root)) return { ok: false, problems: [{ message: 'the file must be a mapping of keys (ignored, override, …)' }] };

  const warnings: ConfigProblem[] = [];
  const config: HadolintConfig = { rules: Object.create(null) as Record<string, RuleSetting> };
  readOverride(root.override, config, warnings);
  for (const code of stringList(root.ignored, 'ignored', warnings)) config.rules[code] = 'off';
  if ('trustedRegistries' in root) config.trustedRegistries = stringList(root.trustedRegistries, 'trustedRegistries', warnings);
  readThreshold(root, config, warnings);
  if ('disable-ignore-pragma' in root) {
    const value = readBoolean(root['disable-ignore-pragma'], 'disable-ignore-pragma', warnings);
    if (value !== undefined) config.allowSuppressions = !value;
  }
  for (const key of Object.keys(root)) {
    if (UNSUPPORTED_KEYS.has(key)) warnings.push({ message: `'${key}' is not supported by Layerwise and is ignored` });
    else if (!KNOWN_KEYS.has(key) && !OUTPUT_KEYS.has(key)) warnings.push({ message: `unknown key '${key}' is ignored` });
  }
  return { ok: true, config, warnings };
}


function readOverride(value: unknown, config: HadolintConfig, warnings: ConfigProblem[]): void {
  if (value === undefined || value === null) return;
  if (!isRecord(value)) {
    warnings.push({ message: "'override' must map error, warning, info or style to lists of rule codes" });
    return;
  }
  for (const key of Object.keys(value)) {
    if (!OVERRIDE_LEVELS.some(([level]) => level === key)) warnings.push({ message: `unknown severity '${key}' under 'override' is ignored` });
  }
  for (const [level, severity] of OVERRIDE_LEVELS) {
    for (const code of stringList(value[level], `override.${level}`, warnings)) config.rules[code] = severity;
  }
}

function readThreshold(root: Record<string, unknown>, config: HadolintConfig, warnings: ConfigProblem[]): void {
  const threshold = root['failure-threshold'];
  if (threshold !== undefined && threshold !== null) {
    const key = typeof threshold === 'string' ? threshold.trim().toLowerCase() : '';
    const mapped = Object.hasOwn(THRESHOLDS, key) ? THRESHOLDS[key] : undefined;
    if (mapped) config.failureThreshold = mapped;
    else warnings.push({ message: `'failure-threshold' must be one of ${Object.keys(THRESHOLDS).join(', ')}` });
  }
  // no-fail: hadolint never fails, whatever the threshold.
  if (readBoolean(root['no-fail'], 'no-fail', warnings) === true) config.failureThreshold = 'none';
}

function readBoolean(value: unknown, key: string, warnings: ConfigProblem[]): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  warnings.push({ message: `'${key}' must be true or false` });
  return undefined;
}

/** A list of strings, or one string; entries of another type are dropped with a warning. */
function stringList(value: unknown, key: string, warnings: ConfigProblem[]): string[] {
  if (value === undefined || value === null) return [];
  const entries = Array.isArray(value) ? value : [value];
  const strings = entries.filter((entry): entry is string => typeof entry === 'string' && entry.trim() !== '');
  if (strings.length !== entries.length) warnings.push({ message: `'${key}' must be a list of strings; other entries are ignored` });
  return strings.map((entry) => entry.trim());
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}
