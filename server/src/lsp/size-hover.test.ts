import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../analysis/engine';
import { toPortableAnalysis } from './portable-analysis';
import { sizeHoverFor } from './size-hover';

const TEXT = 'FROM debian:bookworm-slim\nRUN apt-get update \\\n  && apt-get install -y --no-install-recommends jq\nEXPOSE 80\n';

function markdownAt(line: number, character = 2, measure: 'uncompressed' | 'compressed' = 'uncompressed'): string | null {
  const hover = sizeHoverFor({ kind: 'analysed', result: toPortableAnalysis(analyze(TEXT)) }, { line, character }, measure);
  if (!hover) return null;
  const contents = hover.contents as { kind: string; value: string };
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

describe('sizeHoverFor', () => {
  it('over FROM: the per-instruction table of the stage', () => {
    const text = markdownAt(0);
    assert.match(text ?? '', /\| line \| instruction \| size \|/);
    assert.match(text ?? '', /\| 2 \| RUN \| \+[\d.]+\u00a0MB \|/);
  });

  it('over any line of a RUN: that layer, with its basis', () => {
    for (const line of [1, 2]) assert.match(markdownAt(line) ?? '', /^\*\*Layer estimate: \+[\d.]+ MB\*\*.*\n\nBasis: measured data\. apt: 3 new packages/);
    assert.match(markdownAt(1, 2, 'compressed') ?? '', /Layer estimate: \+[\d.]+ (MB|KB)\*\*/);
  });

  it('nothing over instructions that make no layer, nor for documents not analysed', () => {
    assert.equal(markdownAt(3), null);
    assert.equal(sizeHoverFor({ kind: 'disabled' }, { line: 0, character: 0 }), null);
  });
});
