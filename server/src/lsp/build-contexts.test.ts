import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { BuildContextInfo } from '../analysis/engine-types';
import { BuildContexts } from './build-contexts';
import type { Logger } from './logger';

const silent: Logger = { info: () => undefined, error: () => undefined };

/** Resolves with the next arrival, or fails after a deadline. */
function arrival(): { notify: (uris: string[]) => void; next: () => Promise<string[]> } {
  let resolve: ((uris: string[]) => void) | null = null;
  const pending: string[][] = [];
  return {
    notify: (uris) => (resolve ? (resolve(uris), (resolve = null)) : pending.push(uris)),
    next: () =>
      pending.length > 0
        ? Promise.resolve(pending.shift() as string[])
        : new Promise((done, fail) => {
            const timer = setTimeout(() => fail(new Error('no context arrived within 2 s')), 2000);
            resolve = (uris) => (clearTimeout(timer), done(uris));
          }),
  };
}

describe('BuildContexts', () => {
  const uri = pathToFileURL(join(tmpdir(), 'lw-project', 'Dockerfile')).toString();

  it('answers at once without a context, reads in the background and reports the arrival', async () => {
    const events = arrival();
    let reads = 0;
    const context: BuildContextInfo = { dockerignore: null, files: [{ path: 'a', bytes: 1 }] };
    const contexts = new BuildContexts(silent, events.notify, async () => (reads++, context));
    assert.equal(contexts.contextFor(uri), undefined);
    assert.deepEqual(await events.next(), [uri]);
    assert.equal(contexts.contextFor(uri), context);
    assert.equal(reads, 1, 'cached while fresh');
  });

  it('reads again after the TTL or a change, and keeps the old object when nothing changed', async () => {
    const events = arrival();
    let clock = 0;
    let bytes = 1;
    const contexts = new BuildContexts(silent, events.notify, async () => ({ dockerignore: null, files: [{ path: 'a', bytes }] }), 1000, () => clock);
    contexts.contextFor(uri);
    await events.next();
    const first = contexts.contextFor(uri);
    clock = 5000;
    contexts.contextFor(uri);
    // Let the background read settle (promise callbacks only, no timer).
    await new Promise((done) => setImmediate(done));
    assert.equal(contexts.contextFor(uri), first, 'an unchanged folder keeps its object');
    bytes = 2;
    contexts.changed();
    contexts.contextFor(uri);
    await events.next();
    const second = contexts.contextFor(uri);
    assert.notEqual(second, first);
    assert.equal(second?.files?.[0].bytes, 2);
  });

  it('ignores documents that are not files', () => {
    const contexts = new BuildContexts(silent, () => assert.fail('no read expected'), async () => assert.fail('no read expected'));
    assert.equal(contexts.contextFor('untitled:Untitled-1'), undefined);
  });
});
