import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel, type DockerfileModel, type Stage } from './model';

function stage(model: DockerfileModel, name: string): Stage {
  const found = model.stages.find((candidate) => candidate.name === name);
  assert.ok(found, `stage ${name} exists`);
  return found;
}

function lines(...content: string[]): string {
  return content.join('\n') + '\n';
}

describe('stage roles', () => {
  it('a single stage ships', () => {
    const model = buildModel(lines('FROM node:20', 'RUN npm ci'));
    assert.equal(model.stages.length, 1);
    const [only] = model.stages;
    assert.deepEqual(only.roles, ['ships']);
    assert.equal(only.ships, true);
    assert.equal(only.shipsLayers, true);
    assert.equal(model.shippedStage, only);
    assert.equal(only.name, null);
  });

  it('a builder copied from by name is copied-from and does not ship its layers', () => {
    const model = buildModel(lines('FROM golang:1.25 AS build', 'RUN go build -o /app', 'FROM scratch', 'COPY --from=build /app /app'));
    const build = stage(model, 'build');
    assert.deepEqual(build.roles, ['copied-from']);
    assert.equal(build.ships, false);
    assert.equal(build.shipsLayers, false);
    assert.deepEqual(model.stages[1].roles, ['ships']);
  });

  it('COPY --from by index and by a differently-cased name', () => {
    const byIndex = buildModel(lines('FROM alpine', 'RUN echo > /x', 'FROM alpine', 'COPY --from=0 /x /x'));
    assert.deepEqual(byIndex.stages[0].roles, ['copied-from']);
    const byName = buildModel(lines('FROM alpine AS Deps', 'FROM alpine', 'COPY --from=deps /x /x'));
    assert.deepEqual(byName.stages[0].roles, ['copied-from']);
  });

  it('COPY --from an image that is not a stage changes no role', () => {
    const model = buildModel(lines('FROM alpine AS tools', 'FROM alpine', 'COPY --from=nginx:alpine /etc/nginx /etc/nginx'));
    assert.deepEqual(model.stages[0].roles, ['unused']);
  });

  it('RUN --mount=…,from=<stage> reads that stage', () => {
    const model = buildModel(lines('FROM node:20 AS deps', 'FROM node:20', 'RUN --mount=type=bind,from=deps,source=/node_modules,target=/m ls /m'));
    assert.deepEqual(stage(model, 'deps').roles, ['copied-from']);
    const run = model.stages[1].instructions[1];
    assert.deepEqual(run.flags[0].options, { type: 'bind', from: 'deps', source: '/node_modules', target: '/m' });
  });

  it('FROM an earlier stage resolves it, case-insensitively, and its layers ship', () => {
    const model = buildModel(lines('FROM node:20-slim AS base', 'FROM BASE AS app', 'CMD ["node", "index.js"]'));
    const base = stage(model, 'base');
    const app = stage(model, 'app');
    assert.equal(app.baseStage, base);
    assert.deepEqual(base.roles, ['base-of']);
    assert.equal(base.shipsLayers, true);
    assert.equal(base.ships, false);
    assert.equal(app.facts, base.facts);
    assert.equal(app.facts.key, 'node:20-slim');
  });

  it('a stage can have several roles', () => {
    const model = buildModel(lines('FROM alpine AS base', 'FROM base AS test', 'FROM alpine', 'COPY --from=base /etc/os-release /x'));
    assert.deepEqual([...stage(model, 'base').roles].sort(), ['base-of', 'copied-from']);
    assert.deepEqual(stage(model, 'test').roles, ['unused']);
  });

  it('a stage nothing refers to is unused', () => {
    const model = buildModel(lines('FROM alpine AS lint', 'RUN echo lint', 'FROM alpine', 'CMD ["true"]'));
    assert.deepEqual(stage(model, 'lint').roles, ['unused']);
    assert.equal(stage(model, 'lint').shipsLayers, false);
  });

  it('--target ships that stage instead of the last one', () => {
    const text = lines('FROM alpine AS base', 'FROM base AS dev', 'FROM alpine AS prod');
    const model = buildModel(text, { target: 'Dev' });
    assert.equal(model.shippedStage, stage(model, 'dev'));
    assert.deepEqual(stage(model, 'dev').roles, ['ships']);
    assert.equal(stage(model, 'base').shipsLayers, true);
    assert.deepEqual(stage(model, 'prod').roles, ['unused']);
    assert.equal(stage(model, 'prod').ships, false);
  });

  it('an unknown --target falls back to the last stage', () => {
    const model = buildModel(lines('FROM alpine AS a', 'FROM alpine AS b'), { target: 'nope' });
    assert.equal(model.shippedStage?.name, 'b');
  });

  it('ONBUILD COPY --from does not make the stage copied-from (it runs in a later build)', () => {
    const model = buildModel(lines('FROM alpine AS build', 'FROM alpine', 'ONBUILD COPY --from=build /x /x'));
    assert.deepEqual(stage(model, 'build').roles, ['unused']);
  });
});

