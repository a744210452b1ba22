// Stages without a shell (scratch, distroless, chiseled): what cannot run there, which users their
// /etc/passwd has, and what the Dockerfile copies in that changes either.
import type { ImageRef, InstructionInfo, Stage } from '../../model-types';
import { instructionArguments } from './instruction-args';
import { normalizePath } from './paths';
import { hasCustomShell } from './run-edits';
import { matchedBefore } from './stage-history';

/** A COPY or ADD of the stage (or of a stage it is built on), with its sources and destination. */
interface CopiedIn {
  instruction: InstructionInfo;
  sources: string[];
  destination: string;
}

/** The stage and the stages it is built FROM, nearest first. */
export function stageChain(stage: Stage): Stage[] {
  const chain: Stage[] = [];
  for (let current: Stage | null = stage; current && !chain.includes(current); current = current.baseStage) chain.push(current);
  return chain;
}

/** The image the stage is ultimately built on (through `FROM <stage>`). */
export function rootImage(stage: Stage): ImageRef {
  const chain = stageChain(stage);
  return chain[chain.length - 1].base;
}

const COPY_KEYWORDS = ['COPY', 'ADD'];

/** What a COPY or ADD copies where; null when it has no destination. */
function copiedFiles(instruction: InstructionInfo): CopiedIn | null {
  const args = instructionArguments(instruction).map((argument) => argument.value);
  return args.length < 2 ? null : { instruction, sources: args.slice(0, -1), destination: args[args.length - 1] };
}

/** COPY/ADD instructions that put files into the stage (or a stage it is built on). */
function copiedIn(stage: Stage): CopiedIn[] {
  const result: CopiedIn[] = [];
  for (const current of stageChain(stage)) {
    for (const instruction of current.instructions) {
      if (instruction.onbuild || (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD')) continue;
      const copied = copiedFiles(instruction);
      if (copied) result.push(copied);
    }
  }
  return result;
}

function baseNameOf(path: string): string {
  const normalized = normalizePath(path);
  return normalized.slice(normalized.lastIndexOf('/') + 1);
}

const SHELL_NAMES = new Set(['sh', 'bash', 'ash', 'dash', 'busybox']);

/** True when a COPY/ADD may bring a shell: a root filesystem, a /bin folder or a shell binary. */
function mayCopyShell(copy: CopiedIn): boolean {
  const destination = normalizePath(copy.destination);
  if (destination === '/' || destination === '/bin' || destination === '/usr/bin') return true;
  return [copy.destination, ...copy.sources].some((path) => SHELL_NAMES.has(baseNameOf(path)) || path.includes('$'));
}

/**
 * True when the stage's image certainly has no shell at `instruction`: a shell-less base (scratch, distroless,
 * chiseled), no SHELL instruction naming one, and no COPY/ADD that may have brought one in.
 */
export function certainlyWithoutShell(stage: Stage, instruction: InstructionInfo): boolean {
  if (stage.facts.hasShell !== false || rootImage(stage).hasUnresolvedVariables) return false;
  if (hasCustomShell(stage, instruction)) return false;
  // Asked for every instruction of a stage: the stage's first COPY that may bring a shell is found once.
  return !matchedBefore(stage, instruction, 'security-shell-less:may-copy-shell', COPY_KEYWORDS, (copy) => {
    const copied = copiedFiles(copy);
    return copied !== null && mayCopyShell(copied);
  });
}

/** The users the shell-less base image's /etc/passwd is known to hold; null when not known. */
export function knownUsers(stage: Stage): string[] | null {
  const { facts } = stage;
  if (facts.hasShell !== false) return null;
  const base = rootImage(stage);
  if (base.hasUnresolvedVariables) return null;
  if (facts.isScratch || base.isScratch) return [];
  const registry = base.registry?.toLowerCase() ?? '';
  const repository = base.repository.toLowerCase();
  if (registry === 'gcr.io' && repository.startsWith('distroless/')) return ['root', 'nonroot', 'nobody'];
  if (registry === 'cgr.dev' && repository.startsWith('chainguard/')) return ['root', 'nonroot', 'nobody'];
  if (registry === 'mcr.microsoft.com' && repository.startsWith('dotnet/') && /chiseled/.test(base.tag ?? '')) return ['root', 'app'];
  return null;
}

/** True when a COPY/ADD may replace /etc/passwd (a root filesystem, /etc, or the file itself). */
export function mayCopyPasswd(stage: Stage): boolean {
  return copiedIn(stage).some((copy) => {
    const destination = normalizePath(copy.destination);
    if (destination === '/' || destination === '/etc' || destination === '/etc/passwd' || copy.destination.includes('$')) return true;
    return copy.sources.some((source) => baseNameOf(source) === 'passwd' || normalizePath(source) === '/etc');
  });
}

/** True when COPY/ADD bring a program of that name into the stage (`COPY --from=build /usr/bin/curl /usr/bin/`). */
export function mayCopyProgram(stage: Stage, names: readonly string[]): boolean {
  return copiedIn(stage).some((copy) =>
    [copy.destination, ...copy.sources].some((path) => path.includes('$') || names.some((name) => baseNameOf(path).includes(name))),
  );
}
