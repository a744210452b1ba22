// Fixes that silence a finding instead of fixing it: a `# layerwise ignore=` comment for the
// instruction, `# layerwise stage ignore=` above the stage's FROM, or `# layerwise global ignore=` at
// the top of the file (after the parser directives, which must stay first). A comment of the same
// scope already in place gets the code added to its list rather than a second comment.
// Pure: the editor offers these as quick fixes, and the CLI or API can use them too. They are
// suggestions, so fix-all and `--fix` never apply them.
import type { DockerfileModel } from './model-types';
import type { Finding, Fix, TextEdit } from './rule';
import { commentLines, type SuppressionScope } from './suppressions';

/**
 * What the suppression fixes read of a file: its lines and where its instructions, stages, comments
 * and directives are. Plain data, so the language server can keep it after the model is gone.
 */
export interface SuppressionLayout {
  text: string;
  lines: readonly string[];
  lineEnding: '\r\n' | '\n';
  /** Every instruction in document order: its lines, and the line of its stage's FROM (null before any FROM). */
  instructions: ReadonlyArray<{ startLine: number; endLine: number; stageFromLine: number | null }>;
  /** Lines that are comments (or parser directives), ascending. */
  commentLines: readonly number[];
  /** The first line after the parser directives. */
  afterDirectives: number;
}

type LayoutInstruction = SuppressionLayout['instructions'][number];

export function suppressionLayoutOf(model: DockerfileModel): SuppressionLayout {
  return {
    text: model.text,
    lines: model.lines,
    lineEnding: model.lineEnding,
    instructions: model.instructions.map((instruction) => ({
      startLine: instruction.range.start.line,
      endLine: instruction.range.end.line,
      stageFromLine: instruction.stage?.from.range.start.line ?? null,
    })),
    commentLines: commentLines(model),
    afterDirectives: model.directives.reduce((line, directive) => Math.max(line, directive.range.end.line + 1), 0),
  };
}

export const REASON_PLACEHOLDER = '<reason>';

const SCOPE_KEYWORD: Record<SuppressionScope, string> = { instruction: '', stage: 'stage ', file: 'global ' };
const SCOPE_TITLE: Record<SuppressionScope, string> = {
  instruction: 'for this instruction',
  stage: 'for this stage',
  file: 'in this file',
};

/** The suppression fixes for one finding, narrowest scope first. */
export function suppressionFixes(finding: Pick<Finding, 'code' | 'rule' | 'range'>, model: DockerfileModel): Fix[] {
  return suppressionFixesIn(finding, suppressionLayoutOf(model));
}

/** suppressionFixes() from the layout alone. */
export function suppressionFixesIn(finding: Pick<Finding, 'code' | 'rule' | 'range'>, layout: SuppressionLayout): Fix[] {
  const line = finding.range.start.line;
  const instruction = instructionAt(layout, line);
  const fixes: Fix[] = [];
  if (instruction) fixes.push(fixFor(finding, 'instruction', instructionEdit(layout, instruction, finding.code)));
  if (instruction && instruction.stageFromLine !== null) {
    fixes.push(fixFor(finding, 'stage', stageEdit(layout, instruction.stageFromLine, finding.code)));
  }
  fixes.push(fixFor(finding, 'file', fileEdit(layout, finding.code)));
  return fixes;
}

function fixFor(finding: Pick<Finding, 'code' | 'rule'>, scope: SuppressionScope, edit: TextEdit): Fix {
  return { title: `Ignore ${finding.code} (${finding.rule}) ${SCOPE_TITLE[scope]}`, safety: 'suggestion', edits: [edit] };
}

function instructionAt(layout: SuppressionLayout, line: number): LayoutInstruction | undefined {
  return layout.instructions.find((instruction) => instruction.startLine <= line && line <= instruction.endLine);
}

function instructionEdit(layout: SuppressionLayout, instruction: LayoutInstruction, code: string): TextEdit {
  const line = instruction.startLine;
  return mergeInto(layout, line - 1, 'instruction', code) ?? insertAbove(layout, line, 'instruction', code);
}

function stageEdit(layout: SuppressionLayout, fromLine: number, code: string): TextEdit {
  return mergeInto(layout, fromLine - 1, 'stage', code) ?? insertAbove(layout, fromLine, 'stage', code);
}

function fileEdit(layout: SuppressionLayout, code: string): TextEdit {
  for (const line of layout.commentLines) {
    const merged = mergeInto(layout, line, 'file', code);
    if (merged) return merged;
  }
  return insertAbove(layout, layout.afterDirectives, 'file', code);
}

function commentText(scope: SuppressionScope, code: string): string {
  return `# layerwise ${SCOPE_KEYWORD[scope]}ignore=${code} ${REASON_PLACEHOLDER}`;
}

/** A new comment line above `line`, indented like it. */
function insertAbove(model: SuppressionLayout, line: number, scope: SuppressionScope, code: string): TextEdit {
  const position = { line, character: 0 };
  if (line >= model.lines.length) {
    // After the last line: start a new line first, unless the text already ends with one.
    const endsWithBreak = model.text.endsWith('\n') || model.text.endsWith('\r');
    const last = Math.max(0, model.lines.length - 1);
    const end = { line: last, character: model.lines[last]?.length ?? 0 };
    return { range: { start: end, end }, newText: `${endsWithBreak ? '' : model.lineEnding}${commentText(scope, code)}` };
  }
  const indent = /^[ \t]*/.exec(model.lines[line] ?? '')?.[0] ?? '';
  return { range: { start: position, end: position }, newText: `${indent}${commentText(scope, code)}${model.lineEnding}` };
}

const LAYERWISE_IGNORE = /^(\s*#\s*layerwise\s+(?:(global|stage)\s+)?ignore\s*=\s*)([\w-]+(?:\s*,\s*[\w-]+)*)/;

/** Adds the code to the list of a `# layerwise … ignore=` comment of this scope on `line`, if there is one. */
function mergeInto(model: SuppressionLayout, line: number, scope: SuppressionScope, code: string): TextEdit | null {
  if (line < 0) return null;
  const match = LAYERWISE_IGNORE.exec(model.lines[line] ?? '');
  if (!match) return null;
  const written: SuppressionScope = match[2] === 'global' ? 'file' : match[2] === 'stage' ? 'stage' : 'instruction';
  if (written !== scope) return null;
  const listEnd = { line, character: match[1].length + match[3].length };
  return { range: { start: listEnd, end: listEnd }, newText: `,${code}` };
}