describe('base images', () => {
  it('substitutes global ARG defaults: ${VAR}, $VAR and ${VAR:-default}', () => {
    const model = buildModel(
      lines('ARG BASE=node:20', 'ARG TAG=3.24', 'FROM ${BASE} AS a', 'FROM alpine:$TAG AS b', 'FROM ${MISSING:-python:3.12-slim} AS c'),
    );
    const a = stage(model, 'a').base;
    assert.equal(a.raw, '${BASE}');
    assert.equal(a.resolved, 'node:20');
    assert.equal(a.repository, 'node');
    assert.equal(a.tag, '20');
    assert.equal(a.hasUnresolvedVariables, false);
    assert.equal(stage(model, 'b').base.resolved, 'alpine:3.24');
    assert.equal(stage(model, 'c').base.resolved, 'python:3.12-slim');
    assert.equal(stage(model, 'c').facts.key, 'python:3.12-slim');
  });

  it('an ARG default may use an earlier ARG, and quotes are removed', () => {
    const model = buildModel(lines('ARG VERSION="20"', 'ARG IMAGE=node:${VERSION}-alpine', 'FROM $IMAGE'));
    assert.equal(model.stages[0].base.resolved, 'node:20-alpine');
    assert.equal(model.stages[0].facts.packageManager, 'apk');
  });

  it('several declarations in one ARG', () => {
    const model = buildModel(lines('ARG NAME=python TAG=3.12-slim', 'FROM ${NAME}:${TAG}'));
    assert.equal(model.stages[0].base.resolved, 'python:3.12-slim');
  });

  it('a variable without a default leaves the base unresolved and its facts unknown', () => {
    const model = buildModel(lines('ARG BASE', 'FROM $BASE', 'FROM ${TARGETARCH}/alpine'));
    for (const unresolved of model.stages) {
      assert.equal(unresolved.base.hasUnresolvedVariables, true);
      assert.equal(unresolved.facts.key, null);
      assert.equal(unresolved.facts.uncompressedBytes, null);
      assert.equal(unresolved.baseStage, null);
    }
    assert.equal(model.stages[0].base.resolved, '$BASE');
  });

  it('an ARG declared inside a stage is not visible to a later FROM', () => {
    const model = buildModel(lines('FROM alpine', 'ARG NEXT=node:20', 'FROM $NEXT'));
    assert.equal(model.stages[1].base.hasUnresolvedVariables, true);
  });

  it('a variable can name an earlier stage', () => {
    const model = buildModel(lines('ARG FLAVOUR=slim', 'FROM node:20-slim AS slim', 'FROM ${FLAVOUR}'));
    assert.equal(model.stages[1].baseStage, model.stages[0]);
  });

  it('scratch', () => {
    const model = buildModel(lines('FROM scratch', 'COPY app /app'));
    const { base, facts } = model.stages[0];
    assert.equal(base.isScratch, true);
    assert.equal(facts.isScratch, true);
    assert.equal(facts.hasShell, false);
    assert.equal(facts.packageManager, 'none');
  });

  it('digests, with and without a tag', () => {
    const model = buildModel(lines('FROM node@sha256:abc123 AS a', 'FROM node:20@sha256:def456 AS b'));
    assert.equal(stage(model, 'a').base.digest, 'sha256:abc123');
    assert.equal(stage(model, 'a').base.tag, null);
    assert.equal(stage(model, 'b').base.tag, '20');
    assert.equal(stage(model, 'b').base.digest, 'sha256:def456');
    assert.equal(stage(model, 'b').facts.key, 'node:20');
  });

  it('the base range covers the image text and flags are not part of it', () => {
    const model = buildModel(lines('FROM --platform=$BUILDPLATFORM golang:1.25-alpine AS build'));
    const { base, from } = model.stages[0];
    assert.equal(base.resolved, 'golang:1.25-alpine');
    assert.deepEqual(base.range, { start: { line: 0, character: 31 }, end: { line: 0, character: 49 } });
    assert.equal(from.flags[0].name, 'platform');
    assert.deepEqual(model.stages[0].nameRange, { start: { line: 0, character: 53 }, end: { line: 0, character: 58 } });
  });
});

