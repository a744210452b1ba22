// Hover with sizes: over FROM, the stage's per-instruction table (a dive before the build); over a
// RUN, COPY or ADD, that layer's estimate and where the number comes from.
import type { Hover, Position } from 'vscode-languageserver';
import { layerHoverMarkdown, stageTableMarkdown } from '../analysis/size/breakdown';
import type { SizeMeasure } from '../analysis/size/format';
import type { Range } from '../analysis/rule';
import type { DocumentAnalysis } from './document-analysis';

function contains(range: Range, position: Position): boolean {
  const { start, end } = range;
  if (position.line < start.line || position.line > end.line) return false;
  if (position.line === start.line && position.character < start.character) return false;
  if (position.line === end.line && position.character > end.character) return false;
  return true;
}

export function sizeHoverFor(analysis: DocumentAnalysis, position: Position, measure: SizeMeasure = 'uncompressed'): Hover | null {
  if (analysis.kind !== 'analysed') return null;
  const { result } = analysis;
  for (const estimate of result.estimates) {
    for (const layer of estimate.layers) {
      const range = result.layout.instructionRanges[layer.instructionIndex];
      if (!range || !contains(range, position)) continue;
      if (layer.keyword === 'FROM' && layer.instructionIndex === result.layout.stageFroms[estimate.stageIndex]) {
        const summary = result.stages.find((stage) => stage.index === estimate.stageIndex);
        if (!summary) return null;
        return { contents: { kind: 'markdown', value: stageTableMarkdown(summary, estimate, measure, result.stages) }, range };
      }
      return { contents: { kind: 'markdown', value: layerHoverMarkdown(layer, measure) }, range };
    }
  }
  return null;
}
