import type { InstructionInfo } from '../model-types';
import { defineRule, type Range } from '../rule';

interface HeredocCapable {
  getHeredocs(): Array<{ getContentRange(): Range | null; getNameRange(): Range }>;
}

/**
 * The first line of the instruction that belongs to a heredoc body; blank lines there are content.
 * null when the parser cannot tell (its heredoc scan throws on some malformed instructions).
 */
function firstHeredocLine(instruction: InstructionInfo): number | null {
  const node = instruction.node as unknown as Partial<HeredocCapable>;
  if (typeof node.getHeredocs !== 'function') return Infinity;
  try {
    const lines = node.getHeredocs().map((heredoc) => (heredoc.getContentRange() ?? heredoc.getNameRange()).start.line);
    return lines.length === 0 ? Infinity : Math.min(...lines);
  } catch {
    return null;
  }
}

/**
 * Only spaces and tabs: the parser reads other Unicode spaces (a no-break space) as text that continues
 * the instruction, so removing such a line would regroup the lines after it.
 */
function isBlank(text: string): boolean {
  return /^[ \t]*$/.test(text);
}

function hasBlankLine(lines: readonly string[], first: number, last: number): boolean {
  for (let line = first; line <= last; line++) if (isBlank(lines[line] ?? '')) return true;
  return false;
}

/**
 * The empty string after a file's final line break is no line at all (the builder reads none there):
 * a file ending in a dangling `\` has no empty continuation line.
 */
function isPastLastLineBreak(lines: readonly string[], line: number): boolean {
  return line === lines.length - 1 && lines[line] === '';
}

export default defineRule({
  id: 'empty-continuation-line',
  code: 'LW318',
  aliases: { buildkit: 'NoEmptyContinuation' },
  category: 'correctness',
  severity: 'warning',
  appliesTo: 'all-stages',
  docs: {
    summary: 'An empty line inside a continued instruction (after a trailing `\\`).',
    rationale: [
      'A blank line after a line continuation does not end the instruction: the builder skips it and glues',
      'the next line on, which hides where an instruction really ends (a forgotten `\\` can swallow the next',
      'instruction). The syntax is deprecated and a future BuildKit release will reject it. Remove the empty',
      'line, or put a `#` comment there.',
    ].join('\n'),
    examples: {
      invalid: ['FROM alpine:3.20\nRUN apk add --no-cache \\\n\n    gnupg \\\n\n    curl\n'],
      valid: ['FROM alpine:3.20\nRUN apk add --no-cache \\\n    gnupg \\\n    curl\n', 'FROM alpine:3.20\nEXPOSE \\\n# Port\n80\n'],
    },
  },
  fix: { availability: 'always', safety: 'safe' },
  create(context) {
    const { model } = context;
    const check = (instruction: InstructionInfo) => {
      // Cheap test first: most instructions have no blank line at all, and then where a heredoc
      // body starts (which the parser works out slowly) does not matter.
      const { start, end } = instruction.range;
      if (start.line === end.line || !hasBlankLine(model.lines, start.line + 1, end.line)) return;
      const heredocLine = firstHeredocLine(instruction);
      if (heredocLine === null) return;
      const last = Math.min(end.line, heredocLine - 1);
      const empty: number[] = [];
      for (let line = start.line + 1; line <= last; line++) {
        if (isBlank(model.lines[line] ?? '') && !isPastLastLineBreak(model.lines, line)) empty.push(line);
      }
      if (empty.length === 0) return;
      context.report({
        range: { start: { line: empty[0], character: 0 }, end: { line: empty[0], character: model.lines[empty[0]].length } },
        message: `Empty continuation line in this ${instruction.keyword}: remove it (or make it a # comment); BuildKit will reject it in a future release`,
        fixes: [
          {
            title: empty.length === 1 ? 'Remove the empty line' : `Remove the ${empty.length} empty lines`,
            safety: 'safe',
            edits: empty.map((line) => ({ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' })),
          },
        ],
      });
    };
    // Every instruction, those before the first FROM included.
    return { end: () => model.instructions.forEach(check) };
  },
});
