// The multi-stage rewrite the structure rules suggest: the shipped stage becomes a `builder` stage, and a
// new runtime stage on a small image receives its working directory with `COPY --from`, its ENV/ARG, its
// USER and the instructions that only matter when the container runs (CMD, ENTRYPOINT, EXPOSE…).
// It is a suggestion: what the application needs at run time (libraries, files outside the working
// directory) cannot be known from the Dockerfile, so the user reviews it.
import { imageFacts, parseImageRef } from '../../images';
import type { DockerfileModel, InstructionInfo, Stage } from '../../model-types';
import type { Fix, Position, Range, TextEdit } from '../../rule';
import { offsetAt } from '../../text-edits';
import { findCalls, invocationOf } from './commands';
import { instructionArguments } from './instruction-args';
import { keywordInFileCase } from './keyword-case';
import { ALWAYS_DEFINED, definedNames, expandedRange, isPredefinedArg, variableUses } from './stages-variables';
import { deleteInstructionEdit, textAt } from './run-edits';
import type { RuntimeChoice } from './structure-images';
import { effectiveUser, isRootUser } from './users';

/** Instructions that only configure the running container: moved to the runtime stage. */
const RUNTIME_ONLY = new Set(['CMD', 'ENTRYPOINT', 'EXPOSE', 'HEALTHCHECK', 'STOPSIGNAL', 'VOLUME', 'LABEL']);
/** Instructions repeated in the runtime stage (the builder still needs them). */
const REPEATED = new Set(['ARG', 'ENV']);
/** Instructions that take a shell when written in shell form. */
const SHELL_FORM_KEYWORDS = new Set(['CMD', 'ENTRYPOINT', 'HEALTHCHECK']);

export interface SplitPlan {
  runtime: RuntimeChoice;
  /** Commands run at the end of the builder, each as its own RUN (`npm prune --omit=dev`). */
  builderSteps?: string[];
  /** Absolute paths outside the working directory the runtime also needs (`go build -o /usr/local/bin/app`). */
  extraPaths?: string[];
}

const TITLE = 'Split into a builder stage and a small runtime stage (review what is copied)';

