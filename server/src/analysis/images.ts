// Image references (registry / repository / tag / digest) and what is known about them: the measured
// base-image table first, naming conventions for everything the table does not measure.
import type { ImageFacts, ImageRef } from './model-types';
import type { Range } from './rule';
import { BASE_IMAGE_TABLE, type BaseImageEntry, type BaseImageTable } from './size/base-image-table';
import { conventionsFor, DISTRO_CODENAMES, TAG_ALIASES, type ConventionSubject } from './image-conventions';

const DOCKER_HUB_HOSTS = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

/**
 * Parses an image reference the way Docker does: `[registry/]repository[:tag][@digest]`. The first
 * path component is a registry only when it looks like a host (has a dot or a port, or is localhost).
 * `raw` is the text as written when `text` is its ARG-substituted form.
 */
export function parseImageRef(text: string, range: Range, raw: string = text): ImageRef {
  const resolved = text.trim();
  const at = resolved.indexOf('@');
  const nameAndTag = at >= 0 ? resolved.slice(0, at) : resolved;
  const digest = at >= 0 ? resolved.slice(at + 1) || null : null;

  const lastColon = nameAndTag.lastIndexOf(':');
  const hasTag = lastColon > nameAndTag.lastIndexOf('/');
  const name = hasTag ? nameAndTag.slice(0, lastColon) : nameAndTag;
  const tag = hasTag ? nameAndTag.slice(lastColon + 1) || null : null;

  const { registry, repository } = splitRegistry(name);
  return {
    raw,
    resolved,
    registry,
    repository,
    tag,
    digest,
    isScratch: resolved.toLowerCase() === 'scratch',
    hasUnresolvedVariables: resolved.includes('$'),
    range,
  };
}

function splitRegistry(name: string): { registry: string | null; repository: string } {
  const slash = name.indexOf('/');
  const first = slash >= 0 ? name.slice(0, slash) : '';
  const isHost = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const registry = isHost ? first : null;
  let repository = isHost ? name.slice(slash + 1) : name;
  if (registry !== null && !DOCKER_HUB_HOSTS.has(registry.toLowerCase())) return { registry, repository };
  if (repository.startsWith('library/')) repository = repository.slice('library/'.length);
  return { registry: null, repository };
}

/** The reference as Docker would normalise it for lookups: lower-case, Docker Hub implicit, `latest` by default. */
export function canonicalImageName(ref: Pick<ImageRef, 'registry' | 'repository' | 'tag'>): string {
  const prefix = ref.registry === null ? '' : `${ref.registry}/`;
  return `${prefix}${ref.repository}:${ref.tag ?? 'latest'}`.toLowerCase();
}

export function unknownFacts(): ImageFacts {
  return {
    key: null,
    distro: null,
    packageManager: null,
    hasShell: null,
    defaultUser: null,
    nonRootUser: null,
    isDistroless: false,
    isScratch: false,
    uncompressedBytes: null,
    compressedBytes: null,
    source: null,
  };
}

/** Facts about an image: sizes only from the table (never invented), the rest also from naming conventions. */
export function imageFacts(ref: ImageRef, table: BaseImageTable = BASE_IMAGE_TABLE): ImageFacts {
  if (ref.hasUnresolvedVariables || ref.repository === '') return unknownFacts();
  if (ref.isScratch) return scratchFacts(table);
  if (table !== BASE_IMAGE_TABLE) return readFacts(ref, table);
  // Every stage of every analysis asks, about the same few images: the bundled table's answers are
  // kept, and each caller gets its own copy.
  const key = factsKey(ref);
  let facts = bundledFacts.get(key);
  if (facts === undefined) {
    facts = Object.freeze(readFacts(ref, table));
    if (bundledFacts.size >= MAX_REMEMBERED_IMAGES) bundledFacts.clear();
    bundledFacts.set(key, facts);
  }
  return { ...facts };
}

/** imageFacts of the bundled table by registry, repository, tag and whether a digest is given; bounded. */
const bundledFacts = new Map<string, Readonly<ImageFacts>>();
const MAX_REMEMBERED_IMAGES = 500;

/** What the facts depend on, unambiguously: the registry and tag carry their length, the repository comes last. */
function factsKey(ref: ImageRef): string {
  const registry = ref.registry === null ? '-' : `${ref.registry.length}:${ref.registry}`;
  const tag = ref.tag === null ? '-' : `${ref.tag.length}:${ref.tag}`;
  return `${registry} ${tag} ${ref.digest === null ? '-' : '@'} ${ref.repository}`;
}

function readFacts(ref: ImageRef, table: BaseImageTable): ImageFacts {
  const subject: ConventionSubject = {
    registry: ref.registry?.toLowerCase() ?? null,
    repository: ref.repository.toLowerCase(),
    tag: ref.tag ?? 'latest',
  };
  const facts = unknownFacts();
  // Later conventions override earlier ones field by field.
  for (const convention of conventionsFor(subject)) Object.assign(facts, convention.facts);

  const key = findTableKey(ref, table);
  if (key !== null) applyTableEntry(facts, key, table.images[key]);

  const codenameDistro = distroFromTag(subject.tag);
  if (codenameDistro !== null) facts.distro = codenameDistro;
  return facts;
}

