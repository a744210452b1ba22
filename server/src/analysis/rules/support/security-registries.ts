// The trusted-registries allow-list: which registry an image comes from, and whether a configured entry
// (`docker.io`, `*.example.com`, `ghcr.io/my-org`) allows it.
import type { ImageRef } from '../../model-types';

const DOCKER_HUB_NAMES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com', 'hub.docker.com']);

function normalizeHost(host: string): string {
  const lower = host.toLowerCase();
  return DOCKER_HUB_NAMES.has(lower) ? 'docker.io' : lower;
}

/** The registry an image is pulled from; Docker Hub is `docker.io`. */
export function registryOf(ref: ImageRef): string {
  return ref.registry === null ? 'docker.io' : normalizeHost(ref.registry);
}

/** `registry/repository`, with Docker Hub's implicit `library/` for official images. */
function fullName(ref: ImageRef): string {
  const registry = registryOf(ref);
  const repository = ref.repository.toLowerCase();
  return `${registry}/${registry === 'docker.io' && !repository.includes('/') ? `library/${repository}` : repository}`;
}

function hostMatches(pattern: string, host: string): boolean {
  if (pattern === '*') return true;
  if (pattern.startsWith('*')) return host.endsWith(pattern.slice(1));
  if (pattern.endsWith('*')) return host.startsWith(pattern.slice(0, -1));
  return host === pattern;
}

/** True when an allow-list entry allows the image: a host (wildcards at either end) or a host/path prefix. */
export function isTrusted(ref: ImageRef, entries: readonly string[]): boolean {
  return entries.some((raw) => {
    const entry = raw.trim().replace(/\/+$/, '');
    if (entry === '') return false;
    const slash = entry.indexOf('/');
    if (slash === -1) return hostMatches(normalizeHost(entry), registryOf(ref));
    const prefix = `${normalizeHost(entry.slice(0, slash))}/${entry.slice(slash + 1).toLowerCase()}`;
    const name = fullName(ref);
    return name === prefix || name.startsWith(`${prefix}/`);
  });
}

/** The configured entries, or null when the allow-list is off (absent, empty, or not a list of strings). */
export function trustedRegistries(option: unknown): string[] | null {
  if (!Array.isArray(option)) return null;
  const entries = option.filter((entry): entry is string => typeof entry === 'string' && entry.trim() !== '');
  return entries.length > 0 ? entries : null;
}
