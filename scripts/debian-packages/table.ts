// The pure part of the Debian package table generator: parse apt-cache records, choose the packages
// to keep, resolve their dependencies and encode the result compactly.

export interface PackageRecord {
  name: string;
  installedKiB: number;
  priority: string;
  essential: boolean;
  /** Depends + Pre-Depends, each a list of alternatives (names only, versions dropped). */
  depends: string[][];
  provides: string[];
}

/** `apt-cache dumpavail` output → records by name (the first record of a name wins: apt prints the candidate). */
export function parseRecords(dump: string): Map<string, PackageRecord> {
  const records = new Map<string, PackageRecord>();
  for (const paragraph of dump.split(/\n\s*\n/)) {
    const fields = parseFields(paragraph);
    const name = fields.get('package');
    if (!name || records.has(name)) continue;
    records.set(name, {
      name,
      installedKiB: Number.parseInt(fields.get('installed-size') ?? '0', 10) || 0,
      priority: fields.get('priority') ?? 'optional',
      essential: fields.get('essential') === 'yes',
      depends: [...relations(fields.get('pre-depends')), ...relations(fields.get('depends'))],
      provides: relations(fields.get('provides')).flat(),
    });
  }
  return records;
}

function parseFields(paragraph: string): Map<string, string> {
  const fields = new Map<string, string>();
  let current: string | null = null;
  for (const line of paragraph.split('\n')) {
    if (/^\s/.test(line)) {
      if (current !== null) fields.set(current, `${fields.get(current)} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    current = line.slice(0, colon).toLowerCase();
    fields.set(current, line.slice(colon + 1).trim());
  }
  return fields;
}

/** `libc6 (>= 2.34), libssl3 | libssl3t64, foo:any` → [[libc6], [libssl3, libssl3t64], [foo]]. */
export function relations(value: string | undefined): string[][] {
  if (!value) return [];
  return value.split(',').map((group) =>
    group
      .split('|')
      .map((alternative) => alternative.trim().split(/[\s(]/)[0].replace(/:any$/, ''))
      .filter((name) => name !== ''),
  );
}

/** Alternatives Debian's own minimal images are built with (debootstrap installs usr-is-merged, not usrmerge). */
const PREFERRED_ALTERNATIVES = new Set(['usr-is-merged']);

const KEPT_PRIORITIES = new Set(['required', 'important', 'standard']);

export interface ResolvedPackage {
  name: string;
  installedKiB: number;
  priority: string;
  /** Names of the packages this one needs, each dependency resolved to one concrete package. */
  needs: string[];
}

/**
 * The kept packages: priorities required/important/standard, the common names, and their closure.
 * A dependency resolves to its first alternative that is a real package, or to a provider of a
 * virtual one (preferring a provider that is already kept), the way apt would pick without hints.
 */
export function selectPackages(records: ReadonlyMap<string, PackageRecord>, common: readonly string[]): ResolvedPackage[] {
  const providers = new Map<string, string[]>();
  for (const record of records.values()) {
    for (const provided of record.provides) providers.set(provided, [...(providers.get(provided) ?? []), record.name]);
  }
  const seeds = [...records.values()].filter((record) => record.essential || KEPT_PRIORITIES.has(record.priority)).map((record) => record.name);
  const basePriority = new Set([...records.values()].filter((record) => record.essential || record.priority === 'required' || record.priority === 'important').map((record) => record.name));
  seeds.push(...common.filter((name) => records.has(name) || providers.has(name)));

  const kept = new Map<string, ResolvedPackage>();
  const queue = seeds.map((name) => resolveName(name, records, providers, kept)).filter((name): name is string => name !== null);
  while (queue.length > 0) {
    const name = queue.pop() as string;
    const record = records.get(name);
    if (!record || kept.has(name)) continue;
    const needs: string[] = [];
    kept.set(name, { name, installedKiB: record.installedKiB, priority: record.priority, needs });
    for (const alternatives of record.depends) {
      const resolved = alternatives.map((alternative) => resolveName(alternative, records, providers, kept)).filter((found): found is string => found !== null);
      // A minimal system already satisfies `usrmerge | usr-is-merged` with the second: prefer an
      // alternative of a base priority, then the first one, as apt does on such a system.
      const chosen = resolved.find((found) => basePriority.has(found) || PREFERRED_ALTERNATIVES.has(found)) ?? resolved[0];
      if (chosen && chosen !== name && !needs.includes(chosen)) {
        needs.push(chosen);
        queue.push(chosen);
      }
    }
  }
  return [...kept.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function resolveName(
  name: string,
  records: ReadonlyMap<string, PackageRecord>,
  providers: ReadonlyMap<string, string[]>,
  kept: ReadonlyMap<string, ResolvedPackage>,
): string | null {
  if (records.has(name)) return name;
  const candidates = providers.get(name) ?? [];
  return candidates.find((candidate) => kept.has(candidate)) ?? candidates[0] ?? null;
}

/** One suite, encoded as the data file stores it (see the `format` note in the file). */
export type SuiteTable = string;

const PRIORITY_LETTERS: Record<string, string> = { required: 'r', important: 'i', standard: 's' };

export function encodeSuite(packages: readonly ResolvedPackage[]): SuiteTable {
  const lineOf = new Map(packages.map((pkg, index) => [pkg.name, index]));
  return packages
    .map((pkg) => {
      const needs = pkg.needs.map((name) => lineOf.get(name)).filter((line): line is number => line !== undefined);
      return `${pkg.name} ${pkg.installedKiB} ${PRIORITY_LETTERS[pkg.priority] ?? '-'} ${needs.join(',')}`.trimEnd();
    })
    .join('\n');
}