function scratchFacts(table: BaseImageTable): ImageFacts {
  const facts: ImageFacts = {
    ...unknownFacts(),
    distro: 'none',
    packageManager: 'none',
    hasShell: false,
    defaultUser: 'root',
    isScratch: true,
  };
  const entry = table.images.scratch;
  if (entry) applyTableEntry(facts, 'scratch', entry);
  return facts;
}

function applyTableEntry(facts: ImageFacts, key: string, entry: BaseImageEntry): void {
  facts.key = key;
  facts.distro = entry.distro ?? facts.distro;
  facts.packageManager = entry.packageManager;
  facts.hasShell = entry.hasShell;
  facts.defaultUser = entry.user ?? facts.defaultUser;
  facts.uncompressedBytes = entry.uncompressedBytes;
  facts.compressedBytes = entry.compressedBytes;
  facts.source = entry.source;
}

/** The distribution a release code name among the tag's `-`, `_` or `.` separated words names. */
function distroFromTag(tag: string): string | null {
  const lower = tag.toLowerCase();
  let start = 0;
  for (let end = 0; end <= lower.length; end++) {
    if (end < lower.length && !TAG_SEPARATORS.has(lower[end])) continue;
    const distro = DISTRO_CODENAMES.get(lower.slice(start, end));
    if (distro) return distro;
    start = end + 1;
  }
  return null;
}

const TAG_SEPARATORS = new Set(['-', '_', '.']);

interface TableIndex {
  /** Canonical name → table key, the tag aliases' names included (resolved to their entry). */
  keys: Map<string, string>;
  /**
   * The canonical names' `registry/repository:` parts, the table's and the tag aliases': a reference
   * to any other repository has no entry, whatever its tag.
   */
  repositories: Set<string>;
}

/** Built once per table. */
const tableIndexes = new WeakMap<BaseImageTable, TableIndex>();

function tableIndex(table: BaseImageTable): TableIndex {
  let index = tableIndexes.get(table);
  if (!index) {
    const keys = new Map<string, string>();
    const repositories = new Set<string>();
    for (const key of Object.keys(table.images)) {
      const name = canonicalImageName(parseImageRef(key, ZERO_RANGE));
      keys.set(name, key);
      repositories.add(repositoryPart(name));
    }
    // An alias names its target's entry, or its own when the table has no target.
    const aliases = new Map<string, string>();
    for (const [alias, target] of TAG_ALIASES) {
      const key = keys.get(target) ?? keys.get(alias);
      if (key !== undefined) aliases.set(alias, key);
      repositories.add(repositoryPart(alias));
    }
    for (const [alias, key] of aliases) keys.set(alias, key);
    index = { keys, repositories };
    tableIndexes.set(table, index);
  }
  return index;
}

/** `node:20-slim` → `node:` (a canonical name always ends with its tag, which has no colon). */
function repositoryPart(canonicalName: string): string {
  return canonicalName.slice(0, canonicalName.lastIndexOf(':') + 1);
}

const ZERO_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * The table entry of the image's family: the exact tag first, then the tag with its version shortened
 * and release code names dropped (`20.11.1-bookworm-slim` → `20-slim`). A digest without a tag names
 * no family we can know.
 */
export function findTableKey(ref: ImageRef, table: BaseImageTable = BASE_IMAGE_TABLE): string | null {
  if (ref.tag === null && ref.digest !== null) return null;
  const index = tableIndex(table);
  const tag = ref.tag ?? 'latest';
  // canonicalImageName of each candidate, its `registry/repository:` part lower-cased once.
  const prefix = `${ref.registry === null ? '' : `${ref.registry}/`}${ref.repository}:`.toLowerCase();
  if (!tag.includes(':') && !index.repositories.has(prefix)) return null;
  // The tag as written is the first candidate, and usually the one found.
  const exact = index.keys.get(prefix + tag.toLowerCase());
  if (exact !== undefined) return exact;
  for (const candidate of familyTags(tag).slice(1)) {
    const key = index.keys.get(prefix + candidate);
    if (key !== undefined) return key;
  }
  return null;
}

/** Candidate tags, most specific first. */
export function familyTags(tag: string): string[] {
  const lower = tag.toLowerCase();
  const rest = lower.split('-');
  const first = rest.shift() as string;
  const versions = /^\d/.test(first) ? shortenedVersions(first) : [first];
  const withoutCodenames: string[] = [];
  for (const token of rest) {
    if (DISTRO_CODENAMES.has(token)) continue;
    withoutCodenames.push(token.startsWith('alpine') ? token.replace(/^alpine[\d.]+$/, 'alpine') : token);
  }
  const suffixes = [rest.join('-'), withoutCodenames.join('-')];
  // A handful of candidates: a list's includes is cheaper than a Set.
  const candidates = [lower];
  for (const suffix of suffixes) {
    for (const version of versions) {
      const candidate = suffix === '' ? version : `${version}-${suffix}`;
      if (!candidates.includes(candidate)) candidates.push(candidate);
    }
  }
  return candidates;
}

/** `20.11.1` → 20.11.1, 20.11, 20; `21.0.4_7` → 21.0.4_7, 21.0.4, 21.0, 21. */
function shortenedVersions(version: string): string[] {
  const parts = version.split(/[._]/);
  const separators = version.match(/[._]/g) ?? [];
  const versions: string[] = [];
  for (let count = parts.length; count >= 1; count--) {
    let candidate = parts[0];
    for (let i = 1; i < count; i++) candidate += separators[i - 1] + parts[i];
    versions.push(candidate);
  }
  return versions;
}
