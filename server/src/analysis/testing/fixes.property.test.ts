// Every fix of every rule, on random Dockerfiles assembled from realistic lines (and broken ones):
// the verifier's four properties must hold, and no rule may throw.
//
// The seed is fixed so that a run replays; try others with LAYERWISE_PROPERTY_SEED=<integer> (and more
// inputs with LAYERWISE_PROPERTY_RUNS=<count>), e.g.
//   LAYERWISE_PROPERTY_SEED=7 node --import tsx --test server/src/analysis/testing/fixes.property.test.ts
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../engine';
import { verifyAllFixes } from './verify-fix';

const FROMS = ['FROM debian:12', 'FROM alpine:3.20 AS base', 'FROM base', 'FROM node:20-slim', 'FROM scratch', 'FROM gcr.io/distroless/static-debian12'];
const LINES = [
  ...FROMS,
  'RUN apt-get update',
  'RUN apt-get install -y --no-install-recommends curl',
  'RUN apt-get update && apt-get install -y git',
  'RUN rm -rf /var/lib/apt/lists/*',
  'RUN apk add curl',
  'RUN apk update',
  'RUN rm -rf /var/cache/apk/*',
  'RUN curl -o /tmp/x.tgz https://example.com/x.tgz && tar -xzf /tmp/x.tgz -C /opt',
  'RUN rm /tmp/x.tgz',
  'RUN mkdir -p /app',
  'RUN chmod 700 /app && chown 1000 /app',
  'RUN cd /tmp; ls',
  'RUN test -d /data || mkdir /data',
  'RUN (cd /src && make) || true',
  'RUN a &',
  'RUN useradd -r app',
  'RUN ["apk", "add", "jq"]',
  'RUN <<EOF\napt-get update\napt-get install -y jq\nEOF',
  'RUN echo one \\\n    && echo two',
  'RUN echo "unterminated',
  'RUN <<EOF',
  'RUN a \\',
  'ONBUILD RUN apt-get update',
  'ONBUILD ADD . /app',
  'SHELL ["/bin/bash", "-c"]',
  'ADD app.py /app/',
  'ADD https://example.com/tool.tgz /opt/',
  'COPY . /tmp/',
  'WORKDIR /app',
  'ENV PATH=/opt/bin:$PATH',
  'USER root',
  'USER app',
  '# a comment',
  '',
  'HEALTHCHECK CMD curl -f http://localhost/',
  'CMD ["/app/run"]',
  'ENTRYPOINT ["/app/run"]',
];

const dockerfile = fc
  .record({
    first: fc.constantFrom(...FROMS),
    lines: fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 9 }),
    eol: fc.constantFrom('\n', '\n', '\r\n'),
    backtick: fc.boolean(),
  })
  .map(({ first, lines, eol, backtick }) => {
    const body = [first, ...lines].join('\n');
    const text = backtick ? `# escape=\`\n${body.replace(/\\\n/g, '`\n')}` : body;
    return `${text}\n`.replace(/\n/g, eol);
  });

const SEED = integerFromEnvironment('LAYERWISE_PROPERTY_SEED') ?? 20260514;
const RUNS = integerFromEnvironment('LAYERWISE_PROPERTY_RUNS') ?? 150;

function integerFromEnvironment(name: string): number | null {
  const value = process.env[name];
  if (value === undefined || value.trim() === '') return null;
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed)) throw new Error(`${name} must be an integer, not ${JSON.stringify(value)}`);
  return parsed;
}

describe('fix properties on random Dockerfiles', () => {
  it('every fix verifies and no rule throws', () => {
    fc.assert(
      fc.property(dockerfile, (text) => {
        assert.deepEqual(analyze(text, { estimateSizes: false }).internalErrors, []);
        verifyAllFixes(text);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
