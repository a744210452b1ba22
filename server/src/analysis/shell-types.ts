// The parsed form of a RUN (or shell-form CMD/ENTRYPOINT): commands with exact document ranges,
// so that rules never re-split strings and fixes can edit at the right column.
import type { Range } from './rule';

export interface ShellWord {
  /** The word as the shell sees it: quotes removed, escapes resolved, line continuations joined. */
  value: string;
  /** The exact document text of the word (may span continuation lines). */
  raw: string;
  range: Range;
  /** True when any part of the word was quoted. */
  quoted: boolean;
  /** True when the word contains `$VAR`, `${VAR}` or `$(…)` outside single quotes. */
  hasExpansion: boolean;
}

/** How a command is joined to the one before it. The first command of a script has none. */
export type CommandSeparator = '&&' | '||' | ';' | '|' | '&' | 'newline';

export interface ShellCommand {
  /** Leading `VAR=value` assignments. */
  assignments: ShellWord[];
  /** The program word (`apt-get`), after assignments and wrappers such as `sudo`/`env` are NOT stripped. */
  program: ShellWord | null;
  /** Every word after the program, in order. */
  args: ShellWord[];
  /** The command from its first word to its last word (or redirection). */
  range: Range;
  /** Separator that joins this command to the previous one. */
  separator: CommandSeparator | null;
  /** Range of that separator, for fixes that remove or insert commands. */
  separatorRange: Range | null;
  /** True when the command is inside `( … )`, `{ …; }`, `$( … )`, an `if`/`for`/`while` body, etc. */
  nested: boolean;
  /** Redirections such as `> /dev/null`, `2>&1`. */
  redirections: ShellWord[];
}

export type ScriptForm = 'shell' | 'exec' | 'heredoc';

export interface HeredocBody {
  /** The delimiter name (EOF). */
  name: string;
  /** The body text. */
  content: string;
  contentRange: Range | null;
}

export interface RunScript {
  form: ScriptForm;
  /** All simple commands in execution order, nested ones included (flagged `nested`). */
  commands: ShellCommand[];
  /** For exec form: the JSON array elements as words. */
  execArgs: ShellWord[];
  /** Heredoc bodies attached to the instruction; their shell content is parsed into `commands` when the heredoc is the script. */
  heredocs: HeredocBody[];
  /** The range of the script text (after the flags). */
  range: Range;
  /** True when the parser met something it does not understand (unterminated quote, unknown syntax); rules should be conservative. */
  incomplete: boolean;
}
