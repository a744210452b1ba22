import type { InstructionInfo } from '../model-types';
import { defineRule, type Position } from '../rule';
import { isHeredocSource, unquote } from './support/correctness-paths';
import { instructionArguments } from './support/instruction-args';
import { textAt } from './support/run-edits';

export default defineRule({
  id: 'copy-multiple-sources-destination',
  code: 'LW320',
  aliases: { hadolint: 'DL3021' },
  category: 'correctness',
  severity: 'error',
  appliesTo: 'all-stages',
  docs: {
    summary: 'COPY or ADD with several sources to a destination that does not end with `/`.',
    rationale: [
      'With more than one source the destination must be a directory, written with a trailing `/`;',
      'otherwise the build fails ("When using COPY with more than one source file, the destination must be',
      'a directory and end with a /"). The slash also tells the reader the files land inside that folder.',
    ].join('\n'),
    examples: {
      invalid: ['FROM node:20-slim\nCOPY package.json package-lock.json /app\n'],
      valid: ['FROM node:20-slim\nCOPY package.json package-lock.json /app/\n', 'FROM node:20-slim\nCOPY package.json /app\n'],
    },
    differences: 'ADD is judged too (Docker has the same requirement for it); hadolint checks COPY only. A destination given by a variable is not judged, nor an instruction with a heredoc source (`COPY <<EOF /etc/app.conf`).',
  },
  fix: { availability: 'always', safety: 'safe' },
  create(context) {
    const { model } = context;
    const check = (instruction: InstructionInfo) => {
      const args = instructionArguments(instruction);
      // With a heredoc source the parser's arguments run on into the body; the sources and the
      // destination cannot be told from them.
      if (args.length < 3 || args.some((argument) => isHeredocSource(argument.value))) return;
      const destination = args[args.length - 1];
      const path = unquote(destination.value);
      if (path.endsWith('/') || path.endsWith('\\') || path.includes('$')) return;
      const written = textAt(model, destination.range);
      // Inside the quotes of `"/app"`; after anything else (`["make"` is not a quoted word).
      const closingQuote = /^(["']).*\1$/s.test(written) && written.length > 1;
      const at: Position = closingQuote
        ? { line: destination.range.end.line, character: destination.range.end.character - 1 }
        : destination.range.end;
      context.report({
        range: destination.range,
        message: `${instruction.keyword} with ${args.length - 1} sources needs a directory destination ending in /: write ${path}/`,
        fixes: [{ title: `Add a trailing / to ${path}`, safety: 'safe', edits: [{ range: { start: at, end: at }, newText: '/' }] }],
      });
    };
    return { COPY: check, ADD: check };
  },
});
