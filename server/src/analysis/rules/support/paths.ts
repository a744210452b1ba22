// Path matching for cleanup commands and cache mounts: does `rm -rf /var/lib/apt/lists/*` remove the apt lists?
import type { InstructionInfo } from '../../model-types';
import type { RunScript, ShellWord } from '../../shell-types';
import { findCalls, operands, type Invocation } from './commands';

/** `/var/lib/apt/lists/*` → `/var/lib/apt/lists`; `~/.npm/` → `/root/.npm` (builds run as root by default). */
export function normalizePath(path: string): string {
  let normalized = path.trim().replace(/^(~|\$HOME|\$\{HOME\})(?=\/|$)/, '/root');
  normalized = normalized.replace(/\/{2,}/g, '/');
  while (normalized.length > 1 && (normalized.endsWith('/*') || normalized.endsWith('/'))) {
    normalized = normalized.endsWith('/*') ? normalized.slice(0, -2) : normalized.slice(0, -1);
  }
  return normalized === '' ? '/' : normalized;
}

/** True when `ancestor` is `path` or one of its parent directories (both normalized). */
export function isSameOrAncestor(ancestor: string, path: string): boolean {
  return ancestor === path || path.startsWith(ancestor === '/' ? '/' : `${ancestor}/`);
}

/** True when removing `operand` removes all of `path`: `/var/lib/apt/lists/*` and `/var/lib/apt` both remove the lists. */
export function removalCovers(operand: ShellWord, path: string): boolean {
  if (operand.hasExpansion && !/^(~|\$HOME|\$\{HOME\})\//.test(operand.value)) return false;
  const normalized = normalizePath(operand.value);
  if (/[*?[]/.test(normalized)) return false;
  return normalized !== '/' && isSameOrAncestor(normalized, normalizePath(path));
}

export const RM = { programs: ['rm'] } as const;

/** The `rm` invocations of a script with their operands. */
export function removals(script: RunScript): Array<{ call: Invocation; paths: ShellWord[] }> {
  return findCalls(script, RM).map((call) => ({ call, paths: operands(call) }));
}

/** True when an `rm` in the script removes the whole of `path`. */
export function scriptRemoves(script: RunScript, path: string): boolean {
  return removals(script).some(({ paths }) => paths.some((operand) => removalCovers(operand, path)));
}

/** Mount types whose content does not end up in the layer. */
const NON_PERSISTENT_MOUNTS = new Set(['cache', 'tmpfs']);

/** Targets of the `--mount=type=cache` (or tmpfs) flags of an instruction, normalized. */
export function cacheMountTargets(instruction: InstructionInfo): string[] {
  return instruction.flags
    .filter((flag) => flag.name === 'mount' && NON_PERSISTENT_MOUNTS.has(flag.options.type ?? 'bind'))
    .map((flag) => flag.options.target ?? flag.options.dst ?? flag.options.destination)
    .filter((target): target is string => typeof target === 'string' && target.length > 0)
    .map(normalizePath);
}

/** True when a cache or tmpfs mount covers one of the paths, so nothing written there stays in the layer. */
export function hasCacheMountOn(instruction: InstructionInfo, paths: readonly string[]): boolean {
  const targets = cacheMountTargets(instruction);
  return paths.some((path) => targets.some((target) => target !== '/' && isSameOrAncestor(target, normalizePath(path))));
}
