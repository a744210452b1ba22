// The compressed size of a base image from its registry's manifest (Docker Registry HTTP API v2, which
// Docker Hub and OCI registries speak): an anonymous bearer token when the registry asks for one, the
// image index narrowed to linux/amd64, then the sum of the layer blobs' sizes, i.e. what a pull
// transfers. Only public images can be priced this way: no credentials are ever read or sent.

/** What to ask for: a registry host, a repository on it and a tag or digest. */
export interface RegistryImage {
  /** `registry-1.docker.io` for Docker Hub. */
  host: string;
  /** `library/node` for Docker Hub's official images. */
  repository: string;
  /** A tag, or a digest (`sha256:…`), which wins over the tag when both are written. */
  reference: string;
}

export interface ManifestLookupOptions {
  /** The whole lookup (token, index, manifest) must finish within this time. */
  timeoutMs: number;
  /**
   * Where a host is reached: `https://<host>` unless mapped here. For tests only; never filled from a
   * setting, so a workspace cannot redirect lookups.
   */
  endpoints?: ReadonlyMap<string, string>;
}

export class ManifestLookupError extends Error {
  override name = 'ManifestLookupError';
}

const DOCKER_HUB_HOST = 'registry-1.docker.io';
const DOCKER_HUB_ALIASES: ReadonlySet<string> = new Set(['docker.io', 'index.docker.io', DOCKER_HUB_HOST]);

const INDEX_TYPES = ['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json'];
const MANIFEST_TYPES = ['application/vnd.oci.image.manifest.v1+json', 'application/vnd.docker.distribution.manifest.v2+json'];
const ACCEPT = [...INDEX_TYPES, ...MANIFEST_TYPES].join(', ');
/** Manifests are a few kilobytes; anything far bigger is not one. */
const MAX_BODY_BYTES = 1024 * 1024;
const REPOSITORY_PATTERN = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
const TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST_PATTERN = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;
const HOST_PATTERN = /^(?:localhost|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+|\[[0-9a-fA-F:]+\])(?::\d{1,5})?$|^[A-Za-z0-9-]+:\d{1,5}$/;

/**
 * Splits an image reference as written after FROM (`node:20`, `ghcr.io/org/app@sha256:…`) into what
 * the registry API needs; null when it is not a reference we can look up (variables, odd characters).
 */
export function registryImageOf(written: string): RegistryImage | null {
  const text = written.trim();
  if (text === '' || text.includes('$') || /\s/.test(text)) return null;
  const [named, digest = null] = splitOnce(text, '@');
  const slash = named.indexOf('/');
  const first = slash === -1 ? '' : named.slice(0, slash);
  // The first component names a registry only when it looks like a host (Docker's own rule).
  const hasHost = first !== '' && (first.includes('.') || first.includes(':') || first === 'localhost');
  const host = hasHost ? first : DOCKER_HUB_HOST;
  const rest = hasHost ? named.slice(slash + 1) : named;
  const colon = rest.lastIndexOf(':');
  const repositoryPart = colon === -1 ? rest : rest.slice(0, colon);
  const tag = colon === -1 ? null : rest.slice(colon + 1);
  const canonicalHost = DOCKER_HUB_ALIASES.has(host) ? DOCKER_HUB_HOST : host;
  const repository = canonicalHost === DOCKER_HUB_HOST && !repositoryPart.includes('/') ? `library/${repositoryPart}` : repositoryPart;
  if (!HOST_PATTERN.test(canonicalHost) || !REPOSITORY_PATTERN.test(repository)) return null;
  if (digest !== null) return DIGEST_PATTERN.test(digest) ? { host: canonicalHost, repository, reference: digest } : null;
  if (tag !== null && !TAG_PATTERN.test(tag)) return null;
  return { host: canonicalHost, repository, reference: tag ?? 'latest' };
}

function splitOnce(text: string, separator: string): [string, string?] {
  const at = text.indexOf(separator);
  return at === -1 ? [text] : [text.slice(0, at), text.slice(at + separator.length)];
}

export interface ManifestSize {
  /** The sum of the layer blobs' sizes. */
  compressedBytes: number;
  /** True when the registry had an image index and its linux/amd64 manifest was priced. */
  fromIndex: boolean;
}

/** The size of the image's layer blobs (its linux/amd64 manifest when multi-platform). Rejects with ManifestLookupError. */
export async function fetchCompressedSize(image: RegistryImage, options: ManifestLookupOptions): Promise<ManifestSize> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  const session = new RegistrySession(endpointFor(image.host, options.endpoints), image.repository, signal);
  try {
    const first = await session.manifest(image.reference);
    if (!isIndex(first)) return { compressedBytes: layerBytes(first), fromIndex: false };
    return { compressedBytes: layerBytes(await session.manifest(amd64Digest(first))), fromIndex: true };
  } catch (error) {
    if (error instanceof ManifestLookupError) throw error;
    const timedOut = signal.aborted;
    throw new ManifestLookupError(timedOut ? `no answer within ${options.timeoutMs} ms` : describe(error));
  }
}

