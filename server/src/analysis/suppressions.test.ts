import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildModel } from './model';
import { findCheckDirective, findSuppressions, parseCheckDirective } from './suppressions';

const lines = (...text: string[]) => `${text.join('\n')}\n`;
const scopesOf = (text: string) =>
  findSuppressions(buildModel(text)).map(({ source, names, scope, firstLine, lastLine, reason }) => ({
    source,
    names,
    scope,
    firstLine,
    lastLine,
    reason,
  }));

describe('findSuppressions', () => {
  it('reads the three scopes of layerwise and hadolint comments, with reasons', () => {
    const text = lines(
      '# hadolint global ignore=DL3006 # base pinned by renovate',
      'FROM alpine:3.20 AS build',
      '# layerwise ignore=LW101, consecutive-run  the cache is needed',
      'RUN apk add curl \\',
      '    && make',
      '# hadolint stage ignore=DL3018',
      'RUN apk add git',
      'RUN apk add jq',
      'FROM scratch',
      'COPY --from=build /out /',
    );
    assert.deepEqual(scopesOf(text), [
      { source: 'hadolint', names: ['DL3006'], scope: 'file', firstLine: 0, lastLine: Infinity, reason: 'base pinned by renovate' },
      { source: 'layerwise', names: ['LW101', 'consecutive-run'], scope: 'instruction', firstLine: 3, lastLine: 4, reason: 'the cache is needed' },
      { source: 'hadolint', names: ['DL3018'], scope: 'stage', firstLine: 6, lastLine: 7, reason: '' },
    ]);
  });

  it('covers the whole stage, FROM included, when a stage comment sits above the FROM', () => {
    const text = lines('FROM alpine:3.20', '# layerwise stage ignore=LW101', 'FROM debian:12', 'RUN a', 'RUN b');
    assert.deepEqual(scopesOf(text).map(({ firstLine, lastLine }) => [firstLine, lastLine]), [[2, Infinity]]);
  });

  it('ignores look-alikes in heredocs, trailing comments and other wordings', () => {
    const text = lines(
      'FROM alpine:3.20',
      'RUN <<EOF',
      '# hadolint ignore=DL3018',
      'EOF',
      'RUN true # hadolint ignore=DL3018',
      '# hadolint ignore DL3018',
      '# Hadolint ignore=DL3018',
      '# layerwise ignore=',
      'RUN false',
    );
    assert.deepEqual(scopesOf(text), []);
  });

  it('drops an ignore comment with no instruction after it', () => {
    assert.deepEqual(scopesOf(lines('FROM alpine:3.20', '# layerwise ignore=LW101')), []);
  });

  it('reads # check=skip= as a file suppression, and skip=all', () => {
    assert.deepEqual(scopesOf(lines('# check=skip=JSONArgsRecommended,StageNameCasing', 'FROM alpine:3.20')), [
      { source: 'buildkit', names: ['JSONArgsRecommended', 'StageNameCasing'], scope: 'file', firstLine: 0, lastLine: Infinity, reason: '' },
    ]);
    assert.deepEqual(scopesOf(lines('# check = skip = all ; error = true', 'FROM alpine:3.20'))[0]?.names, ['all']);
  });
});

describe('parseCheckDirective (BuildKit semantics)', () => {
  it('reads skip, error and experimental, trimming spaces around keys and values', () => {
    assert.deepEqual(parseCheckDirective(' skip = A, B ;error= true'), { skipAll: false, skip: ['A', 'B'], errorOnWarning: true });
    assert.deepEqual(parseCheckDirective('error=1;experimental=all'), { skipAll: false, skip: [], errorOnWarning: true });
    assert.deepEqual(parseCheckDirective('skip=all;error=False'), { skipAll: true, skip: [], errorOnWarning: false });
    assert.deepEqual(parseCheckDirective(''), { skipAll: false, skip: [], errorOnWarning: false });
  });

  it('rejects what BuildKit rejects: unknown or upper-case keys, parts without =, non-Go booleans', () => {
    for (const value of ['Skip=A', 'skip=A;verbose=1', 'skip=A;oops', 'error=yes', 'error=TRUE;skip=A;error=maybe']) {
      assert.equal(parseCheckDirective(value), null, value);
    }
  });

  it('splits at most three parts, as strings.SplitN does', () => {
    assert.deepEqual(parseCheckDirective('skip=A;error=true;experimental=B;skip=C'), { skipAll: false, skip: ['A'], errorOnWarning: true });
  });

  it('finds the directive only among the parser directives', () => {
    assert.equal(findCheckDirective(buildModel(lines('# check=error=true', 'FROM alpine:3.20')))?.errorOnWarning, true);
    assert.equal(findCheckDirective(buildModel(lines('FROM alpine:3.20', '# check=error=true'))), null);
  });
});
