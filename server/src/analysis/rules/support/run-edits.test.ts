import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildModel } from '../../model';
import type { DockerfileModel, InstructionInfo } from '../../model-types';
import { applyTextEdits } from '../../text-edits';
import {
  andListItems,
  appendCommandsEdit,
  canAppendTo,
  combineInsertions,
  continuationStyle,
  logicalText,
  mergeRunsEdits,
  removeItemsEdit,
  textAt,
} from './run-edits';

function runsOf(text: string): { model: DockerfileModel; runs: InstructionInfo[] } {
  const model = buildModel(text);
  return { model, runs: model.instructions.filter((instruction) => instruction.keyword === 'RUN') };
}

describe('editing RUN instructions', () => {
  it('joins continuation lines and drops comment lines inside them', () => {
    assert.equal(logicalText('a \\\n# note\n\n  && b', '\\').replace(/\s+/g, ' '), 'a && b');
    assert.equal(logicalText('a `\r\n  && b', '`').replace(/\s+/g, ' '), 'a && b');
  });

  it('splits a plain and-list into pipelines, and refuses anything else', () => {
    const { model, runs } = runsOf('FROM x\nRUN a | b && c\nRUN a; b\nRUN a || b\nRUN (a && b)\nRUN a # note\n');
    assert.deepEqual(andListItems(model, runs[0])?.map((item) => textAt(model, item)), ['a | b', 'c']);
    for (const run of runs.slice(1)) assert.equal(andListItems(model, run), null, textAt(model, run.range));
  });

  it('appends after scripts that end cleanly only', () => {
    const { model, runs } = runsOf('FROM x\nRUN a; b\nRUN a &\nRUN a # note\nRUN ["a"]\nRUN <<EOF\na\nEOF\n');
    assert.deepEqual(runs.map((run) => canAppendTo(model, run)), [true, false, false, false, false]);
  });

  it('follows the file’s continuation style', () => {
    const leading = runsOf('FROM x\nRUN a \\\n  && b\n');
    assert.deepEqual(continuationStyle(leading.model, leading.runs), { indent: '  ', trailing: false });
    const trailing = runsOf('FROM x\nRUN a && \\\n\tb\n');
    assert.deepEqual(continuationStyle(trailing.model, trailing.runs), { indent: '\t', trailing: true });
    const single = runsOf('FROM x\nRUN a\n');
    assert.deepEqual(continuationStyle(single.model, single.runs), { indent: '    ', trailing: false });
  });

  it('appends commands on continuation lines', () => {
    const { model, runs } = runsOf('FROM x\r\nRUN a \\\r\n  && b\r\nCMD c\r\n');
    const edit = appendCommandsEdit(model, runs[0], ['c', 'd']);
    assert.ok(edit);
    assert.equal(applyTextEdits(model.text, [edit]), 'FROM x\r\nRUN a \\\r\n  && b \\\r\n  && c \\\r\n  && d\r\nCMD c\r\n');
  });

  it('merges RUNs, keeping flags of the first and moving comments above', () => {
    const { model, runs } = runsOf('FROM x\nRUN --network=none a && b\n# why\nRUN --network=none c | d\n');
    const edits = mergeRunsEdits(model, runs, ['e']);
    assert.ok(edits);
    assert.equal(applyTextEdits(model.text, edits), 'FROM x\n# why\nRUN --network=none a \\\n    && b \\\n    && c | d \\\n    && e\n');
  });

  it('does not merge RUNs with different flags or a second RUN that is not an and-list', () => {
    const flags = runsOf('FROM x\nRUN --network=none a\nRUN b\n');
    assert.equal(mergeRunsEdits(flags.model, flags.runs), null);
    const orList = runsOf('FROM x\nRUN a\nRUN b || c\n');
    assert.equal(mergeRunsEdits(orList.model, orList.runs), null);
  });

  it('removes items, or the whole RUN when none is left', () => {
    const { model, runs } = runsOf('FROM x\nRUN a \\\n    && rm b \\\n    && c\nRUN rm d\nCMD e\n');
    const [first, second] = runs;
    const partial = removeItemsEdit(model, first, (item) => textAt(model, item).startsWith('rm'));
    const whole = removeItemsEdit(model, second, () => true);
    assert.ok(partial && whole);
    assert.equal(applyTextEdits(model.text, [partial, whole]), 'FROM x\nRUN a \\\n    && c\nCMD e\n');
    assert.equal(removeItemsEdit(model, first, () => false), null);
  });

  it('combines insertions at the same place into one edit', () => {
    const at = { line: 1, character: 0 };
    const other = { line: 2, character: 0 };
    const combined = combineInsertions([
      { range: { start: at, end: at }, newText: 'a' },
      { range: { start: other, end: other }, newText: 'x' },
      { range: { start: at, end: at }, newText: 'b' },
    ]);
    assert.deepEqual(combined.map((edit) => edit.newText), ['ab', 'x']);
  });
});
