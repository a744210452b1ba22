import type { DockerfileModel, InstructionInfo } from '../model-types';
import { defineRule, type Fix } from '../rule';
import { keywordInFileCase } from './support/keyword-case';
import { textAt } from './support/run-edits';

export default defineRule({
  id: 'maintainer-deprecated',
  code: 'LW308',
  aliases: { hadolint: 'DL4000', buildkit: 'MaintainerDeprecated' },
  category: 'correctness',
  severity: 'warning',
  appliesTo: 'all-stages',
  docs: {
    summary: 'MAINTAINER is deprecated: set the `org.opencontainers.image.authors` label instead.',
    rationale: [
      'MAINTAINER writes a field of the image configuration that tools no longer read and that newer',
      'builders may drop. The OCI label `org.opencontainers.image.authors` carries the same information',
      'where registries, scanners and `docker inspect` look for it.',
    ].join('\n'),
    examples: {
      invalid: ['FROM alpine:3.20\nMAINTAINER moby@example.com\n'],
      valid: ['FROM alpine:3.20\nLABEL org.opencontainers.image.authors="moby@example.com"\n'],
    },
  },
  fix: {
    availability: 'sometimes',
    safety: 'safe',
    reason: 'Not offered when MAINTAINER spans several lines or has no value.',
  },
  create(context) {
    const { model } = context;
    const check = (maintainer: InstructionInfo) => {
      const argumentsRange = maintainer.node.getArgumentsRange();
      const author = argumentsRange ? textAt(model, argumentsRange).trim() : '';
      const fixes: Fix[] = [];
      if (author !== '' && argumentsRange && argumentsRange.start.line === argumentsRange.end.line && !isInsideHeredoc(model, maintainer)) {
        // LABEL expands variables and reads escapes, MAINTAINER took the text as it is.
        const escape = model.escapeCharacter;
        const quoted = [...author].map((char) => (char === escape || char === '"' || char === '$' ? escape + char : char)).join('');
        fixes.push({
          title: 'Replace with LABEL org.opencontainers.image.authors',
          safety: 'safe',
          edits: [{ range: { start: maintainer.keywordRange.start, end: argumentsRange.end }, newText: `${keywordInFileCase(model, 'LABEL')} org.opencontainers.image.authors="${quoted}"` }],
        });
      }
      context.report({
        range: maintainer.keywordRange,
        message: 'MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors="…"',
        fixes,
      });
    };
    return {
      MAINTAINER: check,
      global: (instruction) => {
        if (instruction.keyword === 'MAINTAINER') check(instruction);
      },
    };
  },
});

/**
 * True when the line sits in the heredoc body of an earlier instruction (an unterminated `<<EOF` runs to the end
 * of the file): the parser still reads it as an instruction, but it is script text, and rewriting it would change
 * what the heredoc's script reads.
 */
function isInsideHeredoc(model: DockerfileModel, instruction: InstructionInfo): boolean {
  const line = instruction.range.start.line;
  return model.instructions.some(
    (other) =>
      other !== instruction &&
      (other.script?.heredocs ?? []).some((heredoc) => heredoc.contentRange !== null && heredoc.contentRange.start.line <= line && line < heredoc.contentRange.end.line),
  );
}
