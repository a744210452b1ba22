import { defineRule, type Fix } from '../rule';
import { scanDirectives, type DirectiveLine } from './support/correctness-directives';

export default defineRule({
  id: 'misplaced-parser-directive',
  code: 'LW325',
  aliases: {},
  category: 'correctness',
  severity: 'warning',
  appliesTo: 'all-stages',
  docs: {
    summary: 'A `# syntax=`, `# escape=` or `# check=` line that the builder ignores, repeats, or cannot use.',
    rationale: [
      'Parser directives count only at the very top of the file, before any instruction, blank line or',
      'ordinary comment. Anywhere else they are plain comments: `# syntax=docker/dockerfile:1` after a',
      'license header silently builds with the default frontend, `# check=skip=…` silences nothing, and a',
      'late `# escape=`` leaves backslashes as the escape character. A directive given twice, or an escape',
      'character other than `\\` or `` ` ``, stops the build.',
    ].join('\n'),
    examples: {
      invalid: ['# Build the API image\n# syntax=docker/dockerfile:1\nFROM alpine:3.20\n', '# syntax=docker/dockerfile:1\n# syntax=docker/dockerfile:1.7\nFROM alpine:3.20\n'],
      valid: ['# syntax=docker/dockerfile:1\n# check=skip=JSONArgsRecommended\n\n# Build the API image\nFROM alpine:3.20\n', '#syntax = docker/dockerfile:1\nFROM alpine:3.20\n'],
    },
  },
  fix: {
    availability: 'sometimes',
    safety: 'unsafe',
    reason: [
      'A late directive can be moved to the top when the file has none of that name yet; unsafe, because the',
      'directive then takes effect (another frontend, other checks, another escape character). Repeated or',
      'invalid directives need the author to choose. An escape directive is not moved when a line of the file',
      'ends in `\\` or `` ` ``: the new escape character would change which lines continue.',
    ].join(' '),
  },
  create(context) {
    const { model } = context;
    return {
      end() {
        const scan = scanDirectives(model);
        for (const directive of scan.effective) {
          if (directive.name === 'escape' && directive.value !== '\\' && directive.value !== '`') {
            context.report({ range: directive.range, message: `Invalid escape character "${directive.value}": only \\ and \` are allowed, the build fails` });
          }
        }
        for (const directive of scan.duplicates) {
          context.report({ range: directive.range, message: `The ${directive.name} directive is already set above: BuildKit allows one per file and stops the build` });
        }
        if (scan.ignored.length === 0) return;
        // One fix moves every late directive that can take effect, in one go: moving them one by one
        // would have each fix insert at the top where the previous one just wrote.
        const movable = scan.ignored.filter(
          (directive, index) =>
            !scan.effective.some((other) => other.name === directive.name) &&
            scan.ignored.findIndex((other) => other.name === directive.name) === index &&
            (directive.name !== 'escape' || canMoveEscape(directive, model.lines)),
        );
        const topBlockEnd = Math.max(0, ...[...scan.effective, ...scan.duplicates].map((directive) => directive.line + 1));
        const fix = movable.length > 0 ? moveToTop(movable, topBlockEnd, model.lines, model.lineEnding) : null;
        for (const directive of scan.ignored) {
          context.report({
            range: directive.range,
            message: `This ${directive.name} directive is read as a plain comment: directives must come first, before any instruction, blank line or other comment`,
            fixes: fix && movable.includes(directive) ? [fix] : [],
          });
        }
      },
    };
  },
});

/**
 * An escape directive can be moved up only when it is valid (at the top an invalid one stops the build)
 * and no other line ends in `\` or `` ` ``: switching the escape character changes which lines
 * continue, which would regroup the instructions.
 */
function canMoveEscape(directive: DirectiveLine, lines: readonly string[]): boolean {
  if (directive.value !== '\\' && directive.value !== '`') return false;
  return lines.every((text, line) => line === directive.line || !/[\\`][ \t]*$/.test(text));
}

/**
 * Moves the directives to the end of the directive block at the top (`topBlockEnd`, 0 when there is
 * none): the directives already there stay where every parser reads them (an escape directive moved
 * down one line is not read by all of them).
 */
function moveToTop(directives: readonly DirectiveLine[], topBlockEnd: number, lines: readonly string[], eol: string): Fix {
  // After a byte order mark: the mark must stay the first thing in the file.
  const top = { line: topBlockEnd, character: topBlockEnd === 0 && lines[0].startsWith('\uFEFF') ? 1 : 0 };
  const names = directives.map((directive) => directive.name).join(' and ');
  return {
    title: `Move the ${names} directive${directives.length > 1 ? 's' : ''} to the top of the file`,
    safety: 'unsafe',
    edits: [
      { range: { start: top, end: top }, newText: directives.map((directive) => `${lines[directive.line].trim()}${eol}`).join('') },
      ...directives.map((directive) => ({
        range: { start: { line: directive.line, character: 0 }, end: { line: directive.line + 1, character: 0 } },
        newText: '',
      })),
    ],
  };
}