function endpointFor(host: string, endpoints: ReadonlyMap<string, string> | undefined): URL {
  return new URL(endpoints?.get(host) ?? `https://${host}`);
}

/** One repository on one registry, with the token it handed out (if it asked for one). */
class RegistrySession {
  private token: string | null = null;

  constructor(
    private readonly endpoint: URL,
    private readonly repository: string,
    private readonly signal: AbortSignal,
  ) {}

  async manifest(reference: string): Promise<unknown> {
    const url = new URL(`/v2/${this.repository}/manifests/${encodeURIComponent(reference)}`, this.endpoint);
    let response = await this.get(url);
    if (response.status === 401 && this.token === null) {
      await response.body?.cancel();
      this.token = await this.anonymousToken(response.headers.get('www-authenticate'));
      response = await this.get(url);
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new ManifestLookupError(`${url.href} answered ${response.status}`);
    }
    return JSON.parse(await boundedText(response));
  }

  private get(url: URL, authorised = true): Promise<Response> {
    const headers: Record<string, string> = { Accept: ACCEPT };
    if (authorised && this.token !== null) headers.Authorization = `Bearer ${this.token}`;
    // Redirects are followed: some registries serve manifests from elsewhere. The token is an anonymous pull token.
    return fetch(url, { headers, signal: this.signal });
  }

  /** The challenge's realm hands out a token for the repository's pull scope to anyone who asks. */
  private async anonymousToken(challenge: string | null): Promise<string> {
    const parameters = challenge ? bearerChallenge(challenge) : null;
    if (!parameters?.realm) throw new ManifestLookupError('the registry wants credentials, not an anonymous token');
    const realm = new URL(parameters.realm);
    // A plain-http realm is accepted only from a plain-http endpoint (the tests' fake registry).
    if (realm.protocol !== 'https:' && realm.protocol !== this.endpoint.protocol) {
      throw new ManifestLookupError(`refusing the token realm ${realm.origin}`);
    }
    if (parameters.service) realm.searchParams.set('service', parameters.service);
    realm.searchParams.set('scope', parameters.scope ?? `repository:${this.repository}:pull`);
    const response = await this.get(realm, false);
    if (!response.ok) {
      await response.body?.cancel();
      throw new ManifestLookupError(`the token realm answered ${response.status}`);
    }
    const body: unknown = JSON.parse(await boundedText(response));
    const token = isRecord(body) ? (body.token ?? body.access_token) : undefined;
    if (typeof token !== 'string' || token === '') throw new ManifestLookupError('the token realm gave no token');
    return token;
  }
}

/** `Bearer realm="…",service="…",scope="…"` → its parameters; null for another scheme. */
export function bearerChallenge(header: string): Record<string, string> | null {
  const match = /^\s*Bearer\s+(.*)$/i.exec(header);
  if (!match) return null;
  const parameters: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [, name, quoted, bare] of match[1].matchAll(/([A-Za-z_]+)\s*=\s*(?:"([^"]*)"|([^\s,]*))/g)) {
    parameters[name.toLowerCase()] = quoted ?? bare ?? '';
  }
  return parameters;
}

async function boundedText(response: Response): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > MAX_BODY_BYTES) {
    await response.body?.cancel();
    throw new ManifestLookupError(`a ${declared}-byte answer is not a manifest`);
  }
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new ManifestLookupError('the answer is too large to be a manifest');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIndex(document: unknown): document is { manifests: unknown[] } {
  return isRecord(document) && Array.isArray(document.manifests);
}

function amd64Digest(index: { manifests: unknown[] }): string {
  for (const entry of index.manifests) {
    if (!isRecord(entry) || !isRecord(entry.platform) || typeof entry.digest !== 'string') continue;
    if (entry.platform.os === 'linux' && entry.platform.architecture === 'amd64' && DIGEST_PATTERN.test(entry.digest)) return entry.digest;
  }
  throw new ManifestLookupError('the image index has no linux/amd64 manifest');
}

function layerBytes(manifest: unknown): number {
  const layers = isRecord(manifest) ? manifest.layers : undefined;
  if (!Array.isArray(layers)) throw new ManifestLookupError('the manifest lists no layers');
  let total = 0;
  for (const layer of layers) {
    const size = isRecord(layer) ? layer.size : undefined;
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) throw new ManifestLookupError('a layer has no valid size');
    total += size;
  }
  return total;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
