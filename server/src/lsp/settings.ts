// The `layerwise.*` settings as the server sees them, validated from whatever the client sends.
// Settings come from the workspace (.vscode/settings.json), so every value is untrusted: a value of
// the wrong shape is dropped (the default applies) instead of failing the analysis.
import type { RuleSetting } from '../analysis/engine-types';
import type { SizeMeasure } from '../analysis/size/format';

export interface LayerwiseSettings {
  enable: boolean;
  /** Rule id, LW code or alias → severity or 'off'. */
  rules: Record<string, RuleSetting>;
  /** Build target; undefined means the last stage. */
  target: string | undefined;
  /**
   * measure: what the lens shows, `docker images` bytes (uncompressed) or what a pull transfers (compressed).
   * registryLookup: price base images the table does not know from their registry's manifest. The
   * setting is machine-scoped in package.json, so VS Code ignores it in workspace settings.
   */
  sizeLens: { enabled: boolean; measure: SizeMeasure; registryLookup: boolean };
  /** false: suppression comments are reported (LW501) instead of honoured. */
  allowSuppressions: boolean;
}

export const DEFAULT_SETTINGS: Readonly<LayerwiseSettings> = Object.freeze({
  enable: true,
  rules: Object.freeze({}) as Record<string, RuleSetting>,
  target: undefined,
  sizeLens: Object.freeze({ enabled: true, measure: 'uncompressed' as SizeMeasure, registryLookup: false }),
  allowSuppressions: true,
});

const RULE_SETTINGS: ReadonlySet<string> = new Set<RuleSetting>(['error', 'warning', 'info', 'hint', 'off']);
/** Generous bounds so a hostile settings file cannot make every analysis slow. */
const MAX_RULE_ENTRIES = 1000;
const MAX_NAME_LENGTH = 200;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRuleSetting(value: unknown): value is RuleSetting {
  return typeof value === 'string' && RULE_SETTINGS.has(value);
}

function parseRules(value: unknown): Record<string, RuleSetting> {
  if (!isRecord(value)) return {};
  // A null-prototype object: a key such as `__proto__` is kept as data, never as a prototype.
  const rules: Record<string, RuleSetting> = Object.create(null) as Record<string, RuleSetting>;
  let count = 0;
  for (const [name, setting] of Object.entries(value)) {
    if (count >= MAX_RULE_ENTRIES) break;
    const key = name.trim();
    if (key === '' || key.length > MAX_NAME_LENGTH) continue;
    const normalized = typeof setting === 'string' ? setting.trim().toLowerCase() : setting;
    if (!isRuleSetting(normalized)) continue;
    rules[key] = normalized;
    count++;
  }
  return rules;
}

function parseTarget(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const target = value.trim();
  return target === '' || target.length > MAX_NAME_LENGTH ? undefined : target;
}

function parseBoolean(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

/**
 * Reads the `layerwise` section. Accepts both the nested form the configuration request returns
 * (`{ sizeLens: { enabled } }`) and the flat dotted form a settings file may spell out.
 */
export function parseSettings(section: unknown): LayerwiseSettings {
  if (!isRecord(section)) return { ...DEFAULT_SETTINGS, rules: {}, sizeLens: { ...DEFAULT_SETTINGS.sizeLens } };
  const sizeLens = isRecord(section.sizeLens) ? section.sizeLens.enabled : section['sizeLens.enabled'];
  const measure = isRecord(section.sizeLens) ? section.sizeLens.measure : section['sizeLens.measure'];
  const registryLookup = isRecord(section.sizeLens) ? section.sizeLens.registryLookup : section['sizeLens.registryLookup'];
  return {
    enable: parseBoolean(section.enable, DEFAULT_SETTINGS.enable),
    rules: parseRules(section.rules),
    target: parseTarget(section.target),
    sizeLens: {
      enabled: parseBoolean(sizeLens, DEFAULT_SETTINGS.sizeLens.enabled),
      measure: measure === 'compressed' ? 'compressed' : 'uncompressed',
      registryLookup: parseBoolean(registryLookup, DEFAULT_SETTINGS.sizeLens.registryLookup),
    },
    allowSuppressions: parseBoolean(section.allowSuppressions, DEFAULT_SETTINGS.allowSuppressions),
  };
}
