// One dockerfile-ast instruction → InstructionInfo: ranges, flags (with --mount options) and the parsed script.
import { Cmd, Entrypoint, Healthcheck, ModifiableInstruction, Onbuild, Run, type Heredoc, type Instruction } from 'dockerfile-ast';
import type { InstructionFlag, InstructionInfo, Stage } from './model-types';
import type { Range } from './rule';
import type { RunScript } from './shell-types';
import { parseScript, type ScriptSource } from './shell';
import { offsetAt, positionAt } from './text-edits';

/** The document the instructions come from, shared by every conversion. */
export interface SourceDocument {
  text: string;
  lineStarts: number[];
  escapeCharacter: string;
}

/** The instruction itself, or for `ONBUILD <trigger>` the trigger flagged `onbuild` (a bare ONBUILD stays as is). */
export function toInstructionInfos(node: Instruction, stage: Stage | null, document: SourceDocument): InstructionInfo[] {
  if (node instanceof Onbuild) {
    const trigger = safely(() => node.getTriggerInstruction(), null);
    if (trigger !== null) {
      return [toInstructionInfo(trigger, stage, document, true)];
    }
  }
  return [toInstructionInfo(node, stage, document, false)];
}

type AstFlag = ReturnType<ModifiableInstruction['getFlags']>[number];

function toInstructionInfo(node: Instruction, stage: Stage | null, document: SourceDocument, onbuild: boolean): InstructionInfo {
  // getFlags() re-tokenises the instruction on every call: read the flags once.
  const flags = node instanceof ModifiableInstruction ? safely(() => node.getFlags(), []) : [];
  return {
    keyword: node.getKeyword().toUpperCase(),
    node,
    range: node.getRange(),
    keywordRange: node.getInstructionRange(),
    stage,
    onbuild,
    script: scriptOf(node, flags, document),
    flags: flags.map(toFlag),
  };
}

function toFlag(flag: AstFlag): InstructionFlag {
  const value = flag.getValue();
  return {
    name: flag.getName(),
    value,
    range: flag.getRange(),
    nameRange: flag.getNameRange(),
    valueRange: flag.getValueRange(),
    options: value === null ? {} : parseFlagOptions(value),
  };
}

/**
 * `type=cache,target=/var/cache/apt,sharing=locked` → { type, target, sharing }. A bare key such as
 * `readonly` means true, as in Docker's CSV mount syntax. Values without any `=` have no options.
 */
export function parseFlagOptions(value: string): Record<string, string> {
  if (!value.includes('=')) return {};
  const options: Record<string, string> = {};
  for (const item of value.split(',')) {
    const equals = item.indexOf('=');
    const key = (equals >= 0 ? item.slice(0, equals) : item).trim().toLowerCase();
    if (key === '') continue;
    options[key] = equals >= 0 ? item.slice(equals + 1).trim() : 'true';
  }
  return options;
}

function scriptOf(node: Instruction, flags: AstFlag[], document: SourceDocument): RunScript | null {
  const end = offsetAt(document.text, document.lineStarts, node.getRange().end);
  if (node instanceof Run) {
    const start = argumentsStart(node, flags, document, end);
    return parseSafely(document, start, end, heredocsOf(node, document, start, end));
  }
  if (node instanceof Cmd || node instanceof Entrypoint) {
    const start = argumentsStart(node, flags, document, end);
    return isExecForm(document.text.slice(start, end), document.escapeCharacter) ? null : parseSafely(document, start, end, []);
  }
  if (node instanceof Healthcheck) {
    const subcommand = safely(() => node.getSubcommand(), null);
    if (subcommand === null || subcommand.getValue().toUpperCase() !== 'CMD') return null;
    const start = offsetAt(document.text, document.lineStarts, subcommand.getRange().end);
    return isExecForm(document.text.slice(start, end), document.escapeCharacter) ? null : parseSafely(document, start, end, []);
  }
  return null;
}

/**
 * Document offset where the instruction's arguments start: after the keyword, the flags and the
 * whitespace (line continuations included). Computed here because dockerfile-ast's
 * getArgumentsRange() re-tokenises the whole instruction, which is slow on huge RUNs.
 */
function argumentsStart(node: Instruction, flags: AstFlag[], document: SourceDocument, end: number): number {
  const afterPrefix = flags.length > 0 ? flags[flags.length - 1].getRange().end : node.getInstructionRange().end;
  return skipBlanks(document, offsetAt(document.text, document.lineStarts, afterPrefix), end);
}

function skipBlanks(document: SourceDocument, from: number, end: number): number {
  const { text, escapeCharacter } = document;
  let offset = from;
  while (offset < end) {
    const ch = text[offset];
    if (ch === ' ' || ch === '\t') {
      offset++;
      continue;
    }
    if (ch !== escapeCharacter) break;
    let next = offset + 1;
    while (next < end && (text[next] === ' ' || text[next] === '\t')) next++;
    if (text[next] === '\r' && text[next + 1] === '\n') next += 2;
    else if (text[next] === '\n' || text[next] === '\r') next++;
    else break;
    offset = next;
  }
  return offset;
}

function heredocsOf(node: Run, document: SourceDocument, start: number, end: number): ScriptSource['heredocs'] {
  // getHeredocs() rescans the instruction; most RUNs have no heredoc at all.
  if (!document.text.slice(start, end).includes('<<')) return [];
  return safely(() => node.getHeredocs(), [] as Heredoc[]).map((heredoc) => {
    const content = heredoc.getContentRange();
    const fallback = heredoc.getDelimiterRange()?.start ?? heredoc.getNameRange().end;
    return {
      name: heredoc.getName(),
      contentStart: offsetAt(document.text, document.lineStarts, content?.start ?? fallback),
      contentEnd: offsetAt(document.text, document.lineStarts, content?.end ?? fallback),
    };
  });
}

function parseSafely(document: SourceDocument, start: number, end: number, heredocs: ScriptSource['heredocs']): RunScript {
  const source: ScriptSource = {
    text: document.text,
    lineStarts: document.lineStarts,
    start,
    end: Math.max(start, end),
    escapeCharacter: document.escapeCharacter,
    heredocs,
  };
  try {
    return parseScript(source);
  } catch {
    // A parser bug must not take the whole analysis down: rules see an empty, incomplete script.
    return { form: 'shell', commands: [], execArgs: [], heredocs: [], range: rangeBetween(document, start, end), incomplete: true };
  }
}

function rangeBetween(document: SourceDocument, start: number, end: number): Range {
  return { start: positionAt(document.lineStarts, start), end: positionAt(document.lineStarts, end) };
}

/**
 * Docker treats the arguments as exec form when, once line continuations are joined, they are a JSON
 * array of strings; anything else (`["a"] b`, `[a]`) is shell form.
 */
export function isExecForm(argumentText: string, escapeCharacter: string): boolean {
  const joined = joinContinuations(argumentText, escapeCharacter).trim();
  if (!joined.startsWith('[')) return false;
  try {
    const parsed: unknown = JSON.parse(joined);
    return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string');
  } catch {
    return false;
  }
}

function joinContinuations(text: string, escapeCharacter: string): string {
  const escaped = escapeCharacter.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  return text
    .replace(new RegExp(`${escaped}[ \\t]*(\\r\\n|\\r|\\n)`, 'g'), '')
    .replace(/^[ \t]*#.*(\r\n|\r|\n)/gm, '');
}

function safely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}
