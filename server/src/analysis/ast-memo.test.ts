import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { memoiseAccessors } from './ast-memo';

const TEXT = [
  'FROM --platform=$BUILDPLATFORM golang:1.22 AS build',
  'ENV A=1 B="two words"',
  'RUN --mount=type=cache,target=/root/.cache go build \\',
  '    -o /out/app ./cmd/app',
  'COPY --from=build --chown=app:app /out/app /usr/local/bin/app',
  'RUN <<EOF',
  'echo hi',
  'EOF',
].join('\n');

function instructions(): Instruction[] {
  return DockerfileParser.parse(TEXT).getInstructions();
}

const words = (node: Instruction) => node.getArguments().map((argument) => argument.getValue());

/** getHeredocs is protected on Instruction in dockerfile-ast's typings (public on RUN and COPY). */
const heredocNames = (node: Instruction) =>
  (node as unknown as { getHeredocs(): Array<{ getName(): string }> }).getHeredocs().map((heredoc) => heredoc.getName());

/** getRawArguments is private in dockerfile-ast's typings, public at run time (and what the memo is for). */
type RawArgument = { getRange(): unknown };
const rawArguments = (node: Instruction) => (node as unknown as { getRawArguments(): RawArgument[] }).getRawArguments();

describe('memoiseAccessors', () => {
  it('answers exactly as an untouched node does, call after call', () => {
    const plain = instructions();
    const memoised = instructions();
    memoised.forEach(memoiseAccessors);
    for (const [index, node] of memoised.entries()) {
      for (let call = 0; call < 3; call++) {
        assert.deepEqual(words(node), words(plain[index]));
        assert.deepEqual(rawArguments(node).map((argument) => argument.getRange()), rawArguments(plain[index]).map((argument) => argument.getRange()));
        assert.equal(node.getTextContent(), plain[index].getTextContent());
        assert.deepEqual(heredocNames(node), heredocNames(plain[index]));
      }
    }
  });

  it('drops the flags from the arguments every time (dockerfile-ast shifts them off the array it gets)', () => {
    const copy = instructions()[3];
    memoiseAccessors(copy);
    for (let call = 0; call < 3; call++) assert.deepEqual(words(copy), ['/out/app', '/usr/local/bin/app']);
  });

  it('hands out a new array each time, so a caller that edits its copy changes nothing for the next', () => {
    const run = instructions()[2];
    memoiseAccessors(run);
    const first = rawArguments(run);
    first.length = 0;
    assert.notEqual(rawArguments(run).length, 0);
  });

  it('leaves instructions without an accessor alone (getProperties exists on ENV only here)', () => {
    const [from, env] = instructions();
    memoiseAccessors(from);
    memoiseAccessors(env);
    assert.equal('getProperties' in from, false);
    const env1 = (env as unknown as { getProperties(): Array<{ getName(): string }> }).getProperties().map((property) => property.getName());
    assert.deepEqual(env1, ['A', 'B']);
  });
});