describe('instructions', () => {
  it('are in document order, global ones apart, each stage starting with its FROM', () => {
    const model = buildModel(lines('ARG V=20', 'FROM node:${V}', 'WORKDIR /app', 'FROM scratch', 'COPY --from=0 /app /app'));
    assert.deepEqual(
      model.instructions.map((info) => info.keyword),
      ['ARG', 'FROM', 'WORKDIR', 'FROM', 'COPY'],
    );
    assert.deepEqual(model.globalInstructions.map((info) => info.keyword), ['ARG']);
    assert.equal(model.globalInstructions[0].stage, null);
    assert.deepEqual(model.stages[0].instructions.map((info) => info.keyword), ['FROM', 'WORKDIR']);
    assert.equal(model.stages[0].from, model.stages[0].instructions[0]);
    assert.equal(model.stages[1].instructions[1].stage, model.stages[1]);
    assert.deepEqual(model.stages[0].range, { start: { line: 1, character: 0 }, end: { line: 2, character: 12 } });
  });

  it('ONBUILD triggers are their own instruction, flagged', () => {
    const model = buildModel(lines('FROM alpine', 'ONBUILD RUN apk add --no-cache git', 'ONBUILD'));
    const [, trigger, bare] = model.stages[0].instructions;
    assert.equal(trigger.keyword, 'RUN');
    assert.equal(trigger.onbuild, true);
    assert.equal(trigger.stage, model.stages[0]);
    assert.deepEqual(trigger.keywordRange, { start: { line: 1, character: 8 }, end: { line: 1, character: 11 } });
    assert.ok(trigger.script);
    assert.equal(bare.keyword, 'ONBUILD');
    assert.equal(bare.onbuild, false);
  });

  it('flags keep their names, values, ranges and --mount options', () => {
    const runLine = 'RUN --mount=type=cache,target=/var/cache/apt,sharing=locked,ro apt-get update';
    const model = buildModel(lines('FROM debian', runLine));
    const [flag] = model.stages[0].instructions[1].flags;
    assert.equal(flag.name, 'mount');
    assert.equal(flag.value, 'type=cache,target=/var/cache/apt,sharing=locked,ro');
    assert.deepEqual(flag.options, { type: 'cache', target: '/var/cache/apt', sharing: 'locked', ro: 'true' });
    assert.deepEqual(flag.range, { start: { line: 1, character: 4 }, end: { line: 1, character: runLine.indexOf(' apt-get') } });
    assert.deepEqual(flag.nameRange, { start: { line: 1, character: 6 }, end: { line: 1, character: 11 } });
    const copy = buildModel(lines('FROM a', 'COPY --chown=node:node . .')).stages[0].instructions[1];
    assert.deepEqual(copy.flags[0].options, {});
  });

  it('RUN, shell-form CMD/ENTRYPOINT and HEALTHCHECK CMD get a script; exec form CMD and COPY do not', () => {
    const model = buildModel(
      lines(
        'FROM debian',
        'RUN --mount=type=cache,target=/root/.cache apt-get update && apt-get install -y curl',
        'CMD node server.js',
        'ENTRYPOINT ["node"]',
        'HEALTHCHECK --interval=5s CMD curl -f http://localhost/',
        'COPY . .',
      ),
    );
    const [, run, cmd, entrypoint, healthcheck, copy] = model.stages[0].instructions;
    assert.equal(run.script?.commands[0].program?.value, 'apt-get');
    assert.equal(run.script?.commands.length, 2);
    assert.equal(run.script?.range.start.character, model.lines[1].indexOf('apt-get'), 'the script starts after the flags');
    assert.equal(cmd.script?.commands[0].program?.value, 'node');
    assert.equal(entrypoint.script, null);
    assert.equal(healthcheck.script?.commands[0].program?.value, 'curl');
    assert.ok((healthcheck.script?.range.start.character ?? 0) >= model.lines[4].indexOf(' curl'));
    assert.equal(copy.script, null);
  });

  it('a JSON-looking CMD that is not a JSON array of strings is shell form', () => {
    const model = buildModel(lines('FROM a', 'CMD ["a"] b', 'CMD [a]'));
    assert.ok(model.stages[0].instructions[1].script);
    assert.ok(model.stages[0].instructions[2].script);
  });

  it('heredoc RUN scripts see their bodies', () => {
    const model = buildModel(lines('FROM alpine', 'RUN <<EOF', 'apk add --no-cache curl', 'EOF'));
    const script = model.stages[0].instructions[1].script;
    assert.equal(script?.heredocs[0]?.name, 'EOF');
    assert.equal(script?.commands[0]?.program?.value, 'apk');
  });
});

