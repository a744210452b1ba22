import { From } from 'dockerfile-ast';
import { defineRule } from '../rule';

export default defineRule({
  id: 'from-as-casing',
  code: 'LW345',
  aliases: { buildkit: 'FromAsCasing' },
  category: 'style',
  severity: 'info',
  appliesTo: 'all-stages',
  docs: {
    summary: 'The `AS` of `FROM … AS name` is not cased like `FROM`.',
    rationale: [
      'Keywords may be upper or lower case, but `FROM debian:12 as builder` mixes both on one line. Writing `AS`',
      'like its `FROM` keeps the file consistent. Nothing changes in the build.',
    ].join('\n'),
    examples: {
      invalid: ['FROM debian:12 as builder\nRUN echo hi\n'],
      valid: ['FROM debian:12 AS deb-builder\nRUN echo hi\n', 'from debian:12 as deb-builder\nrun echo hi\nuser 1000\n'],
    },
    differences: 'A FROM keyword in mixed case (`From`) is left to consistent-instruction-casing, as in BuildKit.',
  },
  fix: { availability: 'always', safety: 'safe' },
  create(context) {
    return {
      FROM(from) {
        const node = from.node;
        if (!(node instanceof From)) return;
        const keyword = node.getInstruction();
        const expected = keyword === keyword.toUpperCase() ? 'AS' : keyword === keyword.toLowerCase() ? 'as' : null;
        if (expected === null) return;
        const as = node.getArguments()[1];
        if (!as || as.getValue().toUpperCase() !== 'AS' || as.getValue() === expected) return;
        context.report({
          range: as.getRange(),
          message: `Write '${expected}' to match '${keyword}': '${as.getValue()}' and '${keyword}' are cased differently.`,
          fixes: [{ title: `Write '${expected}'`, safety: 'safe', edits: [{ range: as.getRange(), newText: expected }] }],
        });
      },
    };
  },
});
