// Paths in WORKDIR, COPY and ADD: absolute or relative, and what the stage chain set before an instruction.
import type { InstructionInfo, Stage } from '../../model-types';
import { compareRangeStarts } from './commands';

export type PathKind = 'absolute' | 'relative' | 'variable';

/** Quotes around a whole argument are syntax, not part of the path. */
export function unquote(value: string): string {
  const match = /^(["'])(.*)\1$/s.exec(value.trim());
  return match ? match[2] : value.trim();
}

/**
 * A heredoc source of COPY or ADD (`<<EOF`, `<<-"EOF"`). The parser lists the words of its body as
 * arguments too, so the instruction's last argument is then body text, not the destination.
 */
export function isHeredocSource(value: string): boolean {
  return value.startsWith('<<');
}

/** `/app`, `C:\app` and `c:/app` are absolute; a path starting with a variable is unknown. */
export function pathKind(rawPath: string): PathKind {
  const path = unquote(rawPath);
  if (path.startsWith('$')) return 'variable';
  if (path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:([\\/]|$)/.test(path)) return 'absolute';
  return 'relative';
}

/**
 * The instructions of the stage before `instruction`, preceded by those of the stages it is built FROM
 * (oldest first). ONBUILD triggers are left out: they run in other builds.
 */
export function instructionsBefore(stage: Stage, instruction: InstructionInfo | null): InstructionInfo[] {
  const chain: Stage[] = [];
  for (let current: Stage | null = stage; current && !chain.includes(current); current = current.baseStage) chain.unshift(current);
  return chain.flatMap((current) =>
    current.instructions.filter(
      (other) => !other.onbuild && (current !== stage || !instruction || compareRangeStarts(other.range, instruction.range) < 0),
    ),
  );
}
