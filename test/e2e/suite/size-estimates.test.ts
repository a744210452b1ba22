/// <reference types="mocha" />
// The size estimator as a person meets it: a lens over each FROM (size, ships or build only, the
// saving of a multi-stage build), a hover over FROM with the stage's per-instruction table and over
// an instruction with its layer, the breakdown copied as Markdown, and the two lens settings.
// Exact texts come from the core (size-expectations.ts); the regular expressions pin the shape a
// person reads, whatever the data tables say today.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, lines, openFixture } from './helpers';
import {
  COPY_BREAKDOWN_COMMAND,
  ExpectedSizes,
  SHOW_BREAKDOWN_COMMAND,
  sizeHoverAt,
  titleBytes,
  waitForLensTitles,
  waitForNoLenses,
} from './size-expectations';

const GO_BUILD = 'go-app/go-build.dockerfile';
const NODE_APP = 'node-app/node-app.dockerfile';
const UNKNOWN_IMAGE = 'unknown-image.dockerfile';

const SHIPPED_TITLE = /^≈ [\d.]+ (MB|GB) est\. · ships( · −\d+ % vs build)?$/;
const BUILD_ONLY_TITLE = /^≈ [\d.]+ (MB|GB) est\. · build only$/;
const COMPRESSED_TITLE = /^≈ [\d.]+ (B|KB|MB|GB) est\. compressed · (ships|build only)( · −\d+ % vs build)?$/;
/** Instructions that add a layer the estimator sizes (WORKDIR, USER, ENTRYPOINT… add none worth a row). */
const LAYER_KEYWORDS = new Set(['FROM', 'RUN', 'COPY', 'ADD']);

/** 0-based lines of the instructions of the stage whose FROM is on `fromLine`, with their keywords. */
function stageInstructions(document: vscode.TextDocument, fromLine: number): Array<{ line: number; keyword: string }> {
  const found: Array<{ line: number; keyword: string }> = [];
  for (const [line, text] of lines(document.getText()).entries()) {
    const keyword = /^([A-Za-z]+)\s/.exec(text)?.[1]?.toUpperCase();
    if (line < fromLine || !keyword) continue;
    if (keyword === 'FROM' && line > fromLine) break;
    found.push({ line, keyword });
  }
  return found;
}

function lineOf(document: vscode.TextDocument, pattern: RegExp): number {
  const line = lines(document.getText()).findIndex((text) => pattern.test(text));
  assert.ok(line >= 0, `${document.uri.path} has a line matching ${pattern}`);
  return line;
}

async function openWithLenses(name: string, measure: 'uncompressed' | 'compressed' = 'uncompressed') {
  const { document } = await openFixture(name);
  const expected = await ExpectedSizes.of(document, measure);
  const lenses = await waitForLensTitles(document.uri, expected.titles());
  return { document, expected, lenses };
}

interface BreakdownArgument {
  stage: string;
  summary: string;
  layers: string[];
  markdown: string;
}

function breakdownArgument(lens: vscode.CodeLens | undefined): BreakdownArgument {
  assert.ok(lens?.command, 'a size lens with a command');
  assert.equal(lens.command.command, SHOW_BREAKDOWN_COMMAND, 'a click on the lens opens the stage breakdown');
  assert.equal(lens.command.arguments?.length, 1, 'the breakdown is the one argument');
  return lens.command.arguments?.[0] as BreakdownArgument;
}

