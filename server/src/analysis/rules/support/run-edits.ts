// Text edits on RUN instructions: append commands, merge RUNs, remove a command or an instruction.
// Every edit keeps the file's line endings and escape character and writes readable ` \` continuations.
import type { DockerfileModel, InstructionInfo, Stage } from '../../model-types';
import type { Position, Range, TextEdit } from '../../rule';
import { textInRange } from '../../text-edits';
import { compareRangeStarts } from './commands';
import { nearestBefore } from './stage-history';
import { remembered } from '../../remembered';

export function textAt(model: DockerfileModel, range: Range): string {
  return textInRange(model.text, model.lineStarts, range);
}

/** A shell-form RUN whose script the parser fully understood. Heredocs and exec form are never edited. */
export function isPlainShellRun(instruction: InstructionInfo): boolean {
  const script = instruction.script;
  return (
    instruction.keyword === 'RUN' &&
    script !== null &&
    script.form === 'shell' &&
    script.heredocs.length === 0 &&
    !script.incomplete &&
    script.commands.length > 0
  );
}

/**
 * The script with line continuations joined and comment lines inside them dropped, as the shell will see
 * it. Used to check the text between commands, never to find commands.
 */
export function logicalText(text: string, escape: string): string {
  const lines = text.split(/\r\n|\n|\r/);
  const kept: string[] = [];
  lines.forEach((line, index) => {
    if (index > 0 && (line.trim() === '' || line.trim().startsWith('#'))) return;
    const trimmed = line.replace(/[ \t]+$/, '');
    kept.push(trimmed.endsWith(escape) ? trimmed.slice(0, -escape.length) : line);
  });
  return kept.join(' ');
}

/**
 * The top-level items of a RUN that is a plain and-list (`a && b | c && d`): one range per pipeline.
 * null when the script has anything else at the top level (`;`, `||`, `&`, `if`, subshells, comments),
 * because joining such a script to others with `&&` would change what runs when a command fails.
 */
export function andListItems(model: DockerfileModel, run: InstructionInfo): readonly Range[] | null {
  // Several rules and fixes ask for the same RUN's items: the text is read once per analysis.
  return remembered(andListItemsByRun, run, () => {
    const answer = readAndListItems(model, run);
    return answer && Object.freeze(answer);
  });
}

const andListItemsByRun = new WeakMap<InstructionInfo, readonly Range[] | null>();

function readAndListItems(model: DockerfileModel, run: InstructionInfo): Range[] | null {
  if (!isPlainShellRun(run) || !run.script) return null;
  const script = run.script;
  const commands = script.commands.filter((command) => !command.nested).sort((a, b) => compareRangeStarts(a.range, b.range));
  if (commands.length === 0) return null;
  const gapIsBlank = (range: Range) => gapText(model, range) === '';
  if (!gapIsBlank({ start: script.range.start, end: commands[0].range.start })) return null;
  if (!gapIsBlank({ start: commands[commands.length - 1].range.end, end: script.range.end })) return null;
  const items: Range[] = [{ ...commands[0].range }];
  for (let index = 1; index < commands.length; index++) {
    const gap = gapText(model, { start: commands[index - 1].range.end, end: commands[index].range.start });
    if (gap === '|') items[items.length - 1] = { start: items[items.length - 1].start, end: commands[index].range.end };
    else if (gap === '&&') items.push({ ...commands[index].range });
    else return null;
  }
  return items;
}

/** The text between two commands as the shell sees it, trimmed: `&&`, `|`, `;` or nothing. */
function gapText(model: DockerfileModel, range: Range): string {
  const text = textAt(model, range);
  // Most gaps are ` && ` on one line: with no line break and no escape character there is nothing to join.
  if (!text.includes('\n') && !text.includes('\r') && !text.includes(model.escapeCharacter)) return text.trim();
  return logicalText(text, model.escapeCharacter).trim();
}

/**
 * True when `&& more` can be written after the script without changing what it already does: the script
 * does not end in a separator or a background `&`, and has no shell comment that would swallow the rest.
 */
export function canAppendTo(model: DockerfileModel, run: InstructionInfo): boolean {
  if (!isPlainShellRun(run) || !run.script) return false;
  if (andListItems(model, run)) return true;
  const logical = logicalText(textAt(model, run.script.range), model.escapeCharacter).trim();
  return logical !== '' && !/[;&|]$/.test(logical) && !/(^|\s)#/.test(logical);
}

/** How the file writes continued commands: where `&&` goes and how deep the continuation lines are. */
export interface ContinuationStyle {
  indent: string;
  /** `cmd && \` (trailing) rather than `\` then `&& cmd` on the next line (leading, the default). */
  trailing: boolean;
}

