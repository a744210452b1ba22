// What a shipped stage is for, as far as the Dockerfile tells: the image-structure rules (build tools,
// SDK bases, dev dependencies, heavy bases) only judge images that run an application, never the
// build-environment or development images whose tools are their purpose.
import type { InstructionInfo, Stage } from '../../model-types';
import { baseName } from './commands';
import { instructionArguments } from './instruction-args';
import { remembered } from '../../remembered';

/** Programs whose presence as the whole command means "give me a shell": a tool image, not an application. */
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'fish', 'pwsh', 'powershell', 'cmd', 'cmd.exe']);

/** Words of a start command that say the image is for development or tests, which need the build tools. */
const DEVELOPMENT_WORDS = /^(dev|develop|development|test|tests|watch|nodemon|jest|vitest|mocha|pytest|tox|serve:dev|start:dev|test:\w+)$/i;

/** The stage and the stages it is built FROM, nearest first. */
export function stageChain(stage: Stage): Stage[] {
  const chain: Stage[] = [];
  for (let current: Stage | null = stage; current && !chain.includes(current); current = current.baseStage) chain.push(current);
  return chain;
}

/** The last CMD and ENTRYPOINT of the stage chain (ONBUILD triggers excluded), nearest definition winning. */
export function startCommands(stage: Stage): InstructionInfo[] {
  const found: InstructionInfo[] = [];
  for (const keyword of ['ENTRYPOINT', 'CMD']) {
    for (const current of stageChain(stage)) {
      const own = current.instructions.filter((instruction) => instruction.keyword === keyword && !instruction.onbuild);
      if (own.length > 0) {
        found.push(own[own.length - 1]);
        break;
      }
    }
  }
  return found;
}

/** The words of a CMD/ENTRYPOINT: exec-form strings, or the shell words of its first command. */
function commandWords(instruction: InstructionInfo): string[] {
  const script = instruction.script;
  if (script && script.form !== 'exec') {
    return script.commands.flatMap((command) => (command.program ? [command.program, ...command.args] : [])).map((word) => word.value);
  }
  return instructionArguments(instruction).map((word) => word.value);
}

/**
 * True when the stage the build ships starts an application of its own: it sets a CMD or ENTRYPOINT that
 * is not a bare shell, and nothing in it says development or tests (`npm run dev`, `pytest`).
 */
export function runsAnApplication(stage: Stage): boolean {
  return remembered(applicationStages, stage, startsAnApplication);
}

/** Several rules ask this of the shipped stage for every RUN: it is answered once per analysis. */
const applicationStages = new WeakMap<Stage, boolean>();

function startsAnApplication(stage: Stage): boolean {
  const commands = startCommands(stage);
  if (commands.length === 0) return false;
  const words = commands.flatMap(commandWords);
  if (words.length === 0) return false;
  if (words.some((word) => DEVELOPMENT_WORDS.test(word))) return false;
  const program = baseName(words[0]);
  return !(SHELLS.has(program.toLowerCase()) && words.length === 1);
}

/** The stage of the shipped chain whose FROM names the image (not an earlier stage). */
export function rootOfChain(stage: Stage): Stage {
  const chain = stageChain(stage);
  return chain[chain.length - 1];
}
