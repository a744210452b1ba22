// A CodeLens above each FROM: the stage's estimated size and whether it ships. Clicking it asks
// the client to show the stage's breakdown, formatted here so the client stays free of analysis.
import type { CodeLens } from 'vscode-languageserver';
import type { AnalysisResult, StageSummary } from '../analysis/engine-types';
import { formatEstimate } from '../analysis/size/format';
import type { DocumentAnalysis } from './document-analysis';

export const SHOW_STAGE_BREAKDOWN_COMMAND = 'layerwise.showStageBreakdown';

/** The argument of `layerwise.showStageBreakdown`: plain text, ready to show. */
export interface StageBreakdown {
  stage: string;
  summary: string;
  layers: string[];
}

export function lensTitle(stage: StageSummary): string {
  return `${formatEstimate(stage.estimate)} · ${stage.ships ? 'ships' : 'build only'}`;
}

function stageLabel(stage: StageSummary): string {
  const name = stage.name ?? `stage ${stage.index}`;
  return `${name} (FROM ${stage.base})`;
}

export function stageBreakdown(result: AnalysisResult, stage: StageSummary): StageBreakdown {
  const estimate = result.estimates.find((candidate) => candidate.stageIndex === stage.index);
  const layers = (estimate?.layers ?? []).map((layer) => {
    const note = layer.note ? ` — ${layer.note}` : '';
    return `line ${layer.line + 1} ${layer.keyword}: ${formatEstimate(layer)}${note}`;
  });
  return { stage: stageLabel(stage), summary: lensTitle(stage), layers };
}

export function codeLensesFor(analysis: DocumentAnalysis): CodeLens[] {
  if (analysis.kind !== 'analysed') return [];
  const { result } = analysis;
  return result.stages.map((stage) => {
    const position = { line: stage.line, character: 0 };
    return {
      range: { start: position, end: position },
      command: {
        title: lensTitle(stage),
        command: SHOW_STAGE_BREAKDOWN_COMMAND,
        arguments: [stageBreakdown(result, stage)],
      },
    };
  });
}
