// What the language server keeps of an analysis: plain data only, so that it crosses from the
// analysis worker by structured clone and the dockerfile-ast objects of the model can be freed.
import type { AnalysisResult } from '../analysis/engine-types';
import type { Range } from '../analysis/rule';
import { suppressionLayoutOf, type SuppressionLayout } from '../analysis/suppression-edits';

/** The parts of the model the editor features read: instruction ranges (hovers) and the ignore-comment layout. */
export interface PortableLayout extends Omit<SuppressionLayout, 'text' | 'lines'> {
  /** The range of each instruction, indexed like DockerfileModel.instructions (and LayerEstimate.instructionIndex). */
  instructionRanges: Range[];
  /** For each stage, the index of its FROM in instructionRanges. */
  stageFroms: number[];
}

export interface PortableAnalysis extends Pick<AnalysisResult, 'findings' | 'stages' | 'estimates' | 'internalErrors'> {
  layout: PortableLayout;
}

export function toPortableAnalysis(result: AnalysisResult): PortableAnalysis {
  const { model } = result;
  const suppressionLayout = suppressionLayoutOf(model);
  const instructionIndex = new Map(model.instructions.map((instruction, index) => [instruction, index]));
  return {
    findings: result.findings,
    stages: result.stages,
    estimates: result.estimates,
    internalErrors: result.internalErrors,
    layout: {
      lineEnding: suppressionLayout.lineEnding,
      instructions: suppressionLayout.instructions,
      commentLines: suppressionLayout.commentLines,
      afterDirectives: suppressionLayout.afterDirectives,
      instructionRanges: model.instructions.map((instruction) => instruction.range),
      stageFroms: model.stages.map((stage) => instructionIndex.get(stage.from) ?? -1),
    },
  };
}

/** The layout with the text it was computed from, for the suppression fixes. */
export function suppressionLayoutFor(analysis: PortableAnalysis, text: string): SuppressionLayout {
  return { ...analysis.layout, text, lines: text.split(/\r\n|\r|\n/) };
}
