// State shared by the pieces of the shell parser while one script is parsed.
import type { Range } from '../rule';
import type { ShellCommand } from '../shell-types';
import { positionAt } from '../text-edits';

export interface ParseContext {
  readonly text: string;
  readonly lineStarts: number[];
  /** The shell's escape character: `\` for POSIX shells, `` ` `` for the PowerShell/cmd files that set `# escape=\``. */
  readonly shellEscape: string;
  /** Commands found so far, in execution order. */
  commands: ShellCommand[];
  incomplete: boolean;
  /** Set when the input is nested too deeply to parse safely: the rest of the script is skipped. */
  aborted: boolean;
}

export function createContext(text: string, lineStarts: number[], shellEscape: string): ParseContext {
  return { text, lineStarts, shellEscape, commands: [], incomplete: false, aborted: false };
}

/** The LSP range of document offsets [start, end). */
export function documentRange(context: ParseContext, start: number, end: number): Range {
  return { start: positionAt(context.lineStarts, start), end: positionAt(context.lineStarts, end) };
}
