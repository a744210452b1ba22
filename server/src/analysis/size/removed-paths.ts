// What the `rm` calls of one RUN remove, judged once per operand: a stage's contributions pile up (and
// pass to the stages built on it), so every RUN that deletes something checks each of them, and
// removalCovers re-normalising both sides of every pair made that the estimator's biggest cost.
import type { ShellWord } from '../shell-types';
import { normalizePath, removalCovers } from '../rules/support/paths';

export class RemovedPaths {
  /** Normalised operands followed by `/` (`/` itself stays `/`): a path under one starts with it. */
  private readonly parents: string[] = [];
  private readonly prefixes: string[] = [];
  /** Operands that normalising twice changes again: judged by removalCovers itself. */
  private readonly others: ShellWord[] = [];

  constructor(operands: readonly ShellWord[]) {
    for (const operand of operands) {
      const normalized = normalizePath(operand.value);
      // removalCovers(operand, p) is then exactly isSameOrAncestor(normalized, normalizePath(p)).
      if (normalizePath(normalized) !== normalized) this.others.push(operand);
      else if (removalCovers(operand, normalized)) {
        this.prefixes.push(normalized);
        this.parents.push(normalized === '/' ? '/' : `${normalized}/`);
      }
    }
  }

  /** True when nothing can be removed (no operand, or none that names a path). */
  get isEmpty(): boolean {
    return this.prefixes.length === 0 && this.others.length === 0;
  }

  /** removalCovers(operand, path) for some operand; `normalized` is normalizePath(path) when the caller has it. */
  covers(path: string, normalized: string = normalizePath(path)): boolean {
    for (let index = 0; index < this.prefixes.length; index++) {
      if (normalized === this.prefixes[index] || normalized.startsWith(this.parents[index])) return true;
    }
    for (const operand of this.others) if (removalCovers(operand, path)) return true;
    return false;
  }
}
