// A CodeLens above each FROM: the stage's estimated size, whether it ships and, on the shipped stage of
// a multi-stage build, the saving against the biggest stage. Clicking it asks the client to show the
// stage's breakdown, formatted here so the client stays free of analysis.
import type { CodeLens } from 'vscode-languageserver';
import type { AnalysisResult, StageSummary } from '../analysis/engine-types';
import { breakdownMarkdown, stageLensTitle } from '../analysis/size/breakdown';
import { formatEstimate, type SizeMeasure } from '../analysis/size/format';
import type { DocumentAnalysis } from './document-analysis';

export const SHOW_STAGE_BREAKDOWN_COMMAND = 'layerwise.showStageBreakdown';
export const COPY_STAGE_BREAKDOWN_COMMAND = 'layerwise.copyStageBreakdown';

/** The argument of `layerwise.showStageBreakdown` (and of the copy command): plain text, ready to show. */
export interface StageBreakdown {
  stage: string;
  summary: string;
  layers: string[];
  /** Every stage as Markdown tables, for `layerwise.copyStageBreakdown`. */
  markdown: string;
}

export function lensTitle(stage: StageSummary, stages: readonly StageSummary[] = [stage], measure: SizeMeasure = 'uncompressed'): string {
  return stageLensTitle(stages, stage, measure);
}

function stageLabel(stage: StageSummary): string {
  const name = stage.name ?? `stage ${stage.index}`;
  return `${name} (FROM ${stage.base})`;
}

export function stageBreakdown(result: Pick<AnalysisResult, 'stages' | 'estimates'>, stage: StageSummary, measure: SizeMeasure = 'uncompressed'): StageBreakdown {
  const estimate = result.estimates.find((candidate) => candidate.stageIndex === stage.index);
  const layers = (estimate?.layers ?? []).map((layer) => {
    const note = layer.note ? ` — ${layer.note}` : '';
    return `line ${layer.line + 1} ${layer.keyword}: ${formatEstimate(layer, measure)}${note}`;
  });
  return {
    stage: stageLabel(stage),
    summary: lensTitle(stage, result.stages, measure),
    layers,
    markdown: breakdownMarkdown(result.stages, result.estimates, measure),
  };
}

export function codeLensesFor(analysis: DocumentAnalysis, measure: SizeMeasure = 'uncompressed'): CodeLens[] {
  if (analysis.kind !== 'analysed') return [];
  const { result } = analysis;
  return result.stages.map((stage) => {
    const position = { line: stage.line, character: 0 };
    return {
      range: { start: position, end: position },
      command: {
        title: lensTitle(stage, result.stages, measure),
        command: SHOW_STAGE_BREAKDOWN_COMMAND,
        arguments: [stageBreakdown(result, stage, measure)],
      },
    };
  });
}
