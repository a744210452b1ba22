import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { conventionsFor, IMAGE_CONVENTIONS, matchesConvention, type ConventionSubject } from './image-conventions';

const REGISTRIES = [null, '', 'gcr.io', 'cgr.dev', 'mcr.microsoft.com', 'registry.suse.com', 'quay.io', 'localhost:5000'];
const REPOSITORIES = [
  'node', 'redis', 'nginx', 'php', 'alpine', 'centos', 'amazonlinux', 'ubi9', 'ubi9-minimal', 'ubi8/ubi-micro',
  'nginxinc/nginx-unprivileged', 'distroless/static-debian12', 'chainguard/wolfi-base', 'chainguard/node', 'dotnet/aspnet',
  'opensuse/leap', 'centos/centos', 'myorg/node',
];
const TAGS = ['latest', '20-alpine', '8.3-apache', 'stream9', '2', '7.9', 'al2023', 'debug-nonroot', 'latest-dev', '9.0-noble-chiseled', 'ltsc2022', 'minimal'];

describe('conventionsFor', () => {
  it('returns, in table order, exactly the conventions matchesConvention accepts', () => {
    for (const registry of REGISTRIES) {
      for (const repository of REPOSITORIES) {
        for (const tag of TAGS) {
          const subject: ConventionSubject = { registry, repository, tag };
          const expected = IMAGE_CONVENTIONS.filter((convention) => matchesConvention(convention, subject));
          assert.deepEqual(conventionsFor(subject), expected, JSON.stringify(subject));
          // Asked again (the repository's candidates are then remembered): the same answer.
          assert.deepEqual(conventionsFor(subject), expected, JSON.stringify(subject));
        }
      }
    }
  });

  it('tells registries apart from repositories that look alike', () => {
    const hub = conventionsFor({ registry: null, repository: 'distroless/static', tag: 'latest' });
    const gcr = conventionsFor({ registry: 'gcr.io', repository: 'distroless/static', tag: 'latest' });
    assert.equal(hub.some((convention) => convention.facts.isDistroless), false);
    assert.equal(gcr.some((convention) => convention.facts.isDistroless), true);
  });
});
