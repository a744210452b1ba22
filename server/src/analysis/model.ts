// Builds the DockerfileModel: parse once with dockerfile-ast, then stages, roles, base images and RUN scripts.
import { DockerfileParser, From, type Dockerfile } from 'dockerfile-ast';
import type { DockerfileModel, ImageRef, InstructionInfo, ModelOptions, ParserDirectiveInfo, Stage, StageRole } from './model-types';
import { rememberArgumentTokens } from './ast-memo';
import { imageFacts, parseImageRef, unknownFacts } from './images';
import { toInstructionInfos, type SourceDocument } from './model-instructions';
import type { Range } from './rule';
import { lineStarts, textInRange } from './text-edits';
import { expandVariables, parseArgDeclarations, type VariableValues } from './variables';

export type * from './model-types';

/** Never throws: whatever the input, the result is a model (possibly without stages). */
export function buildModel(text: string, options: ModelOptions = {}): DockerfileModel {
  const source = typeof text === 'string' ? text : '';
  rememberArgumentTokens();
  try {
    return buildFromAst(source, DockerfileParser.parse(source), options);
  } catch {
    return emptyModel(source);
  }
}

function buildFromAst(text: string, ast: Dockerfile, options: ModelOptions): DockerfileModel {
  const document: SourceDocument = { text, lineStarts: lineStarts(text), escapeCharacter: ast.getEscapeCharacter() };
  const globalInstructions: InstructionInfo[] = [];
  const instructions: InstructionInfo[] = [];
  const stages: StageList = { all: [], byName: new Map() };
  let globalArgs: Map<string, string | null> = new Map();

  for (const node of ast.getInstructions()) {
    if (node instanceof From && stages.all.length === 0) globalArgs = collectGlobalArgs(globalInstructions, document);
    // One instruction dockerfile-ast cannot describe must not cost the rest of the file.
    const infos = attempt(() => {
      if (!(node instanceof From)) return toInstructionInfos(node, stages.all.at(-1) ?? null, document);
      const stage = newStage(node, stages, globalArgs, document);
      addStage(stages, stage);
      return [stage.from];
    }, []);
    const stage = stages.all.at(-1) ?? null;
    for (const info of infos) {
      instructions.push(info);
      if (stage) stage.instructions.push(info);
      else globalInstructions.push(info);
    }
    if (stage && infos.length > 0) stage.range = { start: stage.range.start, end: infos[infos.length - 1].node.getRange().end };
  }

  const shippedStage = assignRoles(stages, options, globalArgs);
  return {
    text,
    lines: text.split(/\r\n|\r|\n/),
    lineStarts: document.lineStarts,
    lineEnding: lineEndingOf(text),
    ast,
    escapeCharacter: document.escapeCharacter,
    directives: attempt(() => directivesOf(ast), []),
    globalInstructions,
    stages: stages.all,
    instructions,
    shippedStage,
  };
}

