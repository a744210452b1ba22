// dockerfile-ast derives most of an instruction's answers from its text on every call: each
// getArguments(), getHeredocs() or From.getImage() re-tokenises the instruction, and the model, the
// rules and the estimator ask the same node the same questions dozens of times. A parsed tree never
// changes, so each node keeps its first answer.
import type { Instruction } from 'dockerfile-ast';

/**
 * The expensive accessors that depend only on the node's text. getRawArguments is behind
 * getArguments, getFlags, getHeredocs and From's image accessors, so remembering it speeds up all of
 * them. Arrays are handed out as copies.
 */
const MEMOISED_ACCESSORS = ['getRawArguments', 'getProperties'] as const;

type Accessor = (this: Instruction) => unknown;

/** Makes the node remember the answers of its text-derived accessors (only the node itself changes). */
export function memoiseAccessors(node: Instruction): void {
  const target = node as unknown as Record<string, Accessor | undefined>;
  for (const name of MEMOISED_ACCESSORS) {
    const compute = target[name];
    if (typeof compute !== 'function') continue;
    let computed = false;
    let answer: unknown;
    Object.defineProperty(node, name, {
      configurable: true,
      writable: true,
      value(this: Instruction) {
        if (!computed) {
          answer = compute.call(this);
          computed = true;
        }
        // dockerfile-ast edits the arrays it gets back (ModifiableInstruction shifts the flags off
        // its arguments): every caller gets its own copy of the array (the elements are immutable).
        return Array.isArray(answer) ? answer.slice() : answer;
      },
    });
  }
}
