// `--sizes`: a table of the stages of one Dockerfile with their estimated size, and under each stage
// the layers the estimate is made of.
import type { StageSummary } from '../analysis/engine-types';
import { savingAgainstBiggest } from '../analysis/size/breakdown';
import type { LayerEstimate, StageEstimate } from '../analysis/size/types';
import { padEnd, type Palette } from './colors';
import { describeEstimate, describeRange, formatBytes } from './size-text';

function table(rows: readonly string[][], indent: string): string[] {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) =>
    (indent + row.map((cell, column) => (column === row.length - 1 ? cell : padEnd(cell, widths[column]))).join('  ')).trimEnd(),
  );
}

function layerLine(layer: LayerEstimate, palette: Palette): string {
  // The base image is where a stage starts; every later layer adds to it.
  const sign = layer.keyword === 'FROM' ? '' : '+';
  const size = layer.bytes === null ? 'unknown' : `${sign}${formatBytes(layer.bytes)}`;
  const note = layer.note ? `  ${palette.dim(layer.note)}` : '';
  return `        line ${String(layer.line + 1).padEnd(4)} ${layer.keyword.padEnd(10)} ${size.padEnd(10)}${note}`.trimEnd();
}

/** ` (−84 % vs build)` on the shipped stage of a multi-stage build. */
function savingText(stages: readonly StageSummary[], stage: StageSummary): string {
  const saving = stage.ships ? savingAgainstBiggest(stages, stage) : null;
  return saving ? ` (−${saving.percent} % vs ${saving.against.name ?? `stage ${saving.against.index}`})` : '';
}

export function renderSizeTable(
  stages: readonly StageSummary[],
  estimates: readonly StageEstimate[],
  palette: Palette,
): string[] {
  const header = ['#', 'stage', 'base', 'line', 'role', 'estimate', 'range', 'basis'];
  const rows = stages.map((stage) => [
    String(stage.index),
    stage.name ?? '-',
    stage.base,
    String(stage.line + 1),
    stage.roles.length > 0 ? stage.roles.join(', ') : stage.ships ? 'ships' : 'unused',
    describeEstimate(stage.estimate) + savingText(stages, stage),
    describeRange(stage.estimate),
    stage.estimate.basis,
  ]);
  const [headerLine, ...stageLines] = table([header, ...rows], '    ');
  const lines = ['  ' + palette.bold('Sizes'), palette.dim(headerLine)];
  stages.forEach((stage, position) => {
    lines.push(stage.ships ? palette.bold(stageLines[position]) : stageLines[position]);
    const layers = estimates.find((estimate) => estimate.stageIndex === stage.index)?.layers ?? [];
    lines.push(...layers.map((layer) => layerLine(layer, palette)));
  });
  return lines;
}
