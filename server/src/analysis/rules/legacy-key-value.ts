import { Env, Label, type Property } from 'dockerfile-ast';
import type { InstructionInfo } from '../model-types';
import { defineRule, type Fix } from '../rule';
import { textAt } from './support/run-edits';

const LONE_CR = /\r(?!\n)/;

export default defineRule({
  id: 'legacy-key-value',
  code: 'LW309',
  aliases: { buildkit: 'LegacyKeyValueFormat' },
  category: 'correctness',
  severity: 'warning',
  appliesTo: 'all-stages',
  docs: {
    summary: 'ENV or LABEL in the legacy `key value` form: write `key=value`.',
    rationale: [
      'The space-separated form sets one variable to the whole rest of the line: `ENV PATH /opt/bin:$PATH',
      'LANG C.UTF-8` sets PATH to a value that ends in " LANG C.UTF-8". The form is deprecated, warns in',
      'every build, and cannot set two variables at once. `key=value` (quoted when the value has spaces) says',
      'exactly what is set.',
    ].join('\n'),
    examples: {
      invalid: ['FROM alpine:3.20\nENV NODE_ENV production\n', 'FROM alpine:3.20\nLABEL maintainer team@example.com\n'],
      valid: ['FROM alpine:3.20\nENV NODE_ENV=production\n', 'FROM alpine:3.20\nENV GREETING="hello world" LANG=C.UTF-8\n'],
    },
    differences: 'BuildKit reads `ARG a b` as two arguments without defaults rather than a legacy pair, so only ENV and LABEL are judged.',
  },
  fix: {
    availability: 'sometimes',
    safety: 'safe',
    reason:
      'Not offered when the value spans several lines, mixes quotes, spaces and escapes in a way one pair of quotes cannot keep, or sits among old Mac line breaks (a lone CR), where the parser cannot place it exactly.',
  },
  create(context) {
    const { model } = context;
    const check = (instruction: InstructionInfo) => {
      const node = instruction.node;
      if (!(node instanceof Env) && !(node instanceof Label)) return;
      if (startsWithPair(model.lines, instruction)) return;
      for (const property of node.getProperties()) {
        if (property.getAssignmentOperator() !== null || property.getValue() === null) continue;
        // Across a lone CR (an old Mac line break) dockerfile-ast's property ranges cannot be trusted:
        // the finding stands, without a rewrite that could eat the next instruction.
        const trusted = !LONE_CR.test(textAt(model, property.getRange()));
        const replacement = trusted ? modernForm(property, (range) => textAt(model, range), model.escapeCharacter) : null;
        const fixes: Fix[] = replacement
          ? [{ title: `Rewrite as ${replacement}`, safety: 'safe', edits: [{ range: property.getRange(), newText: replacement }] }]
          : [];
        context.report({
          range: property.getRange(),
          message: `"${instruction.keyword} ${property.getName()} …" is the legacy form: write ${replacement ? `${instruction.keyword} ${replacement}` : `${instruction.keyword} ${property.getName()}="…"`}`,
          fixes,
        });
      }
    };
    return { ENV: check, LABEL: check };
  },
});

/** A plain `key=` right after the keyword: the first word is a pair. */
const FIRST_WORD_IS_PAIR = /^[ \t]+[A-Za-z0-9_.-]+=/;

/**
 * Cheap test first (the parser splits properties slowly): when the first word holds an `=`, dockerfile-ast
 * reads every word as its own `key=value` (or bare `key`), so there is no legacy pair to find.
 */
function startsWithPair(lines: readonly string[], instruction: InstructionInfo): boolean {
  const end = instruction.keywordRange.end;
  return FIRST_WORD_IS_PAIR.test((lines[end.line] ?? '').slice(end.character));
}

function modernForm(property: Property, textOf: (range: NonNullable<ReturnType<Property['getValueRange']>>) => string, escape: string): string | null {
  const valueRange = property.getValueRange();
  if (!valueRange || valueRange.start.line !== valueRange.end.line) return null;
  const raw = textOf(valueRange);
  if (!hasUnquotedSpace(raw, escape)) return `${property.getName()}=${raw}`;
  if (/["']/.test(raw) || raw.includes(escape)) return null;
  return `${property.getName()}="${raw}"`;
}

function hasUnquotedSpace(text: string, escape: string): boolean {
  let quote: string | null = null;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === escape && quote !== "'") index++;
    else if (quote) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if (/\s/.test(char)) return true;
  }
  return false;
}
