import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalImageName, familyTags, findTableKey, imageFacts, parseImageRef } from './images';
import type { ImageRef } from './model-types';
import { BASE_IMAGE_TABLE, type BaseImageTable } from './size/base-image-table';

const RANGE = { start: { line: 0, character: 5 }, end: { line: 0, character: 20 } };

function ref(text: string): ImageRef {
  return parseImageRef(text, RANGE);
}

describe('parseImageRef', () => {
  const cases: Array<[string, string | null, string, string | null, string | null]> = [
    // text, registry, repository, tag, digest
    ['node', null, 'node', null, null],
    ['node:20', null, 'node', '20', null],
    ['library/node:20', null, 'node', '20', null],
    ['docker.io/library/node:20', null, 'node', '20', null],
    ['index.docker.io/library/node:20', null, 'node', '20', null],
    ['docker.io/bitnami/redis:7.2', null, 'bitnami/redis', '7.2', null],
    ['localhost:5000/x:y', 'localhost:5000', 'x', 'y', null],
    ['localhost/app', 'localhost', 'app', null, null],
    ['registry.example.com:443/team/app:1.0', 'registry.example.com:443', 'team/app', '1.0', null],
    ['gcr.io/distroless/static-debian12:nonroot', 'gcr.io', 'distroless/static-debian12', 'nonroot', null],
    ['mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled', 'mcr.microsoft.com', 'dotnet/aspnet', '8.0-noble-chiseled', null],
    ['node@sha256:0123abcd', null, 'node', null, 'sha256:0123abcd'],
    ['node:20-slim@sha256:0123abcd', null, 'node', '20-slim', 'sha256:0123abcd'],
    ['localhost:5000/x@sha256:ff', 'localhost:5000', 'x', null, 'sha256:ff'],
    ['myorg/app', null, 'myorg/app', null, null],
  ];
  for (const [text, registry, repository, tag, digest] of cases) {
    it(text, () => {
      const parsed = ref(text);
      assert.deepEqual(
        { registry: parsed.registry, repository: parsed.repository, tag: parsed.tag, digest: parsed.digest },
        { registry, repository, tag, digest },
      );
      assert.equal(parsed.resolved, text);
      assert.equal(parsed.raw, text);
      assert.equal(parsed.range, RANGE);
    });
  }

  it('docker.io/library/node:20 is the same image as node:20', () => {
    assert.equal(canonicalImageName(ref('docker.io/library/node:20')), canonicalImageName(ref('node:20')));
    assert.equal(canonicalImageName(ref('node')), 'node:latest');
  });

  it('scratch, raw text and variables', () => {
    assert.equal(ref('scratch').isScratch, true);
    assert.equal(ref('scratchy').isScratch, false);
    const withRaw = parseImageRef('node:20', RANGE, '${BASE}');
    assert.equal(withRaw.raw, '${BASE}');
    assert.equal(withRaw.resolved, 'node:20');
    assert.equal(ref('${BASE}').hasUnresolvedVariables, true);
  });
});

