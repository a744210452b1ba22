import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel } from '../model';
import { BASE_IMAGE_TABLE } from './base-image-table';
import { estimateStages } from './estimate';

describe('estimateStages (base image only)', () => {
  it('node:20: the table number, with ±10 % because it was derived from the compressed size', () => {
    const entry = BASE_IMAGE_TABLE.images['node:20'];
    assert.equal(entry.uncompressedDerived, true);
    const [estimate] = estimateStages(buildModel('FROM node:20\nRUN npm ci\n'));
    assert.equal(estimate.bytes, entry.uncompressedBytes);
    assert.equal(estimate.compressedBytes, entry.compressedBytes);
    assert.equal(estimate.low, Math.round((entry.uncompressedBytes ?? 0) * 0.9));
    assert.equal(estimate.high, Math.round((entry.uncompressedBytes ?? 0) * 1.1));
    assert.equal(estimate.basis, 'table');
    assert.equal(estimate.buildOnly, false);
    assert.equal(estimate.stageIndex, 0);
  });

  it('a measured size is exact', () => {
    const entry = BASE_IMAGE_TABLE.images['python:3.12-slim'];
    assert.equal(entry.uncompressedDerived, undefined);
    const [estimate] = estimateStages(buildModel('FROM python:3.12.4-slim-bookworm\n'));
    assert.deepEqual([estimate.bytes, estimate.low, estimate.high], [entry.uncompressedBytes, entry.uncompressedBytes, entry.uncompressedBytes]);
  });

  it('FROM <stage> inherits that stage’s estimate; build-only stages are marked', () => {
    const model = buildModel('FROM node:20-slim AS base\nFROM base AS build\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\n');
    const [base, build, final] = estimateStages(model);
    assert.equal(build.bytes, base.bytes);
    assert.equal(build.low, base.low);
    assert.equal(build.high, base.high);
    assert.equal(build.basis, 'table');
    assert.equal(build.buildOnly, true);
    assert.equal(final.bytes, BASE_IMAGE_TABLE.images['gcr.io/distroless/static-debian12'].uncompressedBytes);
    assert.equal(final.buildOnly, false);
    assert.match(build.layers[0].note, /stage base/);
  });

  it('scratch is 0 bytes, from the table basis', () => {
    const [estimate] = estimateStages(buildModel('FROM scratch\nCOPY app /app\n'));
    assert.deepEqual([estimate.bytes, estimate.low, estimate.high, estimate.basis], [0, 0, 0, 'table']);
  });

  it('an unknown image or an unresolved variable is unknown, never a guess', () => {
    for (const text of ['FROM node:18\n', 'FROM myorg/app:1.0\n', 'ARG BASE\nFROM $BASE\n']) {
      const [estimate] = estimateStages(buildModel(text));
      assert.deepEqual([estimate.bytes, estimate.low, estimate.high, estimate.compressedBytes, estimate.basis], [null, null, null, null, 'unknown'], text);
    }
  });

  it('one layer for now: the base, pointing at the FROM instruction', () => {
    const model = buildModel('ARG V=20\nFROM node:${V}-alpine\nRUN true\n');
    const [estimate] = estimateStages(model);
    assert.equal(estimate.layers.length, 1);
    const [layer] = estimate.layers;
    assert.equal(layer.keyword, 'FROM');
    assert.equal(layer.line, 1);
    assert.equal(model.instructions[layer.instructionIndex], model.stages[0].from);
    assert.equal(layer.bytes, estimate.bytes);
    assert.match(layer.note, /node:20-alpine/);
  });

  it('no stages, no estimates', () => {
    assert.deepEqual(estimateStages(buildModel('# nothing\n')), []);
  });
});
