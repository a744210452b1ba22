// dockerfile-ast derives an instruction's arguments from its text on every call: getArguments(),
// getFlags(), getHeredocs(), From.getImage() and the rest each re-tokenise the instruction, and the
// parser itself does it four times for every RUN, COPY, CMD or ENTRYPOINT it creates (the JSON-form
// check in the constructor, the heredoc scan). A parsed node never changes, so the tokens can be
// remembered per node from its first call, including the parser's own.
import { Instruction } from 'dockerfile-ast';

type RawArguments = () => unknown[];

/**
 * Where a node keeps its tokens: a property of its own, under a symbol no other code uses. Not a
 * WeakMap: one keyed by the nodes of every analysis makes each young-generation GC work through its
 * entries, and the analysis spent a fifth more time paused in GC with one (measured with --trace-gc-nvp).
 */
const TOKENS = Symbol('layerwise.argumentTokens');
type RememberingNode = Instruction & { [TOKENS]?: unknown[] };
let installed = false;

/**
 * Makes every node created from now on (and every existing one) remember its argument tokens. Only
 * this bundle's copy of dockerfile-ast is affected; the answers are the same as without it.
 */
export function rememberArgumentTokens(): void {
  if (installed) return;
  installed = true;
  // getRawArguments is private in dockerfile-ast's typings and public at run time.
  const prototype = Instruction.prototype as unknown as { getRawArguments: RawArguments };
  const tokenize = prototype.getRawArguments;
  prototype.getRawArguments = function rememberedRawArguments(this: RememberingNode) {
    let tokens = this[TOKENS];
    if (tokens === undefined) {
      tokens = tokenize.call(this);
      this[TOKENS] = tokens;
    }
    // dockerfile-ast edits the array it gets back (ModifiableInstruction shifts the flags off its
    // arguments): every caller gets its own copy (the arguments themselves are immutable).
    return tokens.slice();
  };
}
