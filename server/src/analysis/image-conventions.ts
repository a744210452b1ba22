// What image names tell us without measuring anything: the naming conventions of the big publishers.
// Kept as data so adding a family is one entry, not another branch.
import type { PackageManager } from './model-types';

export interface ConventionFacts {
  distro: string | null;
  packageManager: PackageManager | null;
  hasShell: boolean | null;
  defaultUser: string | null;
  nonRootUser: string | null;
  isDistroless: boolean;
  dropsPrivilegesInEntrypoint?: boolean;
  startsAsRootByDesign?: boolean;
  unprivilegedVariant?: string;
}

/** The parts of a reference a convention looks at; `tag` is `latest` when none was written. */
export interface ConventionSubject {
  registry: string | null;
  repository: string;
  tag: string;
}

export interface ImageConvention {
  /** Why the facts hold, for readers of this table. */
  about: string;
  /** Docker Hub official images (`node`, `library/node`, `docker.io/node`). */
  official?: boolean;
  registry?: RegExp;
  repository?: RegExp;
  /** Matched against the last path segment of the repository (`quay.io/centos/centos` → `centos`). */
  name?: RegExp;
  tag?: RegExp;
  facts: Partial<ConventionFacts>;
}

/**
 * Applied in order; a later matching entry overrides the fields it sets. Broad families come first,
 * tag variants (alpine, minimal) next, and the flavours that remove the shell (distroless, chiseled) last.
 */