describe('family normalisation', () => {
  const cases: Array<[string, string | null]> = [
    ['node:20', 'node:20'],
    ['docker.io/library/node:20', 'node:20'],
    ['node:20.11.1-bookworm-slim', 'node:20-slim'],
    ['node:20-alpine3.20', 'node:20-alpine'],
    ['python:3.12.4-slim-bookworm', 'python:3.12-slim'],
    ['alpine:3.24.2', 'alpine:3.24'],
    ['alpine', 'alpine:3.24'],
    ['debian:12-slim', 'debian:bookworm-slim'],
    ['golang:1.25.3-bookworm', 'golang:1.25-bookworm'],
    ['eclipse-temurin:21.0.4_7-jre-jammy', 'eclipse-temurin:21-jre'],
    ['mcr.microsoft.com/dotnet/aspnet:8.0.7-noble-chiseled', 'mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled'],
    ['gcr.io/distroless/static-debian12', 'gcr.io/distroless/static-debian12'],
    ['gcr.io/distroless/static-debian12:latest', 'gcr.io/distroless/static-debian12'],
    ['busybox', 'busybox:latest'],
    // Not in the table: no number is invented.
    ['node:18', null],
    ['node', null],
    ['python:3.13-slim', null],
    ['nginx:1.27-alpine', null],
    ['node@sha256:0123', null],
    ['registry.example.com/node:20', null],
  ];
  for (const [text, key] of cases) {
    it(`${text} → ${key ?? 'unknown'}`, () => {
      assert.equal(findTableKey(ref(text)), key);
      const facts = imageFacts(ref(text));
      assert.equal(facts.key, key);
      if (key === null) assert.equal(facts.uncompressedBytes, null);
      else assert.equal(facts.uncompressedBytes, BASE_IMAGE_TABLE.images[key].uncompressedBytes);
    });
  }

  it('candidate tags go from the most specific to the family', () => {
    assert.deepEqual(familyTags('20.11.1-bookworm-slim'), [
      '20.11.1-bookworm-slim',
      '20.11-bookworm-slim',
      '20-bookworm-slim',
      '20.11.1-slim',
      '20.11-slim',
      '20-slim',
    ]);
  });

  it('gives every caller its own facts, the same each time, whatever an earlier caller changed', () => {
    const first = imageFacts(ref('node:20-bookworm-slim'));
    const expected = { ...first };
    first.defaultUser = 'changed';
    const second = imageFacts(ref('node:20-bookworm-slim'));
    assert.notEqual(second, first);
    assert.deepEqual(second, expected);
    // The same repository and tag with a digest, or under a registry, are other images.
    assert.equal(imageFacts(ref('node@sha256:0123')).key, null);
    assert.equal(imageFacts(ref('registry.example.com/node:20-bookworm-slim')).key, null);
    assert.equal(imageFacts(ref('node:20-bookworm-slim')).key, 'node:20-slim');
  });

  it('looks up the table it is given', () => {
    const table: BaseImageTable = {
      ...BASE_IMAGE_TABLE,
      images: {
        'node:18': { compressedBytes: 1, uncompressedBytes: 2, distro: 'debian12', packageManager: 'apt', hasShell: true, user: 'root', source: 'test' },
      },
    };
    assert.equal(findTableKey(ref('node:18.20.4-slim'), table), null);
    assert.equal(imageFacts(ref('node:18.20.4'), table).uncompressedBytes, 2);
    assert.equal(imageFacts(ref('node:20'), table).uncompressedBytes, null);
  });
});

