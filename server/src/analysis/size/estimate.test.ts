import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { BuildContextInfo } from '../engine-types';
import { buildModel } from '../model';
import { BASE_IMAGE_TABLE } from './base-image-table';
import { estimateStages } from './estimate';
import type { StageEstimate } from './types';

const MB = 1_000_000;

function estimate(text: string, context?: BuildContextInfo): StageEstimate[] {
  return estimateStages(buildModel(text), BASE_IMAGE_TABLE, context);
}

function layerAt(stage: StageEstimate, line: number) {
  const layer = stage.layers.find((candidate) => candidate.line === line - 1);
  assert.ok(layer, `a layer on line ${line}`);
  return layer;
}

describe('estimateStages: base images', () => {
  it('node:20: the table number, with ±10 % because it was derived from the compressed size', () => {
    const entry = BASE_IMAGE_TABLE.images['node:20'];
    assert.equal(entry.uncompressedDerived, true);
    const [stage] = estimate('FROM node:20\n');
    assert.equal(stage.bytes, entry.uncompressedBytes);
    assert.equal(stage.compressedBytes, entry.compressedBytes);
    assert.equal(stage.low, Math.round((entry.uncompressedBytes ?? 0) * 0.9));
    assert.equal(stage.high, Math.round((entry.uncompressedBytes ?? 0) * 1.1));
    assert.equal(stage.basis, 'table');
  });

  it('a measured size is exact, and tag variants find their family', () => {
    const entry = BASE_IMAGE_TABLE.images['python:3.12-slim'];
    const [stage] = estimate('FROM docker.io/library/python:3.12.4-slim-bookworm\n');
    assert.deepEqual([stage.bytes, stage.low, stage.high], [entry.uncompressedBytes, entry.uncompressedBytes, entry.uncompressedBytes]);
  });

  it('an unknown image or an unresolved variable is unknown, never a guess, even with layers on top', () => {
    for (const text of ['FROM node:18\nRUN apt-get install -y curl\n', 'FROM myorg/app:1.0\n', 'ARG BASE\nFROM $BASE\n']) {
      const [stage] = estimate(text);
      assert.deepEqual([stage.bytes, stage.low, stage.high, stage.compressedBytes, stage.basis], [null, null, null, null, 'unknown'], text);
    }
  });

  it('FROM an earlier stage inherits its estimate, layers included; build-only stages are marked', () => {
    const [base, build, final] = estimate('FROM node:20-slim AS base\nRUN apt-get update && apt-get install -y --no-install-recommends jq && rm -rf /var/lib/apt/lists/*\nFROM base AS build\nFROM scratch\nCOPY --from=build / /\n');
    assert.equal(build.bytes, base.bytes);
    assert.equal(build.buildOnly, true);
    assert.match(build.layers[0].note, /stage base/);
    assert.equal(final.bytes, base.bytes, 'COPY --from=build / brings everything');
    assert.equal(final.buildOnly, false);
  });

  it('every layer points at its instruction', () => {
    const model = buildModel('ARG V=20\nFROM node:${V}-alpine\nRUN true\nCOPY a /a\n');
    const [stage] = estimateStages(model);
    assert.deepEqual(stage.layers.map((layer) => layer.keyword), ['FROM', 'RUN', 'COPY']);
    assert.equal(model.instructions[stage.layers[0].instructionIndex], model.stages[0].from);
    assert.match(stage.layers[0].note, /node:20-alpine/);
  });

  it('no stages, no estimates', () => {
    assert.deepEqual(estimate('# nothing\n'), []);
  });
});

