// Base-image sizes the door learnt elsewhere (the editor's opt-in registry lookup), passed in as data.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../engine';
import type { ExtraBaseImage } from '../engine-types';
import { buildModel } from '../model';
import { COMPRESSION_SPREAD } from './amount';
import { BASE_IMAGE_TABLE } from './base-image-table';
import { estimateStages } from './estimate';

const MB = 1_000_000;
const fromRegistry = (compressedBytes: number): ExtraBaseImage => ({ compressedBytes, source: 'the example.org manifest' });

describe('estimateStages: extra base images', () => {
  it('prices an image the table does not know: compressed exact, uncompressed derived with the ratio, a heuristic', () => {
    const compressed = 40 * MB;
    const [unknown] = estimateStages(buildModel('FROM example.org/team/app:1\n'), BASE_IMAGE_TABLE);
    assert.equal(unknown.basis, 'unknown');

    const [stage] = estimateStages(buildModel('FROM example.org/team/app:1\n'), BASE_IMAGE_TABLE, undefined, { 'example.org/team/app:1': fromRegistry(compressed) });
    const [lowest, highest] = COMPRESSION_SPREAD.packages;
    assert.equal(stage.compressedBytes, compressed);
    assert.equal(stage.compressedLow, compressed);
    assert.equal(stage.compressedHigh, compressed);
    assert.equal(stage.bytes, Math.round(compressed * BASE_IMAGE_TABLE.uncompressedPerCompressed));
    assert.equal(stage.low, Math.round(compressed * lowest));
    assert.equal(stage.high, Math.round(compressed * highest));
    assert.equal(stage.basis, 'heuristic');
    assert.match(stage.layers[0].note, /example\.org manifest.*×2\.6/);
  });

  it('later layers add to it, and a stage built FROM it inherits it', () => {
    const text = 'FROM example.org/team/app:1 AS base\nCOPY big.bin /srv/\nFROM base\n';
    const context = { dockerignore: null, files: [{ path: 'big.bin', bytes: 5 * MB }] };
    const { stages } = analyze(text, { buildContext: context, extraBaseImages: { 'example.org/team/app:1': fromRegistry(10 * MB) } });
    assert.ok((stages[0].estimate.bytes ?? 0) > 10 * MB * BASE_IMAGE_TABLE.uncompressedPerCompressed);
    assert.equal(stages[1].estimate.bytes, stages[0].estimate.bytes);
  });

  it('the table wins over an extra size, and bad extra data is ignored', () => {
    const table = estimateStages(buildModel('FROM node:20-slim\n'), BASE_IMAGE_TABLE)[0];
    const withExtra = estimateStages(buildModel('FROM node:20-slim\n'), BASE_IMAGE_TABLE, undefined, { 'node:20-slim': fromRegistry(1) })[0];
    assert.deepEqual(withExtra, table);
    for (const bad of [Number.NaN, -1, Number.POSITIVE_INFINITY]) {
      const [stage] = estimateStages(buildModel('FROM example.org/x\n'), BASE_IMAGE_TABLE, undefined, { 'example.org/x': fromRegistry(bad) });
      assert.equal(stage.basis, 'unknown', String(bad));
    }
    const inherited = estimateStages(buildModel('FROM toString\n'), BASE_IMAGE_TABLE, undefined, {})[0];
    assert.equal(inherited.basis, 'unknown', 'a key inherited from Object.prototype is no size');
  });
});
