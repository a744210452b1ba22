// Base images seen as build environments or as heavy runtimes: the SDK images whose output should be
// copied into a runtime image, and the lighter variant of the same runtime. Sizes come from the
// measured base-image table only (never invented).
import { DISTRO_CODENAMES } from '../../image-conventions';
import { findTableKey, parseImageRef } from '../../images';
import type { ImageRef } from '../../model-types';
import type { Range } from '../../rule';
import { BASE_IMAGE_TABLE } from '../../size/base-image-table';
import { formatBytes } from '../../size/format';

/** A runtime image for the output of a build, with and without a shell. */
export interface RuntimeChoice {
  /** The smallest fitting image; may have no shell (distroless). */
  image: string;
  /** The image to use when the moved CMD/ENTRYPOINT/HEALTHCHECK need a shell. */
  withShell: string;
}

export interface SdkImage {
  /** What the image is, for messages: `the Go toolchain`, `a JDK`. */
  label: string;
  /** null when no runtime image can be named for this tag. */
  runtime: RuntimeChoice | null;
}

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function isOfficial(ref: ImageRef, name: string): boolean {
  return ref.registry === null && ref.repository.toLowerCase() === name;
}

function tagTokens(ref: ImageRef): string[] {
  return (ref.tag ?? 'latest').toLowerCase().split('-');
}

function isAlpine(ref: ImageRef): boolean {
  return tagTokens(ref).some((token) => token.startsWith('alpine'));
}

/** The major Java version in a tag (`3.9-eclipse-temurin-21`, `8-jdk21`, `21.0.4_7-jdk`), when one is written. */
function javaMajor(tag: string, pattern: RegExp): string | null {
  return pattern.exec(tag)?.[1] ?? null;
}

function temurinJre(major: string | null, alpine: boolean): RuntimeChoice | null {
  if (!major) return null;
  const image = `eclipse-temurin:${major}-jre${alpine ? '-alpine' : ''}`;
  return { image, withShell: image };
}

// The :nonroot tags: same files, the user nonroot (65532) by default.
const DISTROLESS_STATIC = 'gcr.io/distroless/static-debian12:nonroot';
const DISTROLESS_BASE = 'gcr.io/distroless/base-debian12:nonroot';
const DISTROLESS_CC = 'gcr.io/distroless/cc-debian12:nonroot';
const DEBIAN_SLIM = 'debian:bookworm-slim';
const ALPINE = 'alpine:3.24';

/** The official repositories sdkImage knows. */
const OFFICIAL_SDK_REPOSITORIES: ReadonlySet<string> = new Set(['golang', 'rust', 'maven', 'gradle', 'eclipse-temurin', 'openjdk', 'buildpack-deps']);

/** Cheap test first: most bases are none of the SDK images sdkImage knows. */
function mayBeSdkImage(ref: ImageRef): boolean {
  const repository = ref.repository.toLowerCase();
  if (ref.registry === null) return OFFICIAL_SDK_REPOSITORIES.has(repository);
  return ref.registry === 'mcr.microsoft.com' && repository === 'dotnet/sdk';
}

/** The image is a compiler or SDK image (Go, Rust, Maven, Gradle, a JDK, the .NET SDK, buildpack-deps). */
export function sdkImage(ref: ImageRef): SdkImage | null {
  if (ref.hasUnresolvedVariables || ref.isScratch || !mayBeSdkImage(ref)) return null;
  const tag = (ref.tag ?? 'latest').toLowerCase();
  const alpine = isAlpine(ref);
  if (isOfficial(ref, 'golang')) {
    // Without gcc (alpine), Go links statically; with it, cgo links glibc: distroless/base has it.
    return { label: 'the Go toolchain', runtime: alpine ? { image: DISTROLESS_STATIC, withShell: ALPINE } : { image: DISTROLESS_BASE, withShell: DEBIAN_SLIM } };
  }
  if (isOfficial(ref, 'rust')) {
    return { label: 'the Rust toolchain', runtime: alpine ? { image: ALPINE, withShell: ALPINE } : { image: DISTROLESS_CC, withShell: DEBIAN_SLIM } };
  }
  if (isOfficial(ref, 'maven')) return { label: 'Maven and a JDK', runtime: temurinJre(javaMajor(tag, /temurin-(\d+)/), alpine) };
  if (isOfficial(ref, 'gradle')) return { label: 'Gradle and a JDK', runtime: temurinJre(javaMajor(tag, /jdk-?(\d+)/), alpine) };
  if (isOfficial(ref, 'eclipse-temurin') && !tagTokens(ref).includes('jre')) {
    return { label: 'a JDK', runtime: temurinJre(javaMajor(tag, /^(\d+)/), alpine) };
  }
  if (isOfficial(ref, 'openjdk') && !tagTokens(ref).includes('jre')) {
    return { label: 'a JDK', runtime: temurinJre(javaMajor(tag, /^(\d+)/), alpine) };
  }
  if (ref.registry === 'mcr.microsoft.com' && ref.repository.toLowerCase() === 'dotnet/sdk') {
    const withShell = `mcr.microsoft.com/dotnet/aspnet:${ref.tag}`;
    const chiseled = ref.tag && /^\d+\.\d+$/.test(ref.tag) ? `${withShell}-noble-chiseled` : withShell;
    return { label: 'the .NET SDK', runtime: ref.tag ? { image: chiseled, withShell } : null };
  }
  if (isOfficial(ref, 'buildpack-deps')) {
    const codename = tagTokens(ref).find((token) => DISTRO_CODENAMES.has(token));
    const distro = codename ? (DISTRO_CODENAMES.get(codename) ?? null) : null;
    const image = !codename ? null : distro?.startsWith('debian') ? `debian:${codename}-slim` : `ubuntu:${codename}`;
    return { label: 'compilers and development headers', runtime: image ? { image, withShell: image } : null };
  }
  return null;
}

