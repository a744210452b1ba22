// Words from a Dockerfile are often looked up in tables. A word such as `constructor` or `toString`
// must be an unknown key like any other, never Object.prototype's member of that name.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, fixAll } from '../../server/src/analysis/engine';

const PROTOTYPE_KEYS = ['toString', '__proto__', 'constructor', 'hasOwnProperty', 'valueOf', 'prototype', 'isPrototypeOf', '__defineGetter__'];

/** A Dockerfile that puts the word wherever the analysis looks words up. */
function dockerfileUsing(word: string): string {
  return [
    `# syntax=${word}`,
    `# check=${word}=${word}`,
    `ARG ${word}=1`,
    `FROM ${word}:${word} AS ${word}`,
    `FROM debian:${word}`,
    `FROM ${word}/${word}:${word}-${word}`,
    'FROM alpine',
    `# hadolint ignore=${word}`,
    `ENV ${word}=${word} ${word}=x`,
    `ARG ${word}`,
    `LABEL ${word}=${word}`,
    `RUN ${word} ${word} && sudo ${word} -x && env ${word}=1 ${word} && apt-get install ${word}=${word} && apk add ${word}`,
    `RUN pip install ${word}==1 && npm install ${word}@${word} && yum install ${word} && dnf ${word} && zypper ${word}`,
    `RUN gem install ${word} && go install ${word}@${word} && curl ${word} | ${word} && chmod ${word} /x && useradd ${word}`,
    `RUN --mount=type=${word},${word}=${word},from=${word} ${word}`,
    `COPY --from=${word} --chown=${word}:${word} ${word} /${word}`,
    `ADD ${word} /${word}`,
    `USER ${word}`,
    `EXPOSE ${word}/${word}`,
    `WORKDIR ${word}`,
    `SHELL ["${word}", "-c"]`,
    `HEALTHCHECK CMD ${word}`,
    `ONBUILD ${word} ${word}`,
    `STOPSIGNAL ${word}`,
    `CMD ${word}`,
    `ENTRYPOINT ["${word}"]`,
  ].join('\n');
}

describe('words that are names of Object.prototype members', () => {
  for (const word of PROTOTYPE_KEYS) {
    it(`analyses and fixes a Dockerfile full of \`${word}\` without a throw or a rule failure`, () => {
      const text = dockerfileUsing(word);
      const result = analyze(text);
      assert.deepEqual(result.internalErrors, []);
      const configured = analyze(text, {
        rules: { [word]: 'off' },
        importedRules: { [word]: 'error' },
        target: word,
        ruleOptions: { trustedRegistries: [word] },
      });
      assert.deepEqual(configured.internalErrors, []);
      assert.equal(typeof fixAll(text, { unsafe: true }), 'string');
    });
  }
});
