// The case of instruction keywords in a file (LW346 judges it), so that every fix that writes a keyword
// writes it the way the file does: `user app` in a lower-case file, `USER app` otherwise.
import { Keyword, Onbuild, type Instruction } from 'dockerfile-ast';
import type { DockerfileModel } from '../../model-types';
import { remembered } from '../../remembered';

export type KeywordStyle = 'lower' | 'upper';

const KEYWORDS: ReadonlySet<string> = new Set(Object.values(Keyword));

/** The instructions whose keyword case counts, and the style most of them are written in: read in one pass. */
interface KeywordCase {
  cased: readonly Instruction[];
  style: KeywordStyle;
}

const keywordCases = new WeakMap<DockerfileModel, KeywordCase>();

function keywordCase(model: DockerfileModel): KeywordCase {
  return remembered(keywordCases, model, readKeywordCase);
}

function readKeywordCase(model: DockerfileModel): KeywordCase {
  const cased: Instruction[] = [];
  let lower = 0;
  let upper = 0;
  for (const node of model.ast.getInstructions()) {
    const word = node.getInstruction();
    const keyword = word.toUpperCase();
    if (!KEYWORDS.has(keyword)) continue;
    cased.push(node);
    if (word === word.toLowerCase()) lower++;
    if (word === keyword) upper++;
  }
  return { cased, style: lower > upper ? 'lower' : 'upper' };
}

/** The instructions whose keyword case counts: known keywords, ONBUILD triggers left out. */
export function casedInstructions(model: DockerfileModel): readonly Instruction[] {
  return keywordCase(model).cased;
}

/** The file's style: lower case when more keywords are written in lower case than in upper case, else upper case. */
export function keywordStyle(model: DockerfileModel): KeywordStyle {
  return keywordCase(model).style;
}

/**
 * A keyword (`USER`, `AS`) as this file writes keywords. Writing in the majority style never tips the
 * majority, so a fix that uses this adds no casing finding.
 */
export function keywordInFileCase(model: DockerfileModel, keyword: string): string {
  return keywordStyle(model) === 'lower' ? keyword.toLowerCase() : keyword.toUpperCase();
}

/** The trigger of `ONBUILD <instruction>`, which is cased like any other keyword; [] otherwise. */
export function onbuildTrigger(node: Instruction): Instruction[] {
  if (!(node instanceof Onbuild)) return [];
  try {
    const trigger = node.getTriggerInstruction();
    return trigger ? [trigger] : [];
  } catch {
    return [];
  }
}