describe('size estimates', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  describe('lens over each FROM', () => {
    it('multi-stage Go → scratch: the build stage is build only, the scratch stage ships with its saving', async () => {
      const { document, expected, lenses } = await openWithLenses(GO_BUILD);
      const fromLines = lines(document.getText()).flatMap((text, line) => (text.startsWith('FROM ') ? [line] : []));
      assert.deepEqual([...lenses.keys()].sort((a, b) => a - b), fromLines, 'one size lens per FROM');

      const [buildLine, shippedLine] = fromLines;
      const buildTitle = lenses.get(buildLine)?.command?.title ?? '';
      const shippedTitle = lenses.get(shippedLine)?.command?.title ?? '';
      assert.match(buildTitle, BUILD_ONLY_TITLE);
      assert.match(shippedTitle, SHIPPED_TITLE);
      assert.match(shippedTitle, / · −\d+ % vs build$/, 'scratch is smaller than the Go toolchain stage');
      assert.ok((titleBytes(shippedTitle) ?? Infinity) < (titleBytes(buildTitle) ?? 0), `${shippedTitle} < ${buildTitle}`);
      assert.ok(expected.stages.every((stage) => stage.ships === (stage.line === shippedLine)), 'only the last stage ships');
    });

    it('single-stage node:20 app: an estimate that ships, with no saving to show', async () => {
      const { document, lenses } = await openWithLenses(NODE_APP);
      const fromLine = lineOf(document, /^FROM node:20$/);
      assert.deepEqual([...lenses.keys()], [fromLine]);
      assert.match(lenses.get(fromLine)?.command?.title ?? '', /^≈ [\d.]+ (MB|GB) est\. · ships$/);
    });

    it('an image no table knows: "size unknown", never a made-up number', async () => {
      const { document, lenses } = await openWithLenses(UNKNOWN_IMAGE);
      const fromLine = lineOf(document, /^FROM registry\.example\.com\//);
      assert.equal(lenses.get(fromLine)?.command?.title, 'size unknown · ships');
    });

    it('"≥" when the files a COPY takes from the build context cannot be read (an untitled file has no folder)', async () => {
      const { document: onDisk } = await openFixture(NODE_APP);
      const document = await vscode.workspace.openTextDocument({ language: 'dockerfile', content: onDisk.getText() });
      await vscode.window.showTextDocument(document);
      const expected = await ExpectedSizes.of(document);
      const lenses = await waitForLensTitles(document.uri, expected.titles());
      const title = lenses.get(lineOf(document, /^FROM node:20$/))?.command?.title ?? '';
      assert.match(title, /^≥ [\d.]+ (MB|GB) est\. · ships$/);
    });

    it('a click on the lens passes the stage breakdown to layerwise.showStageBreakdown', async () => {
      const { expected, lenses } = await openWithLenses(GO_BUILD);
      for (const stage of expected.stages) {
        const argument = breakdownArgument(lenses.get(stage.line));
        assert.equal(argument.stage, `${stage.name ?? `stage ${stage.index}`} (FROM ${stage.base})`);
        assert.equal(argument.summary, lenses.get(stage.line)?.command?.title, 'the breakdown repeats the lens title');
        const layers = expected.estimateOf(stage).layers;
        assert.deepEqual(
          argument.layers.map((layer) => /^line (\d+) (\w+): /.exec(layer)?.slice(1)),
          layers.map((layer) => [String(layer.line + 1), layer.keyword]),
          'one entry per layer, in order',
        );
        assert.equal(argument.markdown, expected.breakdown());
      }
      const commands = await vscode.commands.getCommands(true);
      assert.ok(commands.includes(SHOW_BREAKDOWN_COMMAND) && commands.includes(COPY_BREAKDOWN_COMMAND), 'both breakdown commands are registered');
    });
  });

  describe('hover', () => {
    it('over FROM: the stage table, one row per layer-producing instruction', async () => {
      const { document, expected } = await openWithLenses(GO_BUILD);
      for (const stage of expected.stages) {
        const hover = await sizeHoverAt(document.uri, new vscode.Position(stage.line, 1));
        assert.ok(hover, `a size hover over line ${stage.line + 1}`);
        assert.equal(hover.markdown, expected.stageTable(stage));
        assert.match(hover.markdown, /\n\| line \| instruction \| size \| range \| basis \| what \|\n\|---:\|/);

        const rows = lines(hover.markdown).flatMap((row) => {
          const cells = /^\| (\d+) \| (\w+) \| (.+?) \|/.exec(row);
          return cells ? [{ line: Number(cells[1]) - 1, keyword: cells[2], size: cells[3] }] : [];
        });
        const layerInstructions = stageInstructions(document, stage.line).filter((instruction) => LAYER_KEYWORDS.has(instruction.keyword));
        assert.deepEqual(
          rows.map(({ line, keyword }) => ({ line, keyword })),
          layerInstructions,
          `rows of the table over line ${stage.line + 1}`,
        );
        for (const row of rows) assert.match(row.size, /^(\+?[\d.]+[ \u00a0](B|KB|MB|GB)|unknown|≥[ \u00a0].+)$/, `size cell of line ${row.line + 1}`);
      }
    });

    it('over RUN and COPY: the layer estimate and its basis', async () => {
      const { document, expected } = await openWithLenses(GO_BUILD);
      const runLine = lineOf(document, /^RUN go mod download/);
      const run = await sizeHoverAt(document.uri, new vscode.Position(runLine, 5));
      assert.ok(run, 'a size hover over the RUN');
      assert.equal(run.markdown, expected.layerHover(runLine));
      assert.match(run.markdown, /^\*\*Layer estimate: \+[\d.]+ (B|KB|MB|GB)\*\*/);
      assert.match(run.markdown, /\n\nBasis: (measured data|heuristic|unknown)\. \S/);
      assert.equal(run.range?.start.line, runLine, 'the hover covers the RUN instruction');

      // The context holds go.mod, main.go and README.md; .dockerignore keeps README.md out.
      const copyLine = lineOf(document, /^COPY \. \./);
      const copy = await sizeHoverAt(document.uri, new vscode.Position(copyLine, 1));
      assert.equal(copy?.markdown, expected.layerHover(copyLine));
      assert.match(copy?.markdown ?? '', /Basis: measured data\. 2 file\(s\) from the build context, \.dockerignore applied/);
    });

    it('nothing over an instruction that adds no layer', async () => {
      const { document } = await openWithLenses(GO_BUILD);
      assert.equal(await sizeHoverAt(document.uri, new vscode.Position(lineOf(document, /^WORKDIR /), 2)), undefined);
    });
  });

  describe('copy as Markdown', () => {
    it('layerwise.copyStageBreakdown puts every stage\'s table on the clipboard', async () => {
      const { expected, lenses } = await openWithLenses(GO_BUILD);
      const sentinel = `layerwise e2e ${Date.now()}`;
      await vscode.env.clipboard.writeText(sentinel);
      assert.equal(await vscode.env.clipboard.readText(), sentinel, 'the editor\'s clipboard works at all');

      const argument = breakdownArgument(lenses.get(expected.stages[0].line));
      await vscode.commands.executeCommand(COPY_BREAKDOWN_COMMAND, argument);
      const copied = await vscode.env.clipboard.readText();
      assert.equal(copied, expected.breakdown());
      for (const stage of expected.stages) assert.ok(copied.includes(expected.stageTable(stage)), `the table of stage ${stage.index}`);
      assert.equal(copied.match(/^\| line \| instruction \|/gm)?.length, expected.stages.length, 'one table per stage');
    });
  });

  describe('settings', () => {
    const settings = () => vscode.workspace.getConfiguration('layerwise');

    afterEach(async () => {
      await settings().update('sizeLens.measure', undefined, vscode.ConfigurationTarget.Workspace);
      await settings().update('sizeLens.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    });

    it('sizeLens.measure "compressed" shows the smaller size a pull transfers', async () => {
      const { document, expected, lenses } = await openWithLenses(GO_BUILD);
      await settings().update('sizeLens.measure', 'compressed', vscode.ConfigurationTarget.Workspace);
      const compressed = await waitForLensTitles(document.uri, expected.withMeasure('compressed').titles());
      for (const stage of expected.stages) {
        const before = lenses.get(stage.line)?.command?.title ?? '';
        const after = compressed.get(stage.line)?.command?.title ?? '';
        assert.match(after, COMPRESSED_TITLE);
        assert.ok((titleBytes(after) ?? Infinity) < (titleBytes(before) ?? 0), `line ${stage.line + 1}: ${after} < ${before}`);
      }

      await settings().update('sizeLens.measure', undefined, vscode.ConfigurationTarget.Workspace);
      await waitForLensTitles(document.uri, expected.titles());
    });

    it('sizeLens.enabled false removes the lenses and the size hover; true brings them back', async () => {
      const { document, expected } = await openWithLenses(GO_BUILD);
      const fromLine = expected.stages[0].line;
      await settings().update('sizeLens.enabled', false, vscode.ConfigurationTarget.Workspace);
      await waitForNoLenses(document.uri);
      assert.equal(await sizeHoverAt(document.uri, new vscode.Position(fromLine, 1)), undefined, 'no size hover either');

      await settings().update('sizeLens.enabled', undefined, vscode.ConfigurationTarget.Workspace);
      await waitForLensTitles(document.uri, expected.titles());
    });
  });
});
