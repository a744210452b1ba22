// The case of instruction keywords in a file (LW346 judges it), so that every fix that writes a keyword
// writes it the way the file does: `user app` in a lower-case file, `USER app` otherwise.
import { Keyword, Onbuild, type Instruction } from 'dockerfile-ast';
import type { DockerfileModel } from '../../model-types';

export type KeywordStyle = 'lower' | 'upper';

const KEYWORDS: ReadonlySet<string> = new Set(Object.values(Keyword));
const styles = new WeakMap<DockerfileModel, KeywordStyle>();

/** The instructions whose keyword case counts: known keywords, ONBUILD triggers left out. */
export function casedInstructions(model: DockerfileModel): Instruction[] {
  return model.ast.getInstructions().filter((node) => KEYWORDS.has(node.getKeyword().toUpperCase()));
}

/** The file's style: lower case when more keywords are written in lower case than in upper case, else upper case. */
export function keywordStyle(model: DockerfileModel): KeywordStyle {
  const known = styles.get(model);
  if (known) return known;
  const written = casedInstructions(model).map((node) => node.getInstruction());
  const lower = written.filter((word) => word === word.toLowerCase()).length;
  const upper = written.filter((word) => word === word.toUpperCase()).length;
  const style: KeywordStyle = lower > upper ? 'lower' : 'upper';
  styles.set(model, style);
  return style;
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