/** The line break fixes should write: the file's own, so that CRLF files stay CRLF. */
function lineEndingOf(text: string): '\r\n' | '\n' {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

function emptyModel(text: string): DockerfileModel {
  return {
    text,
    lines: text.split(/\r\n|\r|\n/),
    lineStarts: lineStarts(text),
    lineEnding: lineEndingOf(text),
    ast: DockerfileParser.parse(''),
    escapeCharacter: '\\',
    directives: [],
    globalInstructions: [],
    stages: [],
    instructions: [],
    shippedStage: null,
  };
}

function directivesOf(ast: Dockerfile): ParserDirectiveInfo[] {
  return ast.getDirectives().map((directive) => ({
    name: directive.getName().toLowerCase(),
    value: directive.getValue(),
    range: directive.getRange(),
  }));
}

/** ARGs before the first FROM are the only variables a FROM can use; a later default may use an earlier one. */
function collectGlobalArgs(globalInstructions: InstructionInfo[], document: SourceDocument): Map<string, string | null> {
  const values = new Map<string, string | null>();
  for (const info of globalInstructions) {
    if (info.keyword !== 'ARG' || info.onbuild) continue;
    const argumentText = rangeText(document, { start: info.keywordRange.end, end: info.range.end });
    for (const declaration of parseArgDeclarations(argumentText, document.escapeCharacter)) {
      if (declaration.defaultValue === null) {
        if (!values.has(declaration.name)) values.set(declaration.name, null);
        continue;
      }
      const expanded = expandVariables(declaration.defaultValue, values, document.escapeCharacter);
      values.set(declaration.name, expanded.unresolved ? null : expanded.value);
    }
  }
  return values;
}

function newStage(from: From, earlier: StageList, globalArgs: VariableValues, document: SourceDocument): Stage {
  const base = baseImageOf(from, globalArgs, document);
  const baseStage = base.hasUnresolvedVariables ? null : findStage(earlier, base.resolved);
  const name = from.getBuildStage();
  const stage: Stage = {
    index: earlier.all.length,
    name,
    nameRange: name === null ? null : from.getBuildStageRange(),
    // Set just below: the FROM's InstructionInfo points back at its stage.
    from: undefined as unknown as InstructionInfo,
    base,
    baseStage,
    facts: baseStage ? baseStage.facts : base.hasUnresolvedVariables ? unknownFacts() : imageFacts(base),
    roles: [],
    ships: false,
    shipsLayers: false,
    instructions: [],
    range: from.getRange(),
  };
  stage.from = toInstructionInfos(from, stage, document)[0];
  return stage;
}

function baseImageOf(from: From, globalArgs: VariableValues, document: SourceDocument): ImageRef {
  const range = from.getImageRange() ?? { start: from.getInstructionRange().end, end: from.getInstructionRange().end };
  const raw = from.getImage() ?? '';
  const expanded = expandVariables(raw, globalArgs, document.escapeCharacter);
  const ref = parseImageRef(expanded.value, range, raw);
  // Set on the new object rather than spread into a copy: every ImageRef keeps one shape.
  ref.hasUnresolvedVariables = expanded.unresolved;
  return ref;
}

/** The stages so far, and by name: Docker's stage names are case-insensitive, and the first definition wins. */
interface StageList {
  all: Stage[];
  byName: Map<string, Stage>;
}

function addStage(stages: StageList, stage: Stage): void {
  stages.all.push(stage);
  const key = stage.name?.toLowerCase();
  if (key && !stages.byName.has(key)) stages.byName.set(key, stage);
}

function findStage(stages: StageList, reference: string): Stage | null {
  return stages.byName.get(reference.trim().toLowerCase()) ?? null;
}

function assignRoles(stages: StageList, options: ModelOptions, globalArgs: VariableValues): Stage | null {
  const shipped = (options.target ? findStage(stages, options.target) : null) ?? stages.all.at(-1);
  if (!shipped) return null;
  const roles = new Map<Stage, Set<StageRole>>(stages.all.map((stage) => [stage, new Set<StageRole>()]));

  roles.get(shipped)?.add('ships');
  for (const stage of stages.all) {
    if (stage.baseStage) roles.get(stage.baseStage)?.add('base-of');
    for (const source of stagesReadBy(stage, stages, globalArgs)) roles.get(source)?.add('copied-from');
  }

  for (const stage of stages.all) {
    const stageRoles = roles.get(stage) ?? new Set<StageRole>();
    stage.roles = stageRoles.size > 0 ? [...stageRoles] : ['unused'];
    stage.ships = stage === shipped;
  }
  for (let stage: Stage | null = shipped; stage !== null && !stage.shipsLayers; stage = stage.baseStage) {
    stage.shipsLayers = true;
  }
  return shipped;
}

/** Stages this stage reads files from: `COPY --from=<name|index>` and `RUN --mount=…,from=<name>`. */
function stagesReadBy(stage: Stage, stages: StageList, globalArgs: VariableValues): Stage[] {
  const sources: Stage[] = [];
  for (const info of stage.instructions) {
    if (info.onbuild) continue; // ONBUILD triggers run in a downstream build, not this one.
    for (const flag of info.flags) {
      const reference = stageReferenceOf(info.keyword, flag.name, flag.value, flag.options);
      if (reference === null) continue;
      const source = resolveStageReference(expandVariables(reference, globalArgs).value, stages);
      if (source && source !== stage) sources.push(source);
    }
  }
  return sources;
}

function stageReferenceOf(keyword: string, flagName: string, value: string | null, options: Record<string, string>): string | null {
  const name = flagName.toLowerCase();
  if (keyword === 'COPY' && name === 'from') return value;
  if (keyword === 'RUN' && name === 'mount') return options.from ?? null;
  return null;
}

function resolveStageReference(reference: string, stages: StageList): Stage | null {
  if (/^\d+$/.test(reference)) return stages.all[Number(reference)] ?? null;
  return findStage(stages, reference);
}

function rangeText(document: SourceDocument, range: Range): string {
  return textInRange(document.text, document.lineStarts, range);
}

function attempt<T>(compute: () => T, fallback: T): T {
  try {
    return compute();
  } catch {
    return fallback;
  }
}