export function continuationStyle(model: DockerfileModel, runs: readonly InstructionInfo[]): ContinuationStyle {
  const trailingAnd = trailingAndPattern(model.escapeCharacter);
  for (const run of runs) {
    const lines = textAt(model, run.range).split(/\r\n|\n|\r/);
    const leading = lines.slice(1).find((line) => /^[ \t]*&&/.test(line));
    if (leading) return { indent: /^[ \t]*/.exec(leading)?.[0] || '    ', trailing: false };
    if (lines.some((line) => trailingAnd.test(line))) {
      const next = lines[1] ?? '';
      return { indent: /^[ \t]*/.exec(next)?.[0] || '    ', trailing: true };
    }
  }
  return { indent: '    ', trailing: false };
}

/** `&& \` at the end of a line, for the two escape characters a parser directive allows (built once, not per line). */
const TRAILING_AND_BACKSLASH = /&&[ \t]*\\[ \t]*$/;
const TRAILING_AND_BACKTICK = /&&[ \t]*`[ \t]*$/;

function trailingAndPattern(escapeCharacter: string): RegExp {
  if (escapeCharacter === '\\') return TRAILING_AND_BACKSLASH;
  if (escapeCharacter === '`') return TRAILING_AND_BACKTICK;
  return new RegExp(`&&[ \\t]*${escapeCharacter.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ \\t]*$`);
}

/** The text that joins one command to the next: ` \` + newline + indent + `&& `. */
function joiner(model: DockerfileModel, style: ContinuationStyle): string {
  const breakLine = `${model.escapeCharacter}${model.lineEnding}${style.indent}`;
  return style.trailing ? ` && ${breakLine}` : ` ${breakLine}&& `;
}

/** Appends commands to a RUN, each on its own continuation line. null when the RUN cannot take more. */
export function appendCommandsEdit(model: DockerfileModel, run: InstructionInfo, commands: readonly string[]): TextEdit | null {
  if (!run.script || !canAppendTo(model, run) || commands.length === 0) return null;
  const join = joiner(model, continuationStyle(model, [run]));
  return { range: { start: run.script.range.end, end: run.script.range.end }, newText: commands.map((c) => join + c).join('') };
}

/** True when the RUNs can become one: same stage, same ONBUILD-ness, same flags (see hasCustomShell for the shell). */
export function haveSameRunSettings(a: InstructionInfo, b: InstructionInfo): boolean {
  if (a.stage !== b.stage || a.onbuild !== b.onbuild) return false;
  // Cheap test first: most RUNs have no flags.
  if (a.flags.length === 0 && b.flags.length === 0) return true;
  return flagsKey(a) === flagsKey(b);
}

function flagsKey(instruction: InstructionInfo): string {
  return instruction.flags
    .map((flag) => `${flag.name}=${flag.value ?? ''}`)
    .sort()
    .join('\n');
}

/** True when a SHELL instruction changes the shell of the stage (or of a stage it is built on) before `instruction`. */
export function hasCustomShell(stage: Stage, instruction: InstructionInfo): boolean {
  return nearestBefore(stage, instruction, 'SHELL') !== null;
}

/**
 * Merges consecutive RUNs into the first one: one command per line, joined with `&&`, plus `extra` commands
 * at the end. Comment lines between the RUNs move above the merged RUN. null when a RUN cannot be merged.
 */
export function mergeRunsEdits(
  model: DockerfileModel,
  runs: readonly InstructionInfo[],
  extra: readonly string[] = [],
): TextEdit[] | null {
  const [first, ...rest] = runs;
  if (!first?.script || !first.stage || !canAppendTo(model, first) || hasCustomShell(first.stage, first)) return null;
  const pieces: string[] = [];
  for (const run of runs) {
    if (run !== first && !haveSameRunSettings(first, run)) return null;
    const items = andListItems(model, run);
    if (!items && run !== first) return null;
    for (const range of items ?? [run.script!.range]) pieces.push(textAt(model, range));
  }
  pieces.push(...extra);
  const last = rest.length > 0 ? rest[rest.length - 1] : first;
  const merged = pieces.join(joiner(model, continuationStyle(model, runs)));
  const edits: TextEdit[] = [{ range: { start: first.script.range.start, end: last.script!.range.end }, newText: merged }];
  const comments = commentLinesBetween(model, first, last);
  if (comments.length > 0) {
    const lineStart: Position = { line: first.range.start.line, character: 0 };
    edits.unshift({ range: { start: lineStart, end: lineStart }, newText: comments.map((c) => c + model.lineEnding).join('') });
  }
  return edits;
}

/** Full-line comments between two instructions (not inside either). */
function commentLinesBetween(model: DockerfileModel, first: InstructionInfo, last: InstructionInfo): string[] {
  // Only an instruction between the two can hold a comment-looking line of its own (a heredoc body).
  // They are looked for only when such a line is there: most RUNs side by side have none between them.
  let between: InstructionInfo[] | null = null;
  const insideAny = (line: number) => {
    between ??= model.instructions.filter(
      (other) => other.range.end.line > first.range.end.line && other.range.start.line < last.range.start.line,
    );
    return between.some((other) => other.range.start.line <= line && line <= other.range.end.line);
  };
  const comments: string[] = [];
  for (let line = first.range.end.line + 1; line < last.range.start.line; line++) {
    const text = model.lines[line] ?? '';
    if (text.trim().startsWith('#') && !insideAny(line)) comments.push(text.replace(/\r$/, ''));
  }
  return comments;
}