/** The fix, or null when the stage is not a plain single chain the rewrite can handle. */
export function multiStageSplitFix(model: DockerfileModel, stage: Stage, plan: SplitPlan): Fix | null {
  if (!canSplit(model, stage)) return null;
  const workdir = lastWorkdir(stage);
  if (!workdir) return null;
  const own = stage.instructions.filter((instruction) => instruction !== stage.from);
  const moved = own.filter((instruction) => RUNTIME_ONLY.has(instruction.keyword));
  if (moved.some(callsCurlOrWget) || readsBaseImageVariable(model, stage, moved)) return null;
  const needsShell = moved.some((instruction) => SHELL_FORM_KEYWORDS.has(instruction.keyword) && isShellForm(instruction));
  const runtimeImage = needsShell ? plan.runtime.withShell : plan.runtime.image;
  if (!hasVersionTag(runtimeImage)) return null;
  const user = runtimeUser(stage, runtimeImage);
  if (user === undefined) return null;
  const paths = [workdir, ...(plan.extraPaths ?? []).filter((path) => !isWithin(path, workdir))];
  if (paths.some((path) => /[\s"'$\\]/.test(path))) return null;

  const keyword = (word: string) => keywordInFileCase(model, word);
  const builder = builderName(model);
  const eol = model.lineEnding;
  const runtimeLines = [
    `${keyword('FROM')} ${runtimeImage}${stage.name ? ` ${keyword('AS')} ${stage.name}` : ''}`,
    ...own.filter((instruction) => REPEATED.has(instruction.keyword)).map((instruction) => textAt(model, instruction.range)),
    `${keyword('WORKDIR')} ${workdir}`,
    ...paths.map((path) => `${keyword('COPY')} --from=${builder} ${path} ${path}`),
    ...(user ? [`${keyword('USER')} ${user}`] : []),
    ...moved.flatMap((instruction) => [...commentsAbove(model, stage, instruction).lines, textAt(model, instruction.range)]),
  ];
  const builderLines = (plan.builderSteps ?? []).map((step) => `${keyword('RUN')} ${step}`);

  const edits: TextEdit[] = [nameBuilderEdit(model, stage, builder)];
  for (const instruction of moved) {
    const comments = commentsAbove(model, stage, instruction);
    edits.push(...comments.edits, deleteInstructionEdit(instruction));
  }
  edits.push(appendAfterStage(model, stage, moved, [...builderLines, '', ...runtimeLines], eol));
  return { title: TITLE, safety: 'suggestion', edits };
}

/** An untagged or `latest` runtime image would be a new finding of the tag rules, and a moving target. */
function hasVersionTag(image: string): boolean {
  const ref = parseImageRef(image, ZERO);
  return !ref.hasUnresolvedVariables && ref.tag !== null && ref.tag !== 'latest';
}

function canSplit(model: DockerfileModel, stage: Stage): boolean {
  if (!stage.ships || stage.baseStage || stage.facts.distro === 'windows') return false;
  if (stage.roles.some((role) => role !== 'ships')) return false;
  if (stage.instructions.some((instruction) => instruction.onbuild || instruction.keyword === 'SHELL')) return false;
  return !stage.instructions.some((instruction) => isOpenEnded(model, instruction));
}

function isOpenEnded(model: DockerfileModel, instruction: InstructionInfo): boolean {
  return instruction.script?.incomplete === true || textAt(model, instruction.range).trimEnd().endsWith(model.escapeCharacter);
}

/** The stage's last WORKDIR when it is an absolute path without variables. */
function lastWorkdir(stage: Stage): string | null {
  const workdirs = stage.instructions.filter((instruction) => instruction.keyword === 'WORKDIR');
  const last = workdirs[workdirs.length - 1];
  const value = last ? instructionArguments(last)[0]?.value : undefined;
  if (!value || !value.startsWith('/') || value.includes('$')) return null;
  return value.length > 1 ? value.replace(/\/+$/, '') : null;
}

function isWithin(path: string, directory: string): boolean {
  return path === directory || path.startsWith(`${directory}/`);
}

function isShellForm(instruction: InstructionInfo): boolean {
  return instruction.script !== null && instruction.script.form !== 'exec';
}

/**
 * A moved instruction reads a variable (without a default) that no ARG or ENV of the stage defines: it may come
 * from the SDK image's ENV (`$GOPATH`, `$JAVA_HOME`), which the runtime image does not set, so it would be empty there.
 */
function readsBaseImageVariable(model: DockerfileModel, stage: Stage, moved: readonly InstructionInfo[]): boolean {
  const defined = new Set(stage.instructions.filter((instruction) => REPEATED.has(instruction.keyword)).flatMap((instruction) => definedNames(model, instruction)));
  return moved.some((instruction) => {
    const range = expandedRange(model, instruction);
    return variableUses(model, range ?? instruction.range).some(
      (use) => use.modifier === null && !defined.has(use.name) && !ALWAYS_DEFINED.has(use.name) && !isPredefinedArg(use.name),
    );
  });
}

/** A moved HEALTHCHECK that calls curl or wget: the small runtime image probably has neither. */
function callsCurlOrWget(instruction: InstructionInfo): boolean {
  if (instruction.keyword !== 'HEALTHCHECK') return false;
  if (instruction.script) return findCalls(instruction.script, { programs: ['curl', 'wget'] }).length > 0;
  return instructionArguments(instruction).some((word) => /(^|\/)(curl|wget)$/.test(word.value));
}

/**
 * The USER line for the runtime stage: '' for none, the user when the runtime image surely has it
 * (root, a numeric id, the image's own non-root user), undefined when it may not exist there.
 */
function runtimeUser(stage: Stage, runtimeImage: string): string | undefined {
  const { user, instruction } = effectiveUser(stage);
  if (!instruction || user === null) return '';
  if (isRootUser(user) || /^\d+(:\d+)?$/.test(user)) return user;
  const facts = imageFacts(parseImageRef(runtimeImage, ZERO));
  return facts.nonRootUser !== null && user.split(':')[0] === facts.nonRootUser ? user : undefined;
}

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function builderName(model: DockerfileModel): string {
  const taken = new Set(model.stages.map((stage) => stage.name?.toLowerCase()).filter(Boolean));
  for (const candidate of ['builder', 'build-stage']) if (!taken.has(candidate)) return candidate;
  let index = 2;
  while (taken.has(`builder-${index}`)) index++;
  return `builder-${index}`;
}

/**
 * `FROM image` → `FROM image AS builder`, AS cased like that FROM (LW345); a named stage gives its name to
 * the runtime stage.
 */
function nameBuilderEdit(model: DockerfileModel, stage: Stage, builder: string): TextEdit {
  if (stage.nameRange) return { range: stage.nameRange, newText: builder };
  const from = textAt(model, stage.from.keywordRange);
  const as = from === from.toLowerCase() ? 'as' : 'AS';
  const end = stage.from.range.end;
  return { range: { start: end, end }, newText: ` ${as} ${builder}` };
}

/** Full-line comments right above an instruction (they describe it and move with it), with their deletion. */
function commentsAbove(model: DockerfileModel, stage: Stage, instruction: InstructionInfo): { lines: string[]; edits: TextEdit[] } {
  const previousEnd = Math.max(
    stage.from.range.end.line,
    ...stage.instructions.filter((other) => other.range.end.line < instruction.range.start.line).map((other) => other.range.end.line),
  );
  let first = instruction.range.start.line;
  while (first - 1 > previousEnd && (model.lines[first - 1] ?? '').trim().startsWith('#')) first--;
  if (first === instruction.range.start.line) return { lines: [], edits: [] };
  const lines = model.lines.slice(first, instruction.range.start.line);
  const range = { start: { line: first, character: 0 }, end: { line: instruction.range.start.line, character: 0 } };
  return { lines, edits: [{ range, newText: '' }] };
}

/** Inserts lines after the stage's last instruction, on their own lines. */
function appendAfterStage(model: DockerfileModel, stage: Stage, moved: readonly InstructionInfo[], lines: string[], eol: string): TextEdit {
  const lastLine = Math.max(...stage.instructions.map((instruction) => instruction.range.end.line));
  const at: Position = { line: lastLine + 1, character: 0 };
  const offset = offsetAt(model.text, model.lineStarts, at);
  const lastKept = !moved.some((instruction) => instruction.range.end.line === lastLine);
  const needsBreak = offset === model.text.length && !/[\r\n]$/.test(model.text) && lastKept;
  const body = lines.join(eol);
  const text = offset === model.text.length && !/[\r\n]$/.test(model.text) ? `${needsBreak ? eol : ''}${body}` : `${body}${eol}`;
  return { range: { start: at, end: at }, newText: text };
}

/** The `-o` outputs of `go build` and `dotnet publish` in the stage's RUNs, when absolute and literal. */
export function buildOutputs(stage: Stage): string[] {
  const outputs: string[] = [];
  for (const run of stage.instructions.filter((instruction) => instruction.keyword === 'RUN' && instruction.script)) {
    for (const command of run.script!.commands) {
      const invocation = invocationOf(command);
      if (!invocation) continue;
      const isGoBuild = invocation.name === 'go' && invocation.args[0]?.value === 'build';
      const isPublish = invocation.name === 'dotnet' && invocation.args[0]?.value === 'publish';
      if (!isGoBuild && !isPublish) continue;
      const args = invocation.args;
      for (let index = 1; index < args.length; index++) {
        const word = args[index].value;
        const value = word === '-o' || word === '--output' ? args[index + 1]?.value : /^(-o|--output)=(.+)$/.exec(word)?.[2];
        if (value && value.startsWith('/') && !args[index + 1]?.hasExpansion && !value.includes('$')) outputs.push(value.replace(/\/+$/, ''));
      }
    }
  }
  return [...new Set(outputs)];
}

/** Where pip installs on the official python images (outside any working directory), to copy along. */
export function pythonInstallLocations(stage: Stage): string[] {
  const base = stage.base;
  if (base.registry !== null || base.repository.toLowerCase() !== 'python') return [];
  const version = /^(\d+\.\d+)/.exec(base.tag ?? '')?.[1];
  return [version ? `/usr/local/lib/python${version}/site-packages` : '/usr/local/lib', '/usr/local/bin'];
}
