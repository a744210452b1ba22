import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildModel } from '../../model';
import type { InstructionInfo } from '../../model-types';
import { instructionsBefore, keywordInstructionsBefore, matchedBefore, nearestBefore, nearestMatchBefore } from './stage-history';

const model = buildModel(
  [
    'FROM debian:12 AS base',
    'SHELL ["/bin/bash", "-c"]',
    'USER app',
    'ONBUILD USER nobody',
    'FROM base AS build',
    'ENV A=1',
    'RUN echo one',
    'USER root',
    'ARG B=2',
    'RUN echo two',
    'FROM alpine AS other',
    'RUN echo three',
  ].join('\n'),
);
const [base, build, other] = model.stages;
const line = (instruction: InstructionInfo | null) => (instruction ? instruction.range.start.line : null);
const lines = (instructions: readonly InstructionInfo[]) => instructions.map(line);
const runs = (stage: typeof build) => stage.instructions.filter((instruction) => instruction.keyword === 'RUN');

describe('stage history', () => {
  it('lists what ran before, base stages first, without ONBUILD triggers', () => {
    const [, secondRun] = runs(build);
    assert.deepEqual(lines(instructionsBefore(build, secondRun)), [0, 1, 2, 4, 5, 6, 7, 8]);
    assert.deepEqual(lines(instructionsBefore(base, null)), [0, 1, 2]);
    assert.deepEqual(lines(instructionsBefore(other, runs(other)[0])), [10]);
  });

  it('finds the instructions of some keywords and the nearest one of a keyword', () => {
    const [firstRun, secondRun] = runs(build);
    assert.deepEqual(lines(keywordInstructionsBefore(build, secondRun, ['ENV', 'ARG'])), [5, 8]);
    assert.equal(line(nearestBefore(build, firstRun, 'USER')), 2);
    assert.equal(line(nearestBefore(build, secondRun, 'USER')), 7);
    assert.equal(line(nearestBefore(build, secondRun, 'SHELL')), 1);
    assert.equal(nearestBefore(other, runs(other)[0], 'SHELL'), null);
  });

  it('answers pattern questions from the first and the nearest match', () => {
    const [firstRun, secondRun] = runs(build);
    const echoes = (instruction: InstructionInfo) => instruction.node.getTextContent().includes('echo');
    assert.equal(matchedBefore(build, firstRun, 'echo', ['RUN'], echoes), false);
    assert.equal(matchedBefore(build, secondRun, 'echo', ['RUN'], echoes), true);
    assert.equal(line(nearestMatchBefore(build, secondRun, 'echo', ['RUN'], echoes)), 6);
    assert.equal(nearestMatchBefore(build, firstRun, 'echo', ['RUN'], echoes), null);
  });
});
