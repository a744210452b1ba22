import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildModel } from '../../model';
import { effectiveUser, isRootUser, nonRootUserPlan, userCreatedIn } from './users';

const shippedOf = (text: string) => {
  const stage = buildModel(text).shippedStage;
  assert.ok(stage);
  return stage;
};

describe('users', () => {
  it('recognizes root in its spellings', () => {
    for (const user of ['root', '0', 'root:root', '0:0', 'root:app']) assert.ok(isRootUser(user), user);
    for (const user of ['app', '1000', '65532:65532', '$USER', 'nonroot']) assert.ok(!isRootUser(user), user);
  });

  it('follows USER through the stages a stage is built on, then the image default', () => {
    assert.equal(effectiveUser(shippedOf('FROM node:20 AS a\nUSER node\nFROM a\nRUN x\n')).user, 'node');
    assert.equal(effectiveUser(shippedOf('FROM node:20\nUSER node\nUSER root\n')).user, 'root');
    const fromImage = effectiveUser(shippedOf('FROM gcr.io/distroless/static-debian12:nonroot\n'));
    assert.deepEqual([fromImage.user, fromImage.instruction], ['nonroot', null]);
  });

  it('finds the user a RUN creates', () => {
    assert.equal(userCreatedIn(shippedOf('FROM debian:12\nRUN useradd -m -u 1001 -s /bin/bash appuser && echo ok\n')), 'appuser');
    assert.equal(userCreatedIn(shippedOf('FROM alpine:3 AS a\nRUN adduser -D -G www www\nFROM a\n')), 'www');
    assert.equal(userCreatedIn(shippedOf('FROM alpine:3\nRUN adduser -D "$NAME"\n')), null);
    assert.equal(userCreatedIn(shippedOf('FROM alpine:3\nRUN apk add --no-cache curl\n')), null);
  });

  it('plans a user the image can switch to', () => {
    const planFor = (image: string) => {
      const stage = shippedOf(`FROM ${image}\n`);
      return nonRootUserPlan(stage.facts, stage.base.isScratch);
    };
    assert.deepEqual(planFor('node:20-slim'), { user: 'node', setup: [] });
    assert.deepEqual(planFor('gcr.io/distroless/base-debian12'), { user: 'nonroot', setup: [] });
    assert.deepEqual(planFor('scratch'), { user: '65532:65532', setup: [] });
    assert.equal(planFor('alpine:3.20')?.setup[0], 'addgroup -S app');
    assert.equal(planFor('ubuntu:24.04')?.user, 'app');
    assert.match(planFor('ubuntu:24.04')?.setup[1] ?? '', /--no-log-init/);
    assert.equal(planFor('registry.example.com/unknown:1'), null);
    assert.deepEqual(nonRootUserPlan(shippedOf('FROM alpine:3.20\n').facts, false, 'www'), { user: 'www', setup: [] });
  });
});