describe('estimateStages: apt-get install against the layers measured on bookworm-slim', () => {
  // Shared data README, "Package installs": measured uncompressed layer sizes.
  const measured: Array<[string, number]> = [
    ['ca-certificates curl', 14.87 * MB],
    ['jq', 2.01 * MB],
    ['git', 93.7 * MB],
    ['python3 python3-pip', 72.8 * MB],
    ['build-essential', 300.8 * MB],
    ['openjdk-17-jre-headless', 226.2 * MB],
    ['nginx', 15.5 * MB],
    ['imagemagick', 94.6 * MB],
  ];
  for (const [packages, bytes] of measured) {
    it(`${packages}: within 15 % of the measured ${Math.round(bytes / MB)} MB, and inside its range`, () => {
      const [stage] = estimate(`FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends ${packages} && rm -rf /var/lib/apt/lists/*\n`);
      const layer = layerAt(stage, 2);
      assert.ok(layer.bytes !== null && Math.abs(layer.bytes - bytes) / bytes < 0.15, `${layer.bytes} vs ${bytes}`);
      assert.ok((layer.low ?? 0) <= bytes && bytes <= (layer.high ?? 0), `${bytes} in ${layer.low}–${layer.high}`);
      assert.equal(layer.basis, 'table');
      assert.match(layer.note, /bookworm Installed-Size/);
    });
  }

  it('packages already in the image add nothing, and a full image keeps its docs', () => {
    const [slim] = estimate('FROM debian:bookworm-slim\nRUN apt-get install -y --no-install-recommends git\nRUN apt-get install -y --no-install-recommends git\n');
    assert.ok((layerAt(slim, 3).bytes ?? 0) < MB, 'only the dpkg state of the second layer');
    const [buildpack] = estimate('FROM golang:1.25-bookworm\nRUN apt-get install -y --no-install-recommends git curl\n');
    assert.ok((layerAt(buildpack, 2).bytes ?? Infinity) < MB, 'buildpack-deps already has git and curl');
  });

  it('apt lists left behind add ≈ 20 MB; a later rm removes nothing and costs a layer of markers', () => {
    const text = 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends jq\nRUN rm -rf /var/lib/apt/lists/*\n';
    const [stage] = estimate(text);
    const [cleaned] = estimate('FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends jq && rm -rf /var/lib/apt/lists/*\n');
    const install = layerAt(stage, 2);
    assert.ok(Math.abs((install.bytes ?? 0) - (layerAt(cleaned, 2).bytes ?? 0) - 20 * MB) < 0.01 * MB);
    assert.match(install.note, /apt lists/);
    const later = layerAt(stage, 3);
    assert.ok((later.bytes ?? Infinity) <= 10_000);
    assert.match(later.note, /stay in the earlier layer/);
    assert.ok((stage.bytes ?? 0) > (cleaned.bytes ?? 0) + 19 * MB);
  });

  it('a purge in the same RUN takes its packages back out; in a later RUN it does not', () => {
    const install = 'apt-get install -y --no-install-recommends build-essential';
    const [same] = estimate(`FROM debian:bookworm-slim\nRUN ${install} && make && apt-get purge -y --auto-remove build-essential\n`);
    const [later] = estimate(`FROM debian:bookworm-slim\nRUN ${install} && make\nRUN apt-get purge -y --auto-remove build-essential\n`);
    assert.ok((layerAt(same, 2).bytes ?? Infinity) < 5 * MB, `${layerAt(same, 2).bytes}`);
    assert.ok((later.bytes ?? 0) - (same.bytes ?? 0) > 250 * MB);
  });

  it('trixie images are priced from the trixie table; Ubuntu from Debian as a stand-in, with a wider range', () => {
    const [trixie] = estimate('FROM python:3.12-slim\nRUN apt-get install -y --no-install-recommends curl\n');
    assert.match(layerAt(trixie, 2).note, /trixie/);
    const [ubuntu] = estimate('FROM ubuntu:24.04\nRUN apt-get install -y --no-install-recommends curl\n');
    const layer = layerAt(ubuntu, 2);
    assert.equal(layer.basis, 'heuristic');
    assert.ok((layer.high ?? 0) / (layer.low ?? 1) > 1.5);
  });

  it('without --no-install-recommends the range widens upwards (Recommends are not in the table)', () => {
    const [stage] = estimate('FROM debian:bookworm-slim\nRUN apt-get install -y git\n');
    const layer = layerAt(stage, 2);
    assert.ok((layer.high ?? 0) > 1.9 * (layer.bytes ?? 0));
  });

  it('apk add is a documented approximation with a wide range', () => {
    const [stage] = estimate('FROM alpine:3.24\nRUN apk add --no-cache curl\n');
    const layer = layerAt(stage, 2);
    assert.equal(layer.basis, 'heuristic');
    assert.ok((layer.bytes ?? 0) > 0.3 * MB && (layer.bytes ?? 0) < 15 * MB, `${layer.bytes}`);
    assert.ok((layer.high ?? 0) >= 5 * (layer.low ?? 0));
    const [virtual] = estimate('FROM alpine:3.24\nRUN apk add --no-cache --virtual .deps build-base && make && apk del .deps\n');
    assert.ok((layerAt(virtual, 2).bytes ?? Infinity) < MB);
  });
});

describe('estimateStages: the seed shapes', () => {
  const context: BuildContextInfo = {
    dockerignore: 'node_modules\n',
    files: [
      { path: 'package.json', bytes: 900 },
      { path: 'package-lock.json', bytes: 60_000 },
      { path: 'server.js', bytes: 4_000 },
      { path: 'main.go', bytes: 6_000 },
      { path: 'go.mod', bytes: 200 },
    ],
    nodeModulesBytes: 2_900_000,
  };

  it('a Node app on node:20 (≈ 1 GB) against the same app on distroless (≈ 180 MB): the multi-stage build ships far less', () => {
    const [single] = estimate('FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "server.js"]\n', context);
    const multi = estimate(
      'FROM node:20 AS build\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY . .\n' +
        'FROM gcr.io/distroless/nodejs20-debian12\nWORKDIR /app\nCOPY --from=build /app /app\nCMD ["server.js"]\n',
      context,
    );
    const shipped = multi[1];
    assert.equal(multi[0].buildOnly, true);
    assert.equal(shipped.buildOnly, false);
    assert.ok((single.bytes ?? 0) > 900 * MB);
    // The seed: 170 MB for an express app on nodejs20-debian12.
    assert.ok((shipped.bytes ?? 0) > 150 * MB && (shipped.bytes ?? 0) < 200 * MB, `${shipped.bytes}`);
    assert.ok((shipped.bytes ?? Infinity) < 0.25 * (single.bytes ?? 0));
  });

  it('a Go build stage against a scratch final stage with the static binary', () => {
    const [build, final] = estimate(
      'FROM golang:1.25-alpine AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\nFROM scratch\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n',
      context,
    );
    assert.equal(build.buildOnly, true);
    assert.ok((build.bytes ?? 0) > 150 * MB);
    // The seed: 3.2 MB for the static binary; the heuristic range must hold it.
    assert.ok((final.low ?? Infinity) <= 3.2 * MB && 3.2 * MB <= (final.high ?? 0), `${final.low}–${final.high}`);
    assert.ok((final.bytes ?? Infinity) < 0.1 * (build.bytes ?? 0));
    assert.equal(final.basis, 'heuristic');
  });

  it('scratch copying from a stage of unknown size is unknown, not 0', () => {
    const [, final] = estimate('FROM myorg/toolchain AS build\nRUN make\nFROM scratch\nCOPY --from=build /bin/app /app\n');
    assert.equal(final.bytes, null);
    assert.equal(final.basis, 'unknown');
  });
});

describe('estimateStages: COPY from the build context', () => {
  const files = [
    { path: 'src/a.ts', bytes: 1_000 },
    { path: 'src/b.ts', bytes: 2_000 },
    { path: 'assets/logo.png', bytes: 50_000 },
    { path: 'README.md', bytes: 700 },
  ];

  it('counts the real bytes of the matched files (directories, globs, several sources)', () => {
    const [stage] = estimate('FROM scratch\nCOPY src /app/src\nCOPY *.md /docs/\nCOPY . /all\nCOPY src/a.ts assets /mixed/\n', { dockerignore: null, files });
    assert.deepEqual(
      stage.layers.slice(1).map((layer) => layer.bytes),
      [3_000, 700, 53_700, 51_000],
    );
    assert.equal(stage.layers[1].basis, 'table');
    assert.equal(stage.bytes, 3_000 + 700 + 53_700 + 51_000);
  });

  it('an already-compressed file stays its size compressed; text shrinks', () => {
    const [stage] = estimate('FROM scratch\nCOPY assets/logo.png /a\nCOPY src /s\n', { dockerignore: null, files });
    assert.equal(stage.layers[1].compressedBytes, 50_000);
    assert.ok((stage.layers[2].compressedBytes ?? Infinity) < 1_000);
  });

  it('without the context listing the size is a lower bound (≥), never a made-up number', () => {
    const [stage] = estimate('FROM alpine:3.24\nCOPY . /app\n');
    assert.equal(stage.high, null);
    assert.equal(stage.bytes, BASE_IMAGE_TABLE.images['alpine:3.24'].uncompressedBytes);
    const [truncated] = estimate('FROM scratch\nCOPY . /app\n', { dockerignore: null, files, truncated: true });
    assert.equal(truncated.high, null);
  });

  it('COPY --from a path brings what the source stage wrote there', () => {
    const [, final] = estimate('FROM scratch AS build\nCOPY . /src-tree\nFROM scratch\nCOPY --from=build /src-tree/src /app\n', { dockerignore: null, files });
    assert.equal(final.bytes, 3_000);
  });
});

describe('estimateStages: language package managers', () => {
  it('pip: more requirements, more bytes; the cache counts unless --no-cache-dir', () => {
    const text = 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n';
    const few = estimate(text, { dockerignore: null, files: [], manifests: [{ path: 'requirements.txt', text: 'flask==3.0.0\n' }] })[0];
    const many = estimate(text, { dockerignore: null, files: [], manifests: [{ path: 'requirements.txt', text: 'flask==3.0.0\nnumpy==2.0\npandas==2.2\nrequests==2.32\n' }] })[0];
    assert.ok((layerAt(many, 3).bytes ?? 0) > 3 * (layerAt(few, 3).bytes ?? Infinity));
    assert.equal(layerAt(few, 3).basis, 'heuristic');
    const [cached] = estimate('FROM python:3.12-slim\nRUN pip install flask\n');
    const [uncached] = estimate('FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n');
    assert.ok((layerAt(cached, 2).bytes ?? 0) > (layerAt(uncached, 2).bytes ?? Infinity));
  });

  it('npm: an existing node_modules sets the size; a cache cleaned in the same RUN is gone', () => {
    const context: BuildContextInfo = { dockerignore: null, files: [], nodeModulesBytes: 30_500_000 };
    const [stage] = estimate('FROM node:20-slim\nWORKDIR /app\nRUN npm ci && npm cache clean --force\n', context);
    const layer = layerAt(stage, 3);
    assert.equal(layer.bytes, 30_500_000);
    assert.match(layer.note, /workspace node_modules/);
    assert.match(layer.note, /removed in the same RUN/);
  });

  it('maven and gradle leave their repositories unless a cache mount holds them', () => {
    const [plain] = estimate('FROM eclipse-temurin:21-jdk\nRUN ./mvnw package\n');
    const [mounted] = estimate('FROM eclipse-temurin:21-jdk\nRUN --mount=type=cache,target=/root/.m2 ./mvnw package\n');
    assert.ok((layerAt(plain, 2).bytes ?? 0) > (layerAt(mounted, 2).bytes ?? Infinity));
  });
});

describe('estimateStages: what a RUN is not priced for', () => {
  it('names each unpriced program once, in the order first called, and counts it as nothing', () => {
    const [stage] = estimate('FROM debian:bookworm-slim\nRUN curl -o a x && wget y && curl -o b z && mkdir /app\n');
    const layer = layerAt(stage, 2);
    assert.equal(layer.note, 'not estimated (counted as 0): curl, wget');
    assert.equal(layer.bytes, 0);
    assert.equal(layer.basis, 'heuristic');
  });

  it('a RUN that only deletes is a layer of deletion markers; one that writes nothing says so', () => {
    const [stage] = estimate('FROM debian:bookworm-slim\nRUN rm -rf /tmp/x\nRUN mkdir -p /app && chmod 755 /app\n');
    assert.match(layerAt(stage, 2).note, /^only deletes/);
    assert.equal(layerAt(stage, 2).bytes, 8000);
    assert.equal(layerAt(stage, 3).note, 'writes nothing worth counting');
    assert.equal(layerAt(stage, 3).bytes, 0);
  });
});