describe('directives and encodings', () => {
  it('reads syntax, check and escape directives with their ranges', () => {
    const model = buildModel(lines('# syntax=docker/dockerfile:1', '# check=skip=JSONArgsRecommended', '# escape=`', 'FROM alpine'));
    assert.deepEqual(
      model.directives.map(({ name, value }) => [name, value]),
      [
        ['syntax', 'docker/dockerfile:1'],
        ['check', 'skip=JSONArgsRecommended'],
        ['escape', '`'],
      ],
    );
    assert.deepEqual(model.directives[1].range, { start: { line: 1, character: 0 }, end: { line: 1, character: 32 } });
    assert.equal(model.escapeCharacter, '`');
  });

  it('CRLF line endings: lines and ranges as an LSP client sees them', () => {
    const model = buildModel('FROM node:20 AS build\r\nRUN npm ci \\\r\n && npm test\r\nFROM build\r\n');
    assert.deepEqual(model.lines.slice(0, 3), ['FROM node:20 AS build', 'RUN npm ci \\', ' && npm test']);
    const run = model.stages[0].instructions[1];
    assert.deepEqual(run.range, { start: { line: 1, character: 0 }, end: { line: 2, character: 12 } });
    assert.equal(model.stages[1].baseStage, model.stages[0]);
    assert.equal(model.stages[0].name, 'build');
  });

  it('a byte order mark does not hide the first instruction', () => {
    const model = buildModel('\uFEFFFROM alpine:3.24\nRUN true\n');
    assert.equal(model.stages.length, 1);
    assert.equal(model.stages[0].base.resolved, 'alpine:3.24');
    assert.equal(model.stages[0].facts.key, 'alpine:3.24');
  });

  it('escape=` continues lines with a backtick', () => {
    const model = buildModel(lines('# escape=`', 'FROM mcr.microsoft.com/dotnet/sdk:8.0', 'RUN dotnet restore `', '    && dotnet build'));
    const run = model.stages[0].instructions[1];
    assert.equal(run.range.end.line, 3);
    assert.equal(model.instructions.length, 2);
  });
});

describe('robustness', () => {
  function seededBytes(seed: number, length: number): string {
    let state = seed;
    let text = '';
    for (let i = 0; i < length; i++) {
      state = (state * 1103515245 + 12345) & 0x7fffffff;
      text += String.fromCharCode(state % 256);
    }
    return text;
  }

  it('random bytes never throw', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const model = buildModel(seededBytes(seed, 2000));
      assert.ok(Array.isArray(model.stages));
    }
  });

  it('Dockerfile-shaped noise never throws', () => {
    const pieces = ['FROM ', 'AS ', '${', '}', '$', 'ARG ', 'RUN ', '<<EOF\n', 'EOF\n', 'COPY --from=', 'ONBUILD ', '\\\n', '`\n', '"', "'", '[', ']', '\r\n', '# escape=`\n', '--mount=from=', '0', 'a', ' ', '\uFEFF', '\u0000', '@sha256:', ':'];
    let state = 7;
    for (let round = 0; round < 200; round++) {
      let text = '';
      for (let i = 0; i < 40; i++) {
        state = (state * 1103515245 + 12345) & 0x7fffffff;
        text += pieces[state % pieces.length];
      }
      assert.doesNotThrow(() => buildModel(text), text);
    }
  });

  it('an unterminated heredoc, an empty file and a bare FROM', () => {
    assert.equal(buildModel('FROM alpine\nRUN <<EOF\necho hi\n').stages.length, 1);
    assert.equal(buildModel('').stages.length, 0);
    assert.equal(buildModel('').shippedStage, null);
    const bare = buildModel('FROM\n');
    assert.equal(bare.stages[0].base.repository, '');
    assert.equal(bare.stages[0].facts.key, null);
  });

  it('input that is not a string gives an empty model', () => {
    assert.equal(buildModel(undefined as unknown as string).stages.length, 0);
  });

  it('a 5 MB file is modelled', () => {
    // A few stages with hundreds of instructions each: dockerfile-ast itself slows down with thousands of stages.
    const comment = `# ${'padding '.repeat(60)}`;
    const body = lines('RUN apt-get update && apt-get install -y curl \\', '    && rm -rf /var/lib/apt/lists/*', comment, 'COPY --from=0 /a /b');
    const stageText = 'FROM node:20 AS s\n' + body.repeat(500);
    const stageCount = Math.ceil(5_000_000 / stageText.length);
    const model = buildModel(stageText.repeat(stageCount));
    assert.equal(model.stages.length, stageCount);
    assert.equal(model.instructions.length, stageCount * 1001);
    assert.equal(model.shippedStage, model.stages.at(-1));
    assert.deepEqual(model.stages[0].roles, ['copied-from']);
  });
});
