// What the size lens and hover must show, computed in the extension host from the same inputs the
// server has: the document's text, its build context read from disk by the same reader, and the
// core's own formatting. Numbers change when the data tables do; these expectations change with them.
// Also the readers of what the editor shows: lenses by line, and the Layerwise hover at a position.
import * as vscode from 'vscode';
import { analyze } from '../../../server/src/analysis/engine';
import type { AnalysisResult, StageSummary } from '../../../server/src/analysis/engine-types';
import { breakdownMarkdown, layerHoverMarkdown, stageLensTitle, stageTableMarkdown } from '../../../server/src/analysis/size/breakdown';
import type { SizeMeasure } from '../../../server/src/analysis/size/format';
import type { LayerEstimate, StageEstimate } from '../../../server/src/analysis/size/types';
import { readBuildContext } from '../../../server/src/context/build-context';
import { pollUntil } from './helpers';

export type { SizeMeasure };

export const SHOW_BREAKDOWN_COMMAND = 'layerwise.showStageBreakdown';
export const COPY_BREAKDOWN_COMMAND = 'layerwise.copyStageBreakdown';
/** The build context is read in the background after the first analysis; a busy machine needs a while. */
const SIZE_DEADLINE_MS = 20_000;

/** What the core computes for a document, given the build context the server would read for it. */
export class ExpectedSizes {
  private constructor(
    readonly result: AnalysisResult,
    private readonly measure: SizeMeasure,
  ) {}

  /** Files on disk get their folder as build context; untitled documents have none (COPY sizes unknown). */
  static async of(document: vscode.TextDocument, measure: SizeMeasure = 'uncompressed'): Promise<ExpectedSizes> {
    const buildContext = document.uri.scheme === 'file' ? await readBuildContext(document.uri.fsPath) : undefined;
    if (document.uri.scheme === 'file' && !buildContext) throw new Error(`the build context of ${document.uri.fsPath} could not be read`);
    return new ExpectedSizes(analyze(document.getText(), { estimateSizes: true, buildContext }), measure);
  }

  withMeasure(measure: SizeMeasure): ExpectedSizes {
    return new ExpectedSizes(this.result, measure);
  }

  get stages(): StageSummary[] {
    return this.result.stages;
  }

  /** The lens title per FROM line, as the server formats it. */
  titles(): Map<number, string> {
    return new Map(this.stages.map((stage) => [stage.line, stageLensTitle(this.stages, stage, this.measure)]));
  }

  estimateOf(stage: StageSummary): StageEstimate {
    const estimate = this.result.estimates.find((candidate) => candidate.stageIndex === stage.index);
    if (!estimate) throw new Error(`the core made no estimate for stage ${stage.index}`);
    return estimate;
  }

  stageTable(stage: StageSummary): string {
    return stageTableMarkdown(stage, this.estimateOf(stage), this.measure, this.stages);
  }

  /** The layer whose instruction starts on `line` (0-based). */
  layerOn(line: number): LayerEstimate {
    const layer = this.result.estimates.flatMap((estimate) => estimate.layers).find((candidate) => candidate.line === line);
    if (!layer) throw new Error(`the core has no layer on line ${line + 1}`);
    return layer;
  }

  layerHover(line: number): string {
    return layerHoverMarkdown(this.layerOn(line), this.measure);
  }

  breakdown(): string {
    return breakdownMarkdown(this.stages, this.result.estimates, this.measure);
  }
}

/** The Layerwise size lenses of a document, by the line of their FROM. */
export async function sizeLenses(uri: vscode.Uri): Promise<Map<number, vscode.CodeLens>> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100)) ?? [];
  const byLine = new Map<number, vscode.CodeLens>();
  for (const lens of lenses) {
    if (lens.command?.command === SHOW_BREAKDOWN_COMMAND) byLine.set(lens.range.start.line, lens);
  }
  return byLine;
}

function describeLenses(lenses: Map<number, vscode.CodeLens> | undefined): string {
  if (!lenses) return '(not asked yet)';
  if (lenses.size === 0) return '(no size lens)';
  return [...lenses].map(([line, lens]) => `line ${line + 1}: "${lens.command?.title}"`).join(', ');
}

/**
 * Polls the CodeLens provider until its titles are exactly `expected` (line → title); no editor
 * event says when the server re-analysed with the build context or a new setting.
 */
export async function waitForLensTitles(uri: vscode.Uri, expected: Map<number, string>): Promise<Map<number, vscode.CodeLens>> {
  let last: Map<number, vscode.CodeLens> | undefined;
  const wanted = [...expected].map(([line, title]) => `line ${line + 1}: "${title}"`).join(', ');
  return pollUntil(
    `the size lenses ${wanted}`,
    async () => {
      last = await sizeLenses(uri);
      const same = last.size === expected.size && [...expected].every(([line, title]) => last?.get(line)?.command?.title === title);
      return same ? last : undefined;
    },
    () => describeLenses(last),
    SIZE_DEADLINE_MS,
  );
}

export async function waitForNoLenses(uri: vscode.Uri): Promise<void> {
  let last: Map<number, vscode.CodeLens> | undefined;
  await pollUntil(
    'the size lenses to go away',
    async () => {
      last = await sizeLenses(uri);
      return last.size === 0 ? true : undefined;
    },
    () => describeLenses(last),
    SIZE_DEADLINE_MS,
  );
}

function hoverText(content: vscode.MarkdownString | vscode.MarkedString): string {
  if (typeof content === 'string') return content;
  return content.value;
}

/** The Layerwise size hover at a position (other providers' hovers are left out), or undefined. */
export async function sizeHoverAt(uri: vscode.Uri, position: vscode.Position): Promise<{ markdown: string; range?: vscode.Range } | undefined> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  for (const hover of hovers) {
    const markdown = hover.contents.map(hoverText).find((text) => /^\*\*Layer estimate: |\n\| line \| instruction \| size \|/.test(text));
    if (markdown !== undefined) return { markdown, range: hover.range };
  }
  return undefined;
}

/** Bytes of the number a lens title shows (`≈ 2.5 MB est.` → 2_500_000); null for "size unknown". */
export function titleBytes(title: string): number | null {
  const match = /^[≈≥] ([\d.]+) (B|KB|MB|GB|TB) /.exec(title);
  if (!match) return null;
  const powers: Record<string, number> = { B: 0, KB: 1, MB: 2, GB: 3, TB: 4 };
  return Number(match[1]) * 1000 ** powers[match[2]];
}
