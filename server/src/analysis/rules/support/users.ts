// Who a stage runs as, and how to give an image a non-root user it can actually switch to.
import type { ImageFacts, InstructionInfo, Stage } from '../../model-types';
import type { RunScript, ShellWord } from '../../shell-types';
import { callsAny, findCalls, operands, type ToolSpec } from './commands';
import { instructionArguments, type ArgumentWord } from './instruction-args';

export interface EffectiveUser {
  /** The user as written (`root`, `0:0`, `app`), or the image's default; null when unknown. */
  user: string | null;
  /** The USER instruction that set it (in this stage or one it is built on); null for the image default. */
  instruction: InstructionInfo | null;
  argument: ArgumentWord | null;
}

/** The user the stage's containers run as: its last USER, else the last USER of the stages it is built on, else the image default. */
export function effectiveUser(stage: Stage): EffectiveUser {
  for (let current: Stage | null = stage; current; current = current.baseStage) {
    const last = lastOwn(current, 'USER');
    if (last) {
      const argument = instructionArguments(last)[0] ?? null;
      return { user: argument?.value ?? null, instruction: last, argument };
    }
  }
  return { user: stage.facts.defaultUser, instruction: null, argument: null };
}

/** The stage's last instruction with this keyword, ONBUILD triggers left out. */
function lastOwn(stage: Stage, keyword: string): InstructionInfo | null {
  const instructions = stage.instructions;
  for (let index = instructions.length - 1; index >= 0; index--) {
    const instruction = instructions[index];
    if (instruction.keyword === keyword && !instruction.onbuild) return instruction;
  }
  return null;
}

/** root, 0, root:root, 0:0 — a user given by a variable is not judged. */
export function isRootUser(user: string): boolean {
  if (user.includes('$')) return false;
  const colon = user.indexOf(':');
  const name = (colon === -1 ? user : user.slice(0, colon)).trim();
  return name === 'root' || name === '0';
}

/** A non-root user to switch to, and the commands (run as root) that create it when the image lacks one. */
export interface NonRootUserPlan {
  user: string;
  setup: string[];
}

/** The last user a RUN of the stage (or of the stages it is built on) creates with useradd/adduser. */
export function userCreatedIn(stage: Stage): string | null {
  for (let current: Stage | null = stage; current; current = current.baseStage) {
    const instructions = current.instructions;
    for (let index = instructions.length - 1; index >= 0; index--) {
      const run = instructions[index];
      // Cheap test first: most RUNs create no user.
      if (run.keyword !== 'RUN' || !run.script || run.onbuild || !callsAny(run.script, USER_ADDERS.programs)) continue;
      const calls = findCalls(run.script, USER_ADDERS);
      const name = calls.length > 0 ? operands(calls[calls.length - 1]).at(-1) : undefined;
      if (name && !name.hasExpansion && USER_NAME.test(name.value)) return name.value;
    }
  }
  return null;
}

const USER_ADDERS: ToolSpec = { programs: ['useradd', 'adduser'] };
const USER_NAME = /^[a-z_][a-z0-9_-]*\$?$/i;

/**
 * The user to switch to: one the Dockerfile already creates, the image's own, or a new `app` user.
 * Distroless and scratch images have no shell to create a user: distroless ships `nonroot`, scratch
 * takes a bare UID.
 */
export function nonRootUserPlan(facts: ImageFacts, isScratch: boolean, created: string | null = null): NonRootUserPlan | null {
  // No RUN can create a user in an image without a shell: a useradd there names a user that is not there.
  const canRun = facts.hasShell !== false && !isScratch && !facts.isScratch;
  if (created && canRun) return { user: created, setup: [] };
  if (facts.nonRootUser) return { user: facts.nonRootUser, setup: [] };
  if (facts.isDistroless) return { user: 'nonroot', setup: [] };
  if (isScratch || facts.isScratch) return { user: '65532:65532', setup: [] };
  if (facts.hasShell === false) return null;
  if (facts.packageManager === 'apk') return { user: 'app', setup: ['addgroup -S app', 'adduser -S -G app app'] };
  if (facts.packageManager === 'apt') {
    return { user: 'app', setup: ['groupadd --system app', 'useradd --system --gid app --no-log-init app'] };
  }
  return null;
}

/** The ENTRYPOINT this Dockerfile gives the stage (its own or that of a stage it is built on); null when it keeps the image's. */
export function ownEntrypoint(stage: Stage): InstructionInfo | null {
  for (let current: Stage | null = stage; current; current = current.baseStage) {
    const last = lastOwn(current, 'ENTRYPOINT');
    if (last) return last;
  }
  return null;
}

/** Tools whose one use in an image is to step down from root when the container starts. */
const STEP_DOWN_TOOLS: ReadonlySet<string> = new Set(['gosu', 'su-exec']);

/**
 * True when the stage (or one it is built on) installs or runs gosu or su-exec: a package name, a
 * download path (`-o /usr/local/bin/gosu`), a call, or a copied binary.
 */
export function installsStepDownTool(stage: Stage): boolean {
  for (let current: Stage | null = stage; current; current = current.baseStage) {
    for (const instruction of current.instructions) {
      if (instruction.onbuild) continue;
      if (instruction.keyword === 'RUN' && instruction.script && scriptNamesStepDownTool(instruction.script)) return true;
      if ((instruction.keyword === 'COPY' || instruction.keyword === 'ADD') && instructionArguments(instruction).some((word) => isStepDownTool(word.value))) {
        return true;
      }
    }
  }
  return false;
}

/** A word of the script (program or argument) names gosu or su-exec. */
function scriptNamesStepDownTool(script: RunScript): boolean {
  for (const command of script.commands) {
    if (command.program !== null && isStepDownToolWord(command.program)) return true;
    for (const word of command.args) if (isStepDownToolWord(word)) return true;
  }
  return false;
}

function isStepDownToolWord(word: ShellWord): boolean {
  return !word.hasExpansion && isStepDownTool(word.value);
}

function isStepDownTool(value: string): boolean {
  return STEP_DOWN_TOOLS.has(value.slice(value.lastIndexOf('/') + 1));
}

/**
 * True when the container starts as root only to step down to a service user before the server
 * starts: the base image's entrypoint does it (and this Dockerfile keeps it), or this Dockerfile
 * installs gosu or su-exec for the ENTRYPOINT it sets (the docker-library pattern).
 */
export function stepsDownFromRootAtStart(stage: Stage): boolean {
  const entrypoint = ownEntrypoint(stage);
  if (entrypoint === null) return stage.facts.dropsPrivilegesInEntrypoint === true;
  return installsStepDownTool(stage);
}
