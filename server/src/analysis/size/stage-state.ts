// What the estimator knows about a stage while it walks its instructions: the packages the image
// holds, where things were written (for a later `COPY --from`), the working directory.
import type { ImageFacts, Stage } from '../model-types';
import type { Amount, Estimate } from './amount';
import { basePackages, type BaseFlavour, type DebianSuite } from './debian-packages';

/** Something a layer wrote at a path, so that `COPY --from=<stage> <path>` can find what it brings. */
export interface Contribution {
  /** Absolute path in the image (a file or a directory). */
  path: string;
  amount: Amount;
  /** Files by absolute path, when they are known one by one (COPY from the build context). */
  files?: ReadonlyArray<{ path: string; bytes: number }>;
  /** One word for notes: "node_modules", "the Go binary". */
  what: string;
  /** A single artifact: any path inside it brings about all of it. */
  whole?: boolean;
  /** normalizePath(path), kept the first time a deletion is checked against it (every later RUN's `rm` asks). */
  normalizedPath?: string;
}

export interface PackageBase {
  /** The Debian suite whose table prices apt installs; null when the image has no apt we can price. */
  suite: DebianSuite | null;
  /** The suite stands in for another distribution (Ubuntu): the range is wider. */
  proxy: boolean;
  /** Slim and Ubuntu images exclude /usr/share/{doc,man,locale} from installs. */
  docsExcluded: boolean;
  /** Official Debian-based images keep apt lists gzipped (≈ 20 MB); others up to ≈ 53 MB. */
  gzipsAptLists: boolean;
}

export interface StageState {
  stage: Stage;
  /** The stage's total so far (null: unknown). */
  total: Estimate;
  packageBase: PackageBase;
  /**
   * Debian package names installed so far (base included). Never changed in place: replaced by a new
   * set (markInstalled), so stages and snapshots share it freely; a Dockerfile with thousands of
   * stages copies nothing.
   */
  installed: PackageSet;
  /** Alpine packages added so far (names as written). Replaced, never changed in place: stages share it. */
  apkAdded: ReadonlySet<string>;
  contributions: Contribution[];
  workdir: string;
  /** Caches a tool fills once per stage (`go`): a second build adds to them only a little. */
  countedCaches: ReadonlySet<string>;
  /** `ENV HOME` or the user's home; caches such as ~/.npm go there. */
  home: string;
}

const SUITE_BY_DISTRO: Record<string, { suite: DebianSuite; proxy: boolean }> = {
  debian12: { suite: 'bookworm', proxy: false },
  debian13: { suite: 'trixie', proxy: false },
  debian11: { suite: 'bookworm', proxy: true },
  ubuntu22: { suite: 'bookworm', proxy: true },
  ubuntu24: { suite: 'trixie', proxy: true },
  ubuntu26: { suite: 'trixie', proxy: true },
};

/** Official images built on buildpack-deps (their full, non-slim tags). */
const BUILDPACK_IMAGES = /^(node|python|golang|ruby|rust|buildpack-deps|perl|gcc|haskell|erlang|elixir)$/;

export function packageBaseFor(facts: ImageFacts, tag: string): PackageBase {
  const distro = facts.distro ?? '';
  const known = SUITE_BY_DISTRO[distro];
  const isApt = facts.packageManager === 'apt';
  const slim = /slim/.test(tag);
  const ubuntu = distro.startsWith('ubuntu');
  // An image whose package manager is not known may still be Debian: price apt with bookworm, widely.
  const suite = known?.suite ?? (isApt || facts.packageManager === null ? 'bookworm' : null);
  return {
    suite,
    proxy: known ? known.proxy : true,
    docsExcluded: slim || ubuntu || facts.packageManager !== 'apt',
    gzipsAptLists: distro.startsWith('debian'),
  };
}

export function flavourFor(repository: string, tag: string): BaseFlavour {
  const name = repository.toLowerCase();
  if (name === 'debian' || name === 'ubuntu') return 'minbase';
  if (BUILDPACK_IMAGES.test(name) && !/slim|alpine/.test(tag)) return 'buildpack-deps';
  return 'slim-runtime';
}

/**
 * The Debian packages the image holds. For Alpine and RPM images (priced from Debian namesakes) a
 * Debian minimal system stands in for their own base: libc, coreutils and the like are there already.
 */
export function initialPackages(base: PackageBase, flavour: BaseFlavour): PackageSet {
  return new PackageSet(base.suite === null ? basePackages('bookworm', 'minbase') : basePackages(base.suite, flavour));
}

/**
 * An immutable set of package names: each change makes a new set on top of the old one (a chain of
 * small deltas), so stages and snapshots share the base image's packages without copying them.
 */
export class PackageSet {
  /**
   * A delta's names stay the array they came as until a lookup needs them: most deltas (the packages
   * of the stage's last apt install) are never asked about, so building a Set for each was waste.
   */
  private names: ReadonlySet<string> | readonly string[];

  constructor(
    names: ReadonlySet<string> | readonly string[],
    private readonly removed: boolean = false,
    private readonly parent: PackageSet | null = null,
  ) {
    this.names = names;
  }

  /** The set itself when this is a base image's set with nothing added or removed (a cache key). */
  get unchangedBase(): ReadonlySet<string> | null {
    return this.parent === null && !this.removed && !isArray(this.names) ? this.names : null;
  }

  has(name: string): boolean {
    if (this.lookup().has(name)) return !this.removed;
    return this.parent !== null && this.parent.has(name);
  }

  with(names: readonly string[]): PackageSet {
    return names.length === 0 ? this : new PackageSet(names, false, this);
  }

  without(names: readonly string[]): PackageSet {
    return names.length === 0 ? this : new PackageSet(names, true, this);
  }

  private lookup(): ReadonlySet<string> {
    if (isArray(this.names)) this.names = new Set(this.names);
    return this.names as ReadonlySet<string>;
  }
}

function isArray(names: ReadonlySet<string> | readonly string[]): names is readonly string[] {
  return Array.isArray(names);
}

export const NO_PACKAGES = new PackageSet(new Set());

/** No names yet (no apk package added, no cache counted): every stage starts from this one. */
export const NO_NAMES: ReadonlySet<string> = new Set();

export function markInstalled(state: StageState, names: readonly string[]): void {
  state.installed = state.installed.with(names);
}

export function markRemoved(state: StageState, names: readonly string[]): void {
  state.installed = state.installed.without(names);
}

/** `/app` + `dist` → `/app/dist`; `..` and `.` resolved; always absolute, no trailing slash. */
export function resolvePath(workdir: string, path: string): string {
  if (/^\/(?!.*(\/\.|\/\/|\/$))/.test(path)) return path;
  // The usual relative paths (`COPY . .`, `COPY app.jar .`) under a resolved working directory, without
  // splitting it again: what the loop below gives for them.
  if (isResolved(workdir)) {
    if (path === '.' || path === './') return workdir;
    if (path !== '' && path !== '..' && !path.includes('/')) return workdir === '/' ? `/${path}` : `${workdir}/${path}`;
  }
  const joined = path.startsWith('/') ? path : `${workdir}/${path}`;
  const parts: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** Absolute, and nothing the loop of resolvePath would change: no empty, `.` or `..` part, no trailing slash. */
function isResolved(path: string): boolean {
  return path === '/' || (path.startsWith('/') && !path.endsWith('/') && !path.includes('//') && !path.includes('/.'));
}
