import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DockerfileParser, Instruction } from 'dockerfile-ast';
import { rememberArgumentTokens } from './ast-memo';

const TEXT = [
  'FROM --platform=$BUILDPLATFORM golang:1.22 AS build',
  'ENV A=1 B="two words"',
  'RUN --mount=type=cache,target=/root/.cache go build \\',
  '    -o /out/app ./cmd/app',
  'COPY --from=build --chown=app:app /out/app /usr/local/bin/app',
  'RUN <<EOF',
  'echo hi',
  'EOF',
  'CMD ["app", "--flag"]',
  'ONBUILD RUN --mount=type=secret,id=x make',
].join('\n');

function instructions(): Instruction[] {
  return DockerfileParser.parse(TEXT).getInstructions();
}

/** getRawArguments is private in dockerfile-ast's typings, public at run time (and what the memo is for). */
type RawArgument = { getValue(): string; getRange(): unknown };
const rawArguments = (node: Instruction) => (node as unknown as { getRawArguments(): RawArgument[] }).getRawArguments();

/** getHeredocs is protected on Instruction in dockerfile-ast's typings (public on RUN and COPY). */
const heredocNames = (node: Instruction) =>
  (node as unknown as { getHeredocs(): Array<{ getName(): string }> }).getHeredocs().map((heredoc) => heredoc.getName());

/** Everything the model reads that derives from the argument tokens. */
function answers(node: Instruction) {
  const trigger = (node as unknown as { getTriggerInstruction?(): Instruction | null }).getTriggerInstruction?.();
  return {
    words: node.getArguments().map((argument) => argument.getValue()),
    raw: rawArguments(node).map((argument) => [argument.getValue(), argument.getRange()]),
    text: node.getTextContent(),
    heredocs: heredocNames(node),
    trigger: trigger ? trigger.getArguments().map((argument) => argument.getValue()) : null,
  };
}

// Taken before the memo is installed: what dockerfile-ast answers by itself.
const untouchedNodes = instructions();
const untouched = untouchedNodes.map(answers);
const untouchedKeys = untouchedNodes.map((node) => Object.keys(node));
/** The tokenizer the prototype holds now (private in dockerfile-ast's typings). */
const currentTokenizer = () => (Instruction.prototype as unknown as { getRawArguments: unknown }).getRawArguments;
const originalTokenizer = currentTokenizer();
rememberArgumentTokens();

describe('rememberArgumentTokens', () => {
  it('answers exactly as dockerfile-ast does by itself, call after call', () => {
    for (const [index, node] of instructions().entries()) {
      for (let call = 0; call < 3; call++) assert.deepEqual(answers(node), untouched[index]);
    }
  });

  it('drops the flags from the arguments every time (dockerfile-ast shifts them off the array it gets)', () => {
    const copy = instructions()[3];
    for (let call = 0; call < 3; call++) {
      assert.deepEqual(
        copy.getArguments().map((argument) => argument.getValue()),
        ['/out/app', '/usr/local/bin/app'],
      );
    }
  });

  it('hands out a new array each time, so a caller that edits its copy changes nothing for the next', () => {
    const run = instructions()[2];
    const first = rawArguments(run);
    first.length = 0;
    assert.notEqual(rawArguments(run).length, 0);
  });

  it('keeps the tokens out of sight: the keys of a node are its own, as without the memo', () => {
    const nodes = instructions();
    nodes.forEach(answers);
    assert.deepEqual(
      nodes.map((node) => Object.keys(node)),
      untouchedKeys,
    );
  });

  it('installs once: a second call does not wrap the tokenizer again', () => {
    const installed = currentTokenizer();
    assert.notEqual(installed, originalTokenizer);
    rememberArgumentTokens();
    assert.equal(currentTokenizer(), installed);
  });
});
