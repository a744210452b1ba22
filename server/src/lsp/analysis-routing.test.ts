// Where a document is analysed, and whether the worker may treat its cost as following its size.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_MAIN_THREAD_MAX_BYTES, routeFor } from './analysis-routing';

const ordinary = (stages: number) =>
  Array.from({ length: stages }, (_, stage) => `# stage ${stage}\nFROM alpine:3.20 AS s${stage}\nRUN apk add --no-cache curl\n`).join('');
const quadratic = (pairs: number) => '# note\nFROM alpine:3.20\n'.repeat(pairs);

describe('routeFor', () => {
  it('analyses a small ordinary file on the main thread', () => {
    assert.deepEqual(routeFor(ordinary(10)), { onMainThread: true, linear: true });
  });

  it('sends a big ordinary file to the worker as one whose size predicts its cost', () => {
    const text = `${ordinary(1)}${'RUN echo "a line that makes the file big"\n'.repeat(2_000)}`;
    assert.ok(text.length > DEFAULT_MAIN_THREAD_MAX_BYTES);
    assert.deepEqual(routeFor(text), { onMainThread: false, linear: true });
  });

  it('sends the quadratic shape to the worker, however small, as one that may take long', () => {
    const text = quadratic(400);
    assert.ok(text.length < DEFAULT_MAIN_THREAD_MAX_BYTES);
    assert.deepEqual(routeFor(text), { onMainThread: false, linear: false });
  });

  it('counts bytes, not UTF-16 units, against the limit', () => {
    const text = `FROM alpine\n# ${'é'.repeat(600)}\n`;
    assert.deepEqual(routeFor(text, 1_000), { onMainThread: false, linear: true });
    assert.deepEqual(routeFor(text, 2_000), { onMainThread: true, linear: true });
  });
});
