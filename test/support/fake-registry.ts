// A tiny registry for the tests, over plain http on 127.0.0.1: the anonymous token challenge, an image
// index with an arm64 and an amd64 entry, image manifests, a 404, and one manifest that never answers.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const AMD64_DIGEST = `sha256:${'a'.repeat(64)}`;
export const ARM64_DIGEST = `sha256:${'b'.repeat(64)}`;
export const AMD64_LAYERS = [30_000_000, 12_500_000, 700];
const ARM64_LAYERS = [1, 2, 3];
const SINGLE_LAYERS = [4_000_000, 96];
const TOKEN = 'anonymous-pull-token';

export interface FakeRegistry {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Every request's path and query, in order. */
  requests: string[];
  close(): Promise<void>;
}

function imageManifest(sizes: number[]): object {
  return {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: `sha256:${'c'.repeat(64)}`, size: 1234 },
    layers: sizes.map((size, index) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: `sha256:${String(index).repeat(64)}`, size })),
  };
}

function imageIndex(platforms: Array<{ digest: string; architecture: string }>): object {
  return {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: platforms.map(({ digest, architecture }) => ({ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest, size: 500, platform: { os: 'linux', architecture } })),
  };
}

/** Manifests of `library/app` by reference. `slow` is missing on purpose: it is handled apart. */
const MANIFESTS: Record<string, object> = {
  multi: imageIndex([
    { digest: ARM64_DIGEST, architecture: 'arm64' },
    { digest: AMD64_DIGEST, architecture: 'amd64' },
  ]),
  armonly: imageIndex([{ digest: ARM64_DIGEST, architecture: 'arm64' }]),
  single: imageManifest(SINGLE_LAYERS),
  [AMD64_DIGEST]: imageManifest(AMD64_LAYERS),
  [ARM64_DIGEST]: imageManifest(ARM64_LAYERS),
};

export const SINGLE_TOTAL = SINGLE_LAYERS.reduce((a, b) => a + b, 0);
export const AMD64_TOTAL = AMD64_LAYERS.reduce((a, b) => a + b, 0);

export async function startFakeRegistry(): Promise<FakeRegistry> {
  const requests: string[] = [];
  const held: ServerResponse[] = [];
  let base = '';
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', base);
    requests.push(url.pathname + url.search);
    if (url.pathname === '/token') {
      const scopeOk = url.searchParams.get('scope') === 'repository:library/app:pull' && url.searchParams.get('service') === 'fake-registry';
      send(response, scopeOk ? 200 : 403, { token: TOKEN });
      return;
    }
    const match = /^\/v2\/library\/(app|private)\/manifests\/(.+)$/.exec(url.pathname);
    if (!match) return send(response, 404, { errors: [{ code: 'NAME_UNKNOWN' }] });
    if (match[1] === 'private') {
      response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="fake"' }).end();
      return;
    }
    if (request.headers.authorization !== `Bearer ${TOKEN}`) {
      const challenge = `Bearer realm="${base}/token",service="fake-registry",scope="repository:library/app:pull"`;
      response.writeHead(401, { 'WWW-Authenticate': challenge }).end();
      return;
    }
    const reference = decodeURIComponent(match[2]);
    if (reference === 'slow') {
      held.push(response);
      return;
    }
    const manifest = MANIFESTS[reference];
    if (!manifest) return send(response, 404, { errors: [{ code: 'MANIFEST_UNKNOWN' }] });
    const accepted = request.headers.accept ?? '';
    const mediaType = (manifest as { mediaType: string }).mediaType;
    if (!accepted.includes(mediaType)) return send(response, 406, {});
    response.writeHead(200, { 'Content-Type': mediaType }).end(JSON.stringify(manifest));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of held) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(response: ServerResponse, status: number, body: object): void {
  response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}
