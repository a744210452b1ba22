import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../engine';
import { breakdownMarkdown, layerHoverMarkdown, savingAgainstBiggest, stageLensTitle, stageTableMarkdown } from './breakdown';

const MULTI_STAGE = 'FROM golang:1.25-bookworm AS build\nWORKDIR /src\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\n';

describe('stage lens titles', () => {
  const result = analyze(MULTI_STAGE);
  const [build, shipped] = result.stages;

  it('say estimate, role and, on the shipped stage, the saving against the biggest stage', () => {
    assert.match(stageLensTitle(result.stages, build), /^≈ [\d.]+ [MG]B est\. · build only$/);
    const saving = savingAgainstBiggest(result.stages, shipped);
    assert.ok(saving && saving.percent > 90 && saving.against === build);
    assert.equal(stageLensTitle(result.stages, shipped), `≈ ${stageLensTitle(result.stages, shipped).split('≈ ')[1].split(' · ')[0]} · ships · −${saving.percent} % vs build`);
  });

  it('a single stage has nothing to compare with; compressed is labelled as such', () => {
    const single = analyze('FROM alpine:3.24\n');
    assert.equal(savingAgainstBiggest(single.stages, single.stages[0]), null);
    assert.match(stageLensTitle(single.stages, single.stages[0], 'compressed'), /^≈ 3\.8 MB est\. compressed · ships$/);
  });
});

describe('hover and copied Markdown', () => {
  const result = analyze(MULTI_STAGE);

  it('a layer hover gives its size, range and basis', () => {
    const layer = result.estimates[0].layers[1];
    const text = layerHoverMarkdown(layer);
    assert.match(text, /^\*\*Layer estimate: \+[\d.]+ MB\*\*/);
    assert.match(text, /range [\d.]+ MB–[\d.]+ MB/);
    assert.match(text, /Basis: heuristic\. go build/);
  });

  it('the FROM hover is a table with one row per layer', () => {
    const table = stageTableMarkdown(result.stages[0], result.estimates[0]);
    const rows = table.split('\n').filter((line) => /^\| \d+ \|/.test(line));
    assert.equal(rows.length, result.estimates[0].layers.length);
    assert.match(table, /build only/);
  });

  it('the breakdown covers every stage and escapes table cells', () => {
    const markdown = breakdownMarkdown(result.stages, result.estimates);
    assert.equal((markdown.match(/\| line \| instruction \|/g) ?? []).length, 2);
    const piped = analyze('FROM debian:bookworm-slim\nRUN apt-get install -y --no-install-recommends jq | tee x\n');
    assert.ok(!/[^\\]\| tee/.test(breakdownMarkdown(piped.stages, piped.estimates)));
  });
});