/** Deletes an instruction's whole lines, its line ending included. */
export function deleteInstructionEdit(instruction: InstructionInfo): TextEdit {
  return {
    range: { start: { line: instruction.range.start.line, character: 0 }, end: { line: instruction.range.end.line + 1, character: 0 } },
    newText: '',
  };
}

/**
 * Removes some top-level items of a plain and-list RUN (the whole RUN when none is left), rejoining the
 * rest in the RUN's own continuation style. null when the RUN is not a plain and-list.
 */
export function removeItemsEdit(model: DockerfileModel, run: InstructionInfo, remove: (item: Range) => boolean): TextEdit | null {
  const items = andListItems(model, run);
  if (!items) return null;
  const kept = items.filter((item) => !remove(item));
  if (kept.length === items.length) return null;
  if (kept.length === 0) return deleteInstructionEdit(run);
  const rejoined = kept.map((item) => textAt(model, item)).join(joiner(model, continuationStyle(model, [run])));
  return { range: { start: items[0].start, end: items[items.length - 1].end }, newText: rejoined };
}

/**
 * True when removing `removed` top-level items from a RUN leaves no new pair of short consecutive RUNs
 * behind: a fold that deletes a cleanup must not hand the consecutive-RUN rule a new finding.
 */
export function canShrinkWithoutJoining(
  model: DockerfileModel,
  stage: Stage,
  run: InstructionInfo,
  removed: number,
  /** RUNs the same fix makes long (three commands or more): they never pair up. */
  lengthened: readonly InstructionInfo[] = [],
): boolean {
  const items = andListItems(model, run);
  if (!items) return false;
  const index = stage.instructions.indexOf(run);
  const previous = stage.instructions[index - 1];
  const next = stage.instructions[index + 1];
  const isRun = (instruction: InstructionInfo | undefined) =>
    instruction?.keyword === 'RUN' && !instruction.onbuild && !lengthened.includes(instruction);
  if (items.length - removed <= 0) return !(isRun(previous) && isRun(next));
  return items.length - removed > 2 || !(isRun(previous) || isRun(next));
}

/**
 * canShrinkWithoutJoining for several RUNs of a stage shrunk by one fix: `removed` maps each RUN to the
 * number of its top-level items the fix removes. False when the result has two RUNs side by side that
 * were not, or a RUN cut down to two commands or fewer next to another RUN.
 */
export function canShrinkAllWithoutJoining(
  model: DockerfileModel,
  stage: Stage,
  removed: ReadonlyMap<InstructionInfo, number>,
  /** RUNs the same fix makes long (three commands or more): they never pair up. */
  lengthened: readonly InstructionInfo[] = [],
): boolean {
  const remaining = new Map<InstructionInfo, number>();
  for (const [run, count] of removed) {
    const items = andListItems(model, run);
    if (!items) return false;
    remaining.set(run, items.length - count);
  }
  const isRun = (instruction: InstructionInfo | undefined) =>
    instruction?.keyword === 'RUN' && !instruction.onbuild && !lengthened.includes(instruction);
  const kept = stage.instructions.filter((instruction) => (remaining.get(instruction) ?? 1) > 0);
  return kept.every((instruction, index) => {
    const next = kept[index + 1];
    const newlyJoined = isRun(instruction) && isRun(next) && stage.instructions.indexOf(next!) !== stage.instructions.indexOf(instruction) + 1;
    const left = remaining.get(instruction);
    const shortNextToRun = left !== undefined && left <= 2 && (isRun(kept[index - 1]) || isRun(next));
    return !newlyJoined && !shortNextToRun;
  });
}

/** True when the range lies inside the other. */
export function rangeContains(outer: Range, inner: Range): boolean {
  return compareRangeStarts(outer, inner) <= 0 && compareRangeStarts({ start: inner.end }, { start: outer.end }) <= 0;
}

/**
 * Merges zero-width insertions at the same position into one edit (in order), so that clients that
 * order same-position inserts differently still produce the same text.
 */
export function combineInsertions(edits: readonly TextEdit[]): TextEdit[] {
  const result: TextEdit[] = [];
  for (const edit of edits) {
    const isInsert = compareRangeStarts(edit.range, { start: edit.range.end }) === 0;
    const previous = result.find(
      (other) =>
        isInsert &&
        compareRangeStarts(other.range, { start: other.range.end }) === 0 &&
        compareRangeStarts(other.range, edit.range) === 0,
    );
    if (previous) previous.newText += edit.newText;
    else result.push({ range: edit.range, newText: edit.newText });
  }
  return result;
}