export const IMAGE_CONVENTIONS: readonly ImageConvention[] = [
  {
    about: 'Docker Hub official images are Debian-based and run as root unless a variant says otherwise',
    official: true,
    facts: { packageManager: 'apt', hasShell: true, defaultUser: 'root' },
  },
  { about: 'Debian and Ubuntu', name: /^(debian|ubuntu|buildpack-deps)$/, facts: { packageManager: 'apt', hasShell: true } },
  { about: 'official node images create the user node (uid 1000)', official: true, repository: /^node$/, facts: { nonRootUser: 'node' } },
  {
    about:
      'official database and broker images: docker-entrypoint.sh starts as root, chowns the data directory and re-runs itself as the service user (gosu, su-exec or setpriv) when it starts the server',
    official: true,
    repository: /^(redis|mongo|postgres|mysql|mariadb|rabbitmq)$/,
    facts: { dropsPrivilegesInEntrypoint: true },
  },
  // The service user each of them steps down to (a USER to switch to when the Dockerfile replaces the ENTRYPOINT).
  { about: 'official redis creates the user redis', official: true, repository: /^redis$/, facts: { nonRootUser: 'redis' } },
  { about: 'official postgres creates the user postgres', official: true, repository: /^postgres$/, facts: { nonRootUser: 'postgres' } },
  { about: 'official mongo creates the user mongodb', official: true, repository: /^mongo$/, facts: { nonRootUser: 'mongodb' } },
  { about: 'official mysql creates the user mysql', official: true, repository: /^mysql$/, facts: { nonRootUser: 'mysql' } },
  { about: 'official mariadb creates the user mysql', official: true, repository: /^mariadb$/, facts: { nonRootUser: 'mysql' } },
  { about: 'official rabbitmq creates the user rabbitmq', official: true, repository: /^rabbitmq$/, facts: { nonRootUser: 'rabbitmq' } },
  { about: 'official memcached images end with USER memcache', official: true, repository: /^memcached$/, facts: { defaultUser: 'memcache', nonRootUser: 'memcache' } },
  {
    about: 'official nginx: the master process starts as root to bind port 80, the workers run as nginx; nginxinc/nginx-unprivileged is the same image without root',
    official: true,
    repository: /^nginx$/,
    facts: { startsAsRootByDesign: true, unprivilegedVariant: 'nginxinc/nginx-unprivileged' },
  },
  {
    about: 'official httpd: the Apache parent process starts as root to bind port 80, the children run as www-data or daemon',
    official: true,
    repository: /^httpd$/,
    facts: { startsAsRootByDesign: true },
  },
  { about: 'php:*-apache runs Apache like httpd', official: true, repository: /^php$/, tag: /(^|-)apache(-|$)/, facts: { startsAsRootByDesign: true } },
  {
    about: 'nginxinc/nginx-unprivileged (Alpine or Debian) ends with USER 101, the user nginx',
    registry: /^$/,
    repository: /^nginxinc\/nginx-unprivileged$/,
    facts: { packageManager: 'apt', hasShell: true, defaultUser: '101', nonRootUser: 'nginx' },
  },
  { about: 'BusyBox has a shell and no package manager', official: true, repository: /^busybox$/, facts: { packageManager: 'none', distro: 'busybox' } },
  { about: 'Alpine', name: /^alpine$/, facts: { packageManager: 'apk', hasShell: true, distro: 'alpine' } },
  { about: 'RHEL-like distributions', name: /^(fedora|rockylinux|almalinux|oraclelinux|amazonlinux)$/, facts: { packageManager: 'dnf', hasShell: true } },
  { about: 'CentOS 7 and older use yum', name: /^centos$/, facts: { packageManager: 'yum', hasShell: true } },
  { about: 'CentOS Stream uses dnf', name: /^centos$/, tag: /stream/, facts: { packageManager: 'dnf' } },
  { about: 'Amazon Linux 2 uses yum', name: /^amazonlinux$/, tag: /^2(\.|-|$)/, facts: { packageManager: 'yum' } },
  { about: 'Oracle Linux 7 uses yum', name: /^oraclelinux$/, tag: /^7(\.|-|$)/, facts: { packageManager: 'yum' } },
  { about: 'Amazon Corretto images are Amazon Linux 2 based', official: true, repository: /^amazoncorretto$/, facts: { packageManager: 'yum' } },
  { about: 'Amazon Corretto on Amazon Linux 2023', official: true, repository: /^amazoncorretto$/, tag: /al2023/, facts: { packageManager: 'dnf' } },
  { about: 'Red Hat UBI', name: /^ubi\d*$/, facts: { packageManager: 'dnf', hasShell: true, defaultUser: 'root' } },
  { about: 'Red Hat UBI minimal', name: /^ubi\d*-minimal$/, facts: { packageManager: 'microdnf', hasShell: true, defaultUser: 'root' } },
  { about: 'Red Hat UBI micro has no package manager', name: /^ubi\d*-micro$/, facts: { packageManager: 'none', defaultUser: 'root' } },
  { about: 'openSUSE and SUSE BCI', repository: /^(opensuse|bci)\//, facts: { packageManager: 'zypper', hasShell: true } },
  { about: 'SUSE registry', registry: /^registry\.suse\.com$/, facts: { packageManager: 'zypper', hasShell: true } },
  {
    about: '.NET images (Debian by default); .NET 8 and later define the user app',
    registry: /^mcr\.microsoft\.com$/,
    repository: /^dotnet\//,
    facts: { packageManager: 'apt', hasShell: true, defaultUser: 'root' },
  },
  { about: '.NET 8+ app user', registry: /^mcr\.microsoft\.com$/, repository: /^dotnet\//, tag: /^(latest|([89]|\d{2,})\.\d)/, facts: { nonRootUser: 'app' } },
  { about: 'Azure Linux / CBL-Mariner use tdnf', tag: /(azurelinux|cbl-mariner)/, facts: { packageManager: null, distro: 'azurelinux' } },

  // Tag variants.
  { about: 'alpine-based variants', tag: /(^|-)alpine/, facts: { packageManager: 'apk', hasShell: true, distro: 'alpine' } },
  { about: 'RHEL-like minimal variants', name: /^(rockylinux|almalinux|centos)$/, tag: /minimal/, facts: { packageManager: 'microdnf' } },
  { about: 'Oracle Linux based variants', tag: /(^|-)oracle(linux\d*)?(-|$)/, facts: { packageManager: 'microdnf' } },
  { about: 'Oracle Linux slim', name: /^oraclelinux$/, tag: /slim/, facts: { packageManager: 'microdnf' } },
  { about: 'UBI based variants', tag: /(^|-)ubi\d*(-|$)/, facts: { packageManager: 'dnf' } },
  { about: 'UBI minimal variants', tag: /(^|-)ubi\d*-minimal/, facts: { packageManager: 'microdnf' } },
  { about: 'Windows images', tag: /(nanoserver|windowsservercore|ltsc20\d\d)/, facts: { packageManager: null, hasShell: null, distro: 'windows' } },

  // Flavours without a shell.
  {
    about: 'distroless: no shell (except :debug), no package manager, root unless :nonroot; the user nonroot (65532) always exists',
    registry: /^gcr\.io$/,
    repository: /^distroless\//,
    facts: { packageManager: 'none', hasShell: false, defaultUser: 'root', nonRootUser: 'nonroot', isDistroless: true, distro: null },
  },
  { about: 'distroless :debug ships a busybox shell', registry: /^gcr\.io$/, repository: /^distroless\//, tag: /debug/, facts: { hasShell: true } },
  { about: 'distroless :nonroot', registry: /^gcr\.io$/, repository: /^distroless\//, tag: /nonroot/, facts: { defaultUser: 'nonroot' } },
  {
    about: 'Chainguard images run as nonroot with no shell; -dev variants add a shell and apk',
    registry: /^cgr\.dev$/,
    repository: /^chainguard\//,
    facts: { packageManager: 'none', hasShell: false, defaultUser: 'nonroot', nonRootUser: 'nonroot', isDistroless: true, distro: 'wolfi' },
  },
  {
    about: 'Chainguard -dev variants',
    registry: /^cgr\.dev$/,
    repository: /^chainguard\//,
    tag: /(^|-)dev$/,
    facts: { packageManager: 'apk', hasShell: true, isDistroless: false },
  },
  {
    about: 'wolfi-base is the Chainguard image with a shell and apk',
    registry: /^cgr\.dev$/,
    repository: /^chainguard\/wolfi-base$/,
    facts: { packageManager: 'apk', hasShell: true, defaultUser: null, isDistroless: false },
  },
  {
    about: '.NET chiseled images: no shell, no package manager, run as app',
    registry: /^mcr\.microsoft\.com$/,
    repository: /^dotnet\//,
    tag: /chiseled/,
    facts: { packageManager: 'none', hasShell: false, defaultUser: 'app', nonRootUser: 'app', isDistroless: true },
  },
];

/**
 * Release code names that appear in tags (`node:20-bookworm-slim`) and the distribution they mean.
 * Maps, not objects: the keys come from Dockerfiles, where a tag word may be `constructor`.
 */
export const DISTRO_CODENAMES: ReadonlyMap<string, string> = new Map([
  ['stretch', 'debian9'],
  ['buster', 'debian10'],
  ['bullseye', 'debian11'],
  ['bookworm', 'debian12'],
  ['trixie', 'debian13'],
  ['focal', 'ubuntu20'],
  ['jammy', 'ubuntu22'],
  ['noble', 'ubuntu24'],
]);

/**
 * Tags that are the same image as a table entry, per the table's own sources
 * (repo-info alpine remote/latest.md and local/3.24.2.md show one image id).
 */
export const TAG_ALIASES: ReadonlyMap<string, string> = new Map([
  ['alpine:latest', 'alpine:3.24'],
  ['debian:12-slim', 'debian:bookworm-slim'],
  ['debian:12', 'debian:bookworm'],
  ['debian:13-slim', 'debian:trixie-slim'],
  ['debian:13', 'debian:trixie'],
  ['ubuntu:noble', 'ubuntu:24.04'],
  ['ubuntu:jammy', 'ubuntu:22.04'],
]);

export function matchesConvention(convention: ImageConvention, subject: ConventionSubject): boolean {
  const isOfficial = subject.registry === null && !subject.repository.includes('/');
  if (convention.official !== undefined && convention.official !== isOfficial) return false;
  if (convention.registry && !convention.registry.test(subject.registry ?? '')) return false;
  if (convention.repository && !convention.repository.test(subject.repository)) return false;
  if (convention.name && !convention.name.test(lastSegment(subject.repository))) return false;
  if (convention.tag && !convention.tag.test(subject.tag)) return false;
  return true;
}

function lastSegment(repository: string): string {
  return repository.slice(repository.lastIndexOf('/') + 1);
}

/**
 * Whether a reference is an official image, another Docker Hub one or one from another registry
 * decides most conventions (`official`, and `registry` tested against no registry at all): those
 * checks are made once per kind, here, so a lookup tests only the patterns left.
 */
type ReferenceKind = 'official' | 'docker-hub' | 'registry';

interface Candidate {
  convention: ImageConvention;
  /** The registry pattern, still to test (a registry reference only). */
  registry: RegExp | undefined;
}

function candidatesOfKind(kind: ReferenceKind): Candidate[] {
  const candidates: Candidate[] = [];
  for (const convention of IMAGE_CONVENTIONS) {
    if (convention.official !== undefined && convention.official !== (kind === 'official')) continue;
    if (kind !== 'registry' && convention.registry && !convention.registry.test('')) continue;
    candidates.push({ convention, registry: kind === 'registry' ? convention.registry : undefined });
  }
  return candidates;
}

const CANDIDATES: Readonly<Record<ReferenceKind, readonly Candidate[]>> = {
  official: candidatesOfKind('official'),
  'docker-hub': candidatesOfKind('docker-hub'),
  registry: candidatesOfKind('registry'),
};

/**
 * The candidates whose registry, repository and name patterns accept the reference, by registry and
 * repository: a pure function of the (static) table, and a file names few images, so
 * each is worked out once. Bounded: an editor session may see many names.
 */
const byRepository = new Map<string, readonly Candidate[]>();
const MAX_REPOSITORIES = 500;

function candidatesForRepository(kind: ReferenceKind, subject: ConventionSubject): readonly Candidate[] {
  // The registry's length makes the key unambiguous whatever the names hold (the kind follows from them).
  const key = `${subject.registry === null ? '-' : `${subject.registry.length}:${subject.registry}`}/${subject.repository}`;
  let candidates = byRepository.get(key);
  if (candidates === undefined) {
    const name = lastSegment(subject.repository);
    candidates = CANDIDATES[kind].filter(({ convention, registry }) =>
      (!registry || registry.test(subject.registry ?? ''))
      && (!convention.repository || convention.repository.test(subject.repository))
      && (!convention.name || convention.name.test(name)));
    if (byRepository.size >= MAX_REPOSITORIES) byRepository.clear();
    byRepository.set(key, candidates);
  }
  return candidates;
}

/** The conventions that apply to the reference, in table order: what matchesConvention accepts. */
export function conventionsFor(subject: ConventionSubject): ImageConvention[] {
  const kind: ReferenceKind = subject.registry !== null ? 'registry' : subject.repository.includes('/') ? 'docker-hub' : 'official';
  const matching: ImageConvention[] = [];
  for (const { convention } of candidatesForRepository(kind, subject)) {
    if (!convention.tag || convention.tag.test(subject.tag)) matching.push(convention);
  }
  return matching;
}