describe('facts from naming conventions', () => {
  it('scratch: no shell, no package manager', () => {
    const facts = imageFacts(ref('scratch'));
    assert.equal(facts.isScratch, true);
    assert.equal(facts.hasShell, false);
    assert.equal(facts.packageManager, 'none');
    assert.equal(facts.uncompressedBytes, 0);
  });

  it('distroless: no shell, no package manager, root unless nonroot, nonroot user always there', () => {
    const plain = imageFacts(ref('gcr.io/distroless/static-debian12'));
    assert.deepEqual(
      [plain.isDistroless, plain.hasShell, plain.packageManager, plain.defaultUser, plain.nonRootUser],
      [true, false, 'none', 'root', 'nonroot'],
    );
    const nonroot = imageFacts(ref('gcr.io/distroless/base-debian12:nonroot'));
    assert.equal(nonroot.defaultUser, 'nonroot');
    assert.equal(nonroot.key, null, 'base-debian12:nonroot is not measured');
    const debug = imageFacts(ref('gcr.io/distroless/java21-debian12:debug-nonroot'));
    assert.deepEqual([debug.hasShell, debug.defaultUser, debug.isDistroless], [true, 'nonroot', true]);
    const measuredNonroot = imageFacts(ref('gcr.io/distroless/static-debian12:nonroot'));
    assert.equal(measuredNonroot.defaultUser, 'nonroot', 'the table user nonroot(65532) is read as nonroot');
  });

  it('nginx-unprivileged runs as 101 (nginx); its alpine variant uses apk', () => {
    const alpine = imageFacts(ref('nginxinc/nginx-unprivileged:1.27-alpine'));
    assert.deepEqual([alpine.defaultUser, alpine.nonRootUser, alpine.packageManager, alpine.hasShell], ['101', 'nginx', 'apk', true]);
    const debian = imageFacts(ref('docker.io/nginxinc/nginx-unprivileged:1.27'));
    assert.deepEqual([debian.defaultUser, debian.packageManager], ['101', 'apt']);
    assert.equal(imageFacts(ref('nginx:1.27-alpine')).defaultUser, 'root', 'the official nginx image starts as root');
  });

    it('Chainguard: nonroot by default, no shell unless -dev', () => {
    const runtime = imageFacts(ref('cgr.dev/chainguard/node:latest'));
    assert.deepEqual([runtime.defaultUser, runtime.nonRootUser, runtime.hasShell, runtime.packageManager], ['nonroot', 'nonroot', false, 'none']);
    const dev = imageFacts(ref('cgr.dev/chainguard/node:latest-dev'));
    assert.deepEqual([dev.defaultUser, dev.hasShell, dev.packageManager], ['nonroot', true, 'apk']);
  });

  it('.NET chiseled: no shell, runs as app', () => {
    const chiseled = imageFacts(ref('mcr.microsoft.com/dotnet/runtime-deps:9.0-noble-chiseled-extra'));
    assert.deepEqual(
      [chiseled.hasShell, chiseled.packageManager, chiseled.defaultUser, chiseled.nonRootUser],
      [false, 'none', 'app', 'app'],
    );
    const regular = imageFacts(ref('mcr.microsoft.com/dotnet/aspnet:8.0'));
    assert.deepEqual([regular.hasShell, regular.packageManager, regular.defaultUser, regular.nonRootUser], [true, 'apt', 'root', 'app']);
  });

  it('package managers by family', () => {
    const cases: Array<[string, string | null]> = [
      ['node:22-alpine', 'apk'],
      ['alpine:3.19', 'apk'],
      ['myorg/tool:1.0-alpine', 'apk'],
      ['debian:bookworm', 'apt'],
      ['ubuntu:24.04', 'apt'],
      ['python:3.12', 'apt'],
      ['ruby:3.3', 'apt'],
      ['registry.access.redhat.com/ubi9/ubi', 'dnf'],
      ['registry.access.redhat.com/ubi9/ubi-minimal:9.4', 'microdnf'],
      ['registry.access.redhat.com/ubi8-minimal', 'microdnf'],
      ['fedora:40', 'dnf'],
      ['rockylinux:9', 'dnf'],
      ['rockylinux:9-minimal', 'microdnf'],
      ['almalinux:9', 'dnf'],
      ['centos:7', 'yum'],
      ['quay.io/centos/centos:stream9', 'dnf'],
      ['amazonlinux:2', 'yum'],
      ['opensuse/leap:15.6', 'zypper'],
      ['registry.suse.com/bci/bci-base:15.6', 'zypper'],
      ['busybox:1.36', 'none'],
      ['myorg/app:1.0', null],
    ];
    for (const [text, packageManager] of cases) {
      assert.equal(imageFacts(ref(text)).packageManager, packageManager, text);
    }
  });

  it('official node images have the node user; others do not claim one', () => {
    assert.equal(imageFacts(ref('node:20-alpine')).nonRootUser, 'node');
    assert.equal(imageFacts(ref('docker.io/library/node:22')).nonRootUser, 'node');
    assert.equal(imageFacts(ref('python:3.12')).nonRootUser, null);
    assert.equal(imageFacts(ref('myorg/node:20')).nonRootUser, null);
  });

  it('the release code name in a tag gives the distribution', () => {
    assert.equal(imageFacts(ref('node:20-bullseye-slim')).distro, 'debian11');
    assert.equal(imageFacts(ref('python:3.12-slim-bookworm')).distro, 'debian12');
    assert.equal(imageFacts(ref('node:20-alpine')).distro, 'alpine');
  });

  it('unresolved variables and empty references know nothing', () => {
    const facts = imageFacts(ref('${BASE}'));
    assert.deepEqual([facts.key, facts.packageManager, facts.hasShell, facts.defaultUser], [null, null, null, null]);
    assert.equal(imageFacts(ref('')).key, null);
  });
});
