import { From, Keyword, Onbuild, type Instruction } from 'dockerfile-ast';
import { defineRule, type Fix, type RuleContext, type TextEdit } from '../rule';
import { casedInstructions, keywordStyle, onbuildTrigger, type KeywordStyle } from './support/keyword-case';
import { textAt } from './support/run-edits';

const KEYWORDS: ReadonlySet<string> = new Set(Object.values(Keyword));

export default defineRule({
  id: 'consistent-instruction-casing',
  code: 'LW346',
  aliases: { buildkit: 'ConsistentInstructionCasing' },
  category: 'style',
  severity: 'info',
  appliesTo: 'all-stages',
  docs: {
    summary: 'An instruction keyword is not cased like the rest of the file.',
    rationale: [
      'Keywords work in any case, but a file that mixes `RUN`, `run` and `Run` is harder to scan. The file\'s',
      'majority (upper case when tied) is the style; each keyword that differs, mixed case included, is reported',
      'and the fix rewrites it.',
    ].join('\n'),
    examples: {
      invalid: ['FROM alpine:3.20\nRUN echo hello > /greeting.txt\nEntrypoint ["cat", "/greeting.txt"]\n'],
      valid: [
        'FROM alpine:3.20\nRUN echo hello > /greeting.txt\nENTRYPOINT ["cat", "/greeting.txt"]\n',
        'from alpine:3.20\nrun echo hello > /greeting.txt\nuser 1000\nentrypoint ["cat", "/greeting.txt"]\n',
      ],
    },
    differences: 'The keyword of an ONBUILD trigger (`ONBUILD run …`) is held to the same style.',
  },
  fix: { availability: 'sometimes', safety: 'safe', reason: 'Not offered for a keyword split by a line continuation.' },
  create(context) {
    return {
      end() {
        const style = keywordStyle(context.model);
        for (const node of casedInstructions(context.model)) {
          reportIfMiscased(context, node, style);
          // An ONBUILD trigger's keyword is held to the style too (instanceof first: few lines are ONBUILD).
          if (node instanceof Onbuild) for (const trigger of onbuildTrigger(node)) reportIfMiscased(context, trigger, style);
        }
      },
    };
  },
});

function reportIfMiscased(context: RuleContext, node: Instruction, style: KeywordStyle): void {
  const written = node.getInstruction();
  const wanted = style === 'lower' ? written.toLowerCase() : written.toUpperCase();
  if (written === wanted || !KEYWORDS.has(written.toUpperCase())) return;
  const range = node.getInstructionRange();
  const edits = [{ range, newText: wanted }, ...asKeywordEdit(node, style)];
  const fixes: Fix[] = textAt(context.model, range) === written ? [{ title: `Write ${wanted}`, safety: 'safe', edits }] : [];
  context.report({ range, message: `Write '${written}' as '${wanted}': the other instructions are in ${style} case.`, fixes });
}

/** `FROM … AS name`: the AS keyword follows its FROM, so that from-as-casing has nothing left to say. */
function asKeywordEdit(node: Instruction, style: KeywordStyle): TextEdit[] {
  if (!(node instanceof From)) return [];
  const as = node.getArguments()[1];
  if (!as || as.getValue().toUpperCase() !== 'AS') return [];
  const wanted = style === 'lower' ? 'as' : 'AS';
  return as.getValue() === wanted ? [] : [{ range: as.getRange(), newText: wanted }];
}
