// Parser directives as BuildKit reads them: only at the very top, one per line, before any blank line,
// comment or instruction; names are case-insensitive and spaces around `#`, the name and `=` are allowed.
import type { DockerfileModel } from '../../model-types';
import type { Range } from '../../rule';

export const KNOWN_DIRECTIVES = new Set(['syntax', 'escape', 'check']);
const DIRECTIVE = /^[ \t]*#[ \t]*([A-Za-z][A-Za-z0-9]*)[ \t]*=[ \t]*(.*?)[ \t]*$/;

export interface DirectiveLine {
  name: string;
  value: string;
  line: number;
  range: Range;
}

export interface DirectiveScan {
  /** The directives BuildKit honours, in order. */
  effective: DirectiveLine[];
  /** A second directive of a name already set at the top (BuildKit stops with an error). */
  duplicates: DirectiveLine[];
  /** Lines written as a known directive but read as a plain comment, because they come too late. */
  ignored: DirectiveLine[];
}

function readDirective(text: string, line: number): DirectiveLine | null {
  const match = DIRECTIVE.exec(text);
  if (!match) return null;
  const start = text.length - text.trimStart().length;
  return {
    name: match[1].toLowerCase(),
    value: match[2],
    line,
    range: { start: { line, character: start }, end: { line, character: text.trimEnd().length } },
  };
}

export function scanDirectives(model: DockerfileModel): DirectiveScan {
  const lines = model.lines;
  const lineText = (index: number) => (index === 0 ? lines[0].replace(/^\uFEFF/, '') : lines[index]);
  const effective: DirectiveLine[] = [];
  const duplicates: DirectiveLine[] = [];
  let line = 0;
  for (; line < lines.length; line++) {
    const directive = readDirective(lineText(line), line);
    if (!directive || !KNOWN_DIRECTIVES.has(directive.name)) break;
    if (effective.some((other) => other.name === directive.name)) duplicates.push(directive);
    else effective.push(directive);
  }
  const insideInstruction = (index: number) =>
    model.instructions.some((instruction) => instruction.range.start.line <= index && index <= instruction.range.end.line);
  const ignored: DirectiveLine[] = [];
  for (; line < lines.length; line++) {
    // Cheap test first: a directive is a comment with an `=`, which most lines are not.
    const text = lineText(line);
    if (!text.includes('#') || !text.includes('=')) continue;
    const directive = readDirective(text, line);
    if (directive && KNOWN_DIRECTIVES.has(directive.name) && !insideInstruction(line)) ignored.push(directive);
  }
  return { effective, duplicates, ignored };
}
