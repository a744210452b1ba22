// How estimates are shown: the CodeLens title, the hover of an instruction, the per-instruction table
// of a stage ("a dive before the build") and the Markdown the copy command puts on the clipboard.
// Pure text, shared by the editor and the CLI.
import type { StageSummary } from '../engine-types';
import { displayedBytes, formatBytes, formatEstimate, formatRange, isLowerBoundOnly, measuredBytes, type SizeMeasure } from './format';
import type { LayerEstimate, SizeEstimate, StageEstimate } from './types';

const BASIS_WORDS: Record<SizeEstimate['basis'], string> = {
  table: 'measured data',
  heuristic: 'heuristic',
  unknown: 'unknown',
};

function stageName(stage: Pick<StageSummary, 'name' | 'index'>): string {
  return stage.name ?? `stage ${stage.index}`;
}

/**
 * The saving of the shipped stage against the biggest other stage of a multi-stage build, as a
 * whole percentage; null when there is nothing to compare or a size is unknown.
 */
export function savingAgainstBiggest(stages: readonly StageSummary[], shipped: StageSummary, measure: SizeMeasure = 'uncompressed'): { percent: number; against: StageSummary } | null {
  const own = measuredBytes(shipped.estimate, measure);
  if (own === null || stages.length < 2) return null;
  let biggest: StageSummary | null = null;
  for (const stage of stages) {
    const bytes = measuredBytes(stage.estimate, measure);
    if (stage === shipped || bytes === null) continue;
    if (biggest === null || bytes > (measuredBytes(biggest.estimate, measure) ?? 0)) biggest = stage;
  }
  const biggestBytes = biggest ? measuredBytes(biggest.estimate, measure) : null;
  if (!biggest || biggestBytes === null || biggestBytes <= own) return null;
  // Never round a real stage down to "−100 %": that reads as an empty image.
  const percent = Math.round((1 - own / biggestBytes) * 100);
  return { percent: own > 0 ? Math.min(percent, 99) : percent, against: biggest };
}

/** `≈ 182 MB est. · ships · −84 % vs build`, `≈ 1.1 GB est. · build only`. */
export function stageLensTitle(stages: readonly StageSummary[], stage: StageSummary, measure: SizeMeasure = 'uncompressed'): string {
  const title = `${formatEstimate(stage.estimate, measure)} · ${stage.ships ? 'ships' : 'build only'}`;
  if (!stage.ships) return title;
  const saving = savingAgainstBiggest(stages, stage, measure);
  return saving ? `${title} · −${saving.percent} % vs ${stageName(saving.against)}` : title;
}

function sizeCell(estimate: SizeEstimate, measure: SizeMeasure, sign: string): string {
  const bytes = displayedBytes(estimate, measure);
  if (bytes === null) return 'unknown';
  const prefix = isLowerBoundOnly(estimate) ? '≥ ' : '';
  return `${prefix}${sign}${formatBytes(bytes)}`;
}

/** Keeps "+150 MB" on one line in the narrow columns of the stage table. */
function nonBreaking(text: string): string {
  return text.replace(/ /g, '\u00a0');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** Hover over a RUN/COPY/ADD: its layer, its range and where the number comes from. */
export function layerHoverMarkdown(layer: LayerEstimate, measure: SizeMeasure = 'uncompressed'): string {
  const isBase = layer.keyword === 'FROM';
  const size = sizeCell(layer, measure, isBase ? '' : '+');
  const range = formatRange(layer);
  const compressed = measure === 'uncompressed' && layer.compressedBytes !== null ? ` · ${formatBytes(layer.compressedBytes)} compressed` : '';
  const lines = [
    `**Layer estimate: ${size}**${compressed}${range && range !== formatBytes(layer.bytes ?? -1) ? ` (range ${range})` : ''}`,
    '',
    `Basis: ${BASIS_WORDS[layer.basis]}. ${layer.note}`,
  ];
  return lines.join('\n');
}

/** The per-instruction table of a stage, for the hover over FROM and the copied breakdown. */
export function stageTableMarkdown(summary: StageSummary, estimate: StageEstimate, measure: SizeMeasure = 'uncompressed', stages?: readonly StageSummary[]): string {
  const heading = `**${escapeCell(stageName(summary))}** (FROM ${escapeCell(summary.base)}): ${stages ? stageLensTitle(stages, summary, measure) : formatEstimate(estimate, measure)}`;
  const total = formatRange(estimate);
  const rows = estimate.layers.map((layer) => {
    const sign = layer.keyword === 'FROM' ? '' : '+';
    return `| ${layer.line + 1} | ${layer.keyword} | ${nonBreaking(sizeCell(layer, measure, sign))} | ${nonBreaking(formatRange(layer) || '–')} | ${BASIS_WORDS[layer.basis]} | ${escapeCell(layer.note)} |`;
  });
  return [
    heading,
    '',
    '| line | instruction | size | range | basis | what |',
    '|---:|---|---:|---|---|---|',
    ...rows,
    '',
    `Total ${formatEstimate(estimate, measure)}${total ? ` (range ${total})` : ''}${estimate.buildOnly ? ', build only: not part of the shipped image' : ''}.`,
  ].join('\n');
}

/** Every stage, for `layerwise.copyStageBreakdown` and the README example. */
export function breakdownMarkdown(stages: readonly StageSummary[], estimates: readonly StageEstimate[], measure: SizeMeasure = 'uncompressed'): string {
  const sections = stages.map((summary) => {
    const estimate = estimates.find((candidate) => candidate.stageIndex === summary.index);
    return estimate ? stageTableMarkdown(summary, estimate, measure, stages) : `**${stageName(summary)}**: ${formatEstimate(summary.estimate, measure)}`;
  });
  return `${sections.join('\n\n')}\n\nEstimates made before the build by Layerwise (sizes as ${measure === 'compressed' ? 'a pull transfers them, compressed' : '`docker images` shows them, uncompressed'}).\n`;
}