/** How an official runtime image names its lighter variant. */
const LIGHTER_VARIANTS: ReadonlyArray<{ repository: string; variant: (tag: string | null) => string | null; kind: string }> = [
  { repository: 'node', kind: 'slim', variant: (tag) => insertSuffix(tag, 'slim', 'after-codename') },
  { repository: 'python', kind: 'slim', variant: (tag) => insertSuffix(tag, 'slim', 'before-codename') },
  { repository: 'ruby', kind: 'slim', variant: (tag) => insertSuffix(tag, 'slim', 'before-codename') },
  { repository: 'debian', kind: 'slim', variant: (tag) => (tag && DISTRO_CODENAMES.has(tag) ? `${tag}-slim` : tag && /^\d+$/.test(tag) ? `${tag}-slim` : null) },
  { repository: 'nginx', kind: 'alpine', variant: (tag) => (tag === null || tag === 'latest' ? 'alpine' : /^[\d.]+$/.test(tag) ? `${tag}-alpine` : null) },
  { repository: 'httpd', kind: 'alpine', variant: (tag) => (tag === null || tag === 'latest' ? 'alpine' : /^[\d.]+$/.test(tag) ? `${tag}-alpine` : null) },
];

/** `20` → `20-slim`; `20-bookworm` → `20-bookworm-slim` (node) or `3.12-slim-bookworm` (python). null for variants. */
function insertSuffix(tag: string | null, suffix: string, order: 'after-codename' | 'before-codename'): string | null {
  if (tag === null) return null;
  const [version, ...rest] = tag.split('-');
  if (!/^\d+(\.\d+)*$/.test(version) || rest.length > 1) return null;
  if (rest.length === 0) return `${version}-${suffix}`;
  if (!DISTRO_CODENAMES.has(rest[0])) return null;
  return order === 'after-codename' ? `${version}-${rest[0]}-${suffix}` : `${version}-${suffix}-${rest[0]}`;
}

/** .NET runtime images and their chiseled (shell-less) variant. */
function chiseledVariant(ref: ImageRef): string | null {
  if (ref.registry !== 'mcr.microsoft.com' || !/^dotnet\/(runtime-deps|runtime|aspnet)$/.test(ref.repository.toLowerCase())) return null;
  return ref.tag && /^\d+\.\d+$/.test(ref.tag) ? `${ref.tag}-noble-chiseled` : null;
}

export interface LighterVariant {
  /** The new tag. */
  tag: string;
  /** slim, alpine or chiseled. */
  kind: string;
  /** The new image reference as it would be written. */
  image: string;
  /** true when the variant has no shell: only for stages that need none. */
  shellLess: boolean;
}

/** The lighter variant of the same runtime, when the image is a known heavy one. */
export function lighterVariant(ref: ImageRef): LighterVariant | null {
  if (ref.hasUnresolvedVariables || ref.isScratch || ref.digest !== null) return null;
  const chiseled = chiseledVariant(ref);
  if (chiseled) return { tag: chiseled, kind: 'chiseled', image: withTag(ref, chiseled), shellLess: true };
  if (ref.registry !== null) return null;
  const entry = LIGHTER_VARIANTS.find((candidate) => candidate.repository === ref.repository.toLowerCase());
  const tag = entry?.variant(ref.tag?.toLowerCase() ?? null) ?? null;
  return entry && tag ? { tag, kind: entry.kind, image: withTag(ref, tag), shellLess: false } : null;
}

function withTag(ref: ImageRef, tag: string): string {
  return `${ref.registry === null ? '' : `${ref.registry}/`}${ref.repository}:${tag}`;
}

/** Uncompressed bytes of an image from the table, or null when it is not measured. */
export function measuredBytes(image: string): number | null {
  const ref = parseImageRef(image, ZERO);
  // Distroless :nonroot images differ from the default tag only in the default user.
  const key = findTableKey(ref) ?? (ref.repository.startsWith('distroless/') && ref.tag === 'nonroot' ? findTableKey({ ...ref, tag: null }) : null);
  return key === null ? null : BASE_IMAGE_TABLE.images[key].uncompressedBytes;
}

/** "(~753 MB → ~20 MB)" when both sizes are measured, else ''. */
export function sizeComparison(from: string, to: string): string {
  const before = measuredBytes(from);
  const after = measuredBytes(to);
  return before !== null && after !== null ? ` (~${formatBytes(before)} → ~${formatBytes(after)})` : '';
}
