// What a FROM line becomes when the build passes no --build-arg: each global ARG takes its default (none
// means unset), the platform ARGs a typical value. Used to find FROMs that only work with a --build-arg.
import type { DockerfileModel, Stage } from '../../model-types';
import { offsetAt } from '../../text-edits';
import { expandVariables, parseArgDeclarations } from '../../variables';
import { textAt } from './run-edits';
import { PLATFORM_ARGS, variableUses } from './stages-variables';
import { remembered } from '../../remembered';

const PLATFORM_SAMPLES: Readonly<Record<string, string>> = {
  TARGETPLATFORM: 'linux/amd64', BUILDPLATFORM: 'linux/amd64', TARGETOS: 'linux', BUILDOS: 'linux',
  TARGETARCH: 'amd64', BUILDARCH: 'amd64', TARGETVARIANT: '', BUILDVARIANT: '',
};

const defaultsByModel = new WeakMap<DockerfileModel, ReadonlyMap<string, string | null>>();

/** Global ARG name → its default with earlier defaults substituted; null when declared without one (read once per analysis). */
export function globalArgDefaults(model: DockerfileModel): ReadonlyMap<string, string | null> {
  return remembered(defaultsByModel, model, readGlobalArgDefaults);
}

function readGlobalArgDefaults(model: DockerfileModel): Map<string, string | null> {
  const values = new Map<string, string | null>(Object.entries(PLATFORM_SAMPLES));
  for (const instruction of model.globalInstructions) {
    if (instruction.keyword !== 'ARG' || instruction.onbuild) continue;
    const text = textAt(model, { start: instruction.keywordRange.end, end: instruction.range.end });
    for (const declaration of parseArgDeclarations(text, model.escapeCharacter)) {
      if (declaration.defaultValue === null) {
        if (!values.has(declaration.name) || PLATFORM_ARGS.has(declaration.name)) values.set(declaration.name, Object.hasOwn(PLATFORM_SAMPLES, declaration.name) ? PLATFORM_SAMPLES[declaration.name] : null);
        continue;
      }
      const expanded = expandVariables(declaration.defaultValue, values, model.escapeCharacter);
      values.set(declaration.name, expanded.unresolved ? null : expanded.value);
    }
  }
  return values;
}

export interface DefaultExpansion {
  image: string;
  /** ARGs used without a default (so unset unless passed). */
  unsetArgs: string[];
}

/**
 * The stage's image with the defaults; null when that cannot be known for sure (an undeclared variable, a
 * nested or unusual expansion): then nothing is reported.
 */
export function imageWithDefaults(model: DockerfileModel, stage: Stage): DefaultExpansion | null {
  const range = stage.base.range;
  const uses = variableUses(model, range);
  // Most FROM lines use no variable: the defaults are worked out only for those that do.
  if (uses.length === 0) return null;
  const defaults = globalArgDefaults(model);
  let image = '';
  let cursor = offsetAt(model.text, model.lineStarts, range.start);
  const unsetArgs: string[] = [];
  for (const use of uses) {
    if (!defaults.has(use.name)) return null;
    const value = defaults.get(use.name) ?? null;
    if (value === null && !unsetArgs.includes(use.name)) unsetArgs.push(use.name);
    const start = offsetAt(model.text, model.lineStarts, use.range.start);
    const end = offsetAt(model.text, model.lineStarts, use.range.end);
    const expanded = expandUse(textAt(model, use.range), use.name, use.modifier, value);
    if (expanded === null) return null;
    image += model.text.slice(cursor, start) + expanded;
    cursor = end;
  }
  image += model.text.slice(cursor, offsetAt(model.text, model.lineStarts, range.end));
  return { image: image.trim(), unsetArgs };
}

function expandUse(source: string, name: string, modifier: string | null, value: string | null): string | null {
  if (modifier === null) return value ?? '';
  const word = source.slice(source.indexOf(name) + name.length + modifier.length, -1);
  if (word.includes('$')) return null;
  switch (modifier) {
    case ':-':
      return value === null || value === '' ? word : value;
    case '-':
      return value === null ? word : value;
    case ':+':
      return value === null || value === '' ? '' : word;
    case '+':
      return value === null ? '' : word;
    default:
      return null;
  }
}

const DOMAIN = '(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)(?:\\.(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?))*(?::[0-9]+)?';
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const REFERENCE = new RegExp(
  `^(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$`,
);

/** Docker's reference grammar (`[domain/]path[:tag][@digest]`). */
export function isValidImageReference(reference: string): boolean {
  return reference.length <= 255 && REFERENCE.test(reference);
}
