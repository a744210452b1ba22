import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AMD64_DIGEST, AMD64_TOTAL, SINGLE_TOTAL, startFakeRegistry, type FakeRegistry } from '../../../test/support/fake-registry';
import { bearerChallenge, fetchCompressedSize, ManifestLookupError, registryImageOf, type RegistryImage } from './registry-manifest';

describe('registryImageOf', () => {
  test('a Docker Hub official image gets the registry host, library/ and latest', () => {
    assert.deepEqual(registryImageOf('node'), { host: 'registry-1.docker.io', repository: 'library/node', reference: 'latest' });
    assert.deepEqual(registryImageOf('docker.io/library/node:20-slim'), { host: 'registry-1.docker.io', repository: 'library/node', reference: '20-slim' });
    assert.deepEqual(registryImageOf('bitnami/redis:7.2'), { host: 'registry-1.docker.io', repository: 'bitnami/redis', reference: '7.2' });
  });

  test('another registry, a port and a digest', () => {
    const digest = `sha256:${'d'.repeat(64)}`;
    assert.deepEqual(registryImageOf(`ghcr.io/org/app:1.0@${digest}`), { host: 'ghcr.io', repository: 'org/app', reference: digest });
    assert.deepEqual(registryImageOf('localhost:5000/team/app:dev'), { host: 'localhost:5000', repository: 'team/app', reference: 'dev' });
  });

  test('what cannot be a reference is not looked up', () => {
    for (const written of ['', 'node:${VERSION}', 'Node:20', 'node:bad tag', 'app@sha256:short', 'ghcr.io/../etc']) {
      assert.equal(registryImageOf(written), null, written);
    }
  });
});

test('bearerChallenge reads quoted and bare parameters, and refuses other schemes', () => {
  assert.deepEqual({ ...bearerChallenge('Bearer realm="https://auth.example/token",service=registry,scope="repository:a/b:pull"') }, {
    realm: 'https://auth.example/token',
    service: 'registry',
    scope: 'repository:a/b:pull',
  });
  assert.equal(bearerChallenge('Basic realm="x"'), null);
});

describe('fetchCompressedSize against a fake registry', () => {
  let registry: FakeRegistry;
  const app = (reference: string, repository = 'library/app'): RegistryImage => ({ host: 'registry-1.docker.io', repository, reference });
  const options = () => ({ timeoutMs: 2000, endpoints: new Map([['registry-1.docker.io', registry.url]]) });

  before(async () => {
    registry = await startFakeRegistry();
  });
  after(() => registry.close());

  test('takes an anonymous token, follows the index to linux/amd64 and sums its layers', async () => {
    registry.requests.length = 0;
    const size = await fetchCompressedSize(app('multi'), options());
    assert.deepEqual(size, { compressedBytes: AMD64_TOTAL, fromIndex: true });
    assert.deepEqual(registry.requests, [
      '/v2/library/app/manifests/multi',
      '/token?service=fake-registry&scope=repository%3Alibrary%2Fapp%3Apull',
      '/v2/library/app/manifests/multi',
      `/v2/library/app/manifests/${encodeURIComponent(AMD64_DIGEST)}`,
    ]);
  });

  test('a single-platform manifest is summed directly', async () => {
    assert.deepEqual(await fetchCompressedSize(app('single'), options()), { compressedBytes: SINGLE_TOTAL, fromIndex: false });
  });

  test('a missing tag, an index without amd64 and a registry that wants credentials fail with a reason', async () => {
    await assert.rejects(fetchCompressedSize(app('nope'), options()), (error: unknown) => error instanceof ManifestLookupError && /404/.test(error.message));
    await assert.rejects(fetchCompressedSize(app('armonly'), options()), /no linux\/amd64 manifest/);
    await assert.rejects(fetchCompressedSize(app('1', 'library/private'), options()), /wants credentials/);
  });

  test('a registry that does not answer is given up after the timeout', async () => {
    const started = Date.now();
    await assert.rejects(fetchCompressedSize(app('slow'), { ...options(), timeoutMs: 200 }), /no answer within 200 ms/);
    assert.ok(Date.now() - started < 1500, 'gave up promptly');
  });

  test('an unreachable registry fails without throwing anything else', async () => {
    const closed = { timeoutMs: 1000, endpoints: new Map([['registry-1.docker.io', 'http://127.0.0.1:1']]) };
    await assert.rejects(fetchCompressedSize(app('multi'), closed), ManifestLookupError);
  });
});
