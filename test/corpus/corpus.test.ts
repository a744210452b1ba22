// The benchmark and fuzz inputs are what their numbers claim: deterministic, of the stated length,
// parseable Dockerfiles of every kind, and the statistics computed over them are right.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DockerfileParser } from 'dockerfile-ast';
import { analyze } from '../../server/src/analysis/engine';
import { median, percentile } from '../../scripts/bench/stats';
import { shapeCounts } from '../../scripts/bench/superlinear';
import { dockerfileShapedText } from '../../scripts/fuzz/generator';
import { CORPUS_KINDS, realisticCorpus } from './realistic';
import { concatenatedDockerfileParts, concatenatedDockerfiles, syntheticDockerfile } from './synthetic';

const lineCount = (text: string) => text.split(/\r\n|\r|\n/).length - (/(\r\n|\r|\n)$/.test(text) ? 1 : 0);

describe('benchmark corpus', () => {
  it('has every kind, in LF and CRLF, each with at least one stage and no rule failure', () => {
    const corpus = realisticCorpus();
    assert.equal(new Set(corpus.map((file) => file.kind.replace(' (CRLF)', ''))).size, CORPUS_KINDS.length);
    assert.ok(corpus.some((file) => file.text.includes('\r\n')));
    for (const file of corpus) {
      const result = analyze(file.text);
      assert.ok(result.model.stages.length > 0, `${file.kind} has a stage`);
      assert.deepEqual(result.internalErrors, [], file.kind);
    }
  });

  it('builds synthetic files of the asked length, the same for the same seed', () => {
    for (const lines of [50, 1_000, 5_000]) {
      const text = syntheticDockerfile(lines);
      // The cut may step back a few lines so that no instruction is left open.
      assert.ok(lineCount(text) <= lines && lineCount(text) > lines - 6, `${lines}: got ${lineCount(text)}`);
      assert.equal(text, syntheticDockerfile(lines));
      assert.ok(DockerfileParser.parse(text).getFROMs().length >= Math.floor(lines / 250));
    }
    assert.notEqual(syntheticDockerfile(1_000, 1), syntheticDockerfile(1_000, 2));
  });

  it('pastes Dockerfiles together up to the asked size', () => {
    const text = concatenatedDockerfiles(64 * 1024);
    assert.ok(text.length >= 64 * 1024);
    assert.equal(text, concatenatedDockerfileParts(64 * 1024).join('\n'));
    const { comments, froms } = shapeCounts(text);
    assert.ok(comments > 0 && froms > comments, `${comments} comments, ${froms} FROMs`);
  });
});

describe('fuzz generator', () => {
  it('is deterministic and covers the shapes it promises', () => {
    assert.equal(dockerfileShapedText(42), dockerfileShapedText(42));
    const sample = Array.from({ length: 3_000 }, (_, seed) => dockerfileShapedText(seed));
    const share = (test: (text: string) => boolean) => sample.filter(test).length / sample.length;
    assert.ok(share((text) => text.includes('\r\n')) > 0.1, 'CRLF');
    assert.ok(share((text) => text.startsWith('\uFEFF')) > 0.01, 'BOM');
    assert.ok(share((text) => /<<-?['"]?(EOF|END|eot|X)/.test(text)) > 0.1, 'heredocs');
    assert.ok(share((text) => /# escape=/.test(text)) > 0.02, 'escape directives');
    assert.ok(share((text) => /\\(\r\n|\r|\n)/.test(text)) > 0.3, 'continuations');
    assert.ok(share((text) => /[\u0000-\u0008\u0080-\u00ff]/.test(text)) > 0.1, 'binary bytes');
    assert.ok(share((text) => /[\uD800-\uDFFF]/.test(text)) > 0.02, 'astral or lone surrogates');
    assert.ok(share((text) => /^\s*FROM /m.test(text)) > 0.7, 'mostly with a FROM');
  });
});

describe('benchmark statistics', () => {
  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    assert.equal(median(values), 50);
    assert.equal(percentile(values, 99), 99);
    assert.equal(percentile([3, 1, 2], 99), 3);
    assert.equal(median([5]), 5);
    assert.ok(Number.isNaN(median([])));
  });
});
