// Splits shell text into words, redirections and operators. Words keep their quoting and
// expansions; `$(…)` and backtick bodies are handed to the parser so nested commands are found.
import type { ParseContext } from './context';
import { findHeredocBody, type HeredocOperator } from './heredoc';
import type { MappedText } from './mapped-text';

export type Operator = '&&' | '||' | ';' | ';;' | ';&' | ';;&' | '|' | '|&' | '&' | '(' | ')' | 'newline';

interface Span {
  /** Indices [start, end) in the mapped text. */
  start: number;
  end: number;
}

export interface WordToken extends Span {
  kind: 'word' | 'redirection';
  value: string;
  quoted: boolean;
  hasExpansion: boolean;
}

export interface OperatorToken extends Span {
  kind: 'operator';
  operator: Operator;
}

export interface EndToken extends Span {
  kind: 'end';
}

export type Token = WordToken | OperatorToken | EndToken;

/** The parser side of command substitutions: both leave the lexer after the substitution. */
export interface SubstitutionHandler {
  /** Parses the commands after `$(` (lexer positioned after the parenthesis) through the closing `)`. */
  parseCommandSubstitution(): void;
  /** Parses the commands of a backtick body at [start, end). */
  parseBacktickBody(start: number, end: number): void;
}

interface WordBuilder {
  value: string;
  quoted: boolean;
  hasExpansion: boolean;
}

const OPERATOR_CHARS = '|&;()<>';
const UNQUOTED_SPECIALS = '\'"$`';
const DOUBLE_QUOTED_SPECIALS = '"$`';
const SPECIAL_PARAMETERS = '@*#?$!-0123456789';
const ANSI_C_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' };

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

function isNameStart(ch: string): boolean {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch === '_';
}

function isNameChar(ch: string): boolean {
  return isNameStart(ch) || isDigit(ch);
}

function endsWord(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || OPERATOR_CHARS.includes(ch);
}

export class Lexer {
  pos = 0;
  limit: number;
  /** Inside `[[ … ]]`, where `&&`, `||`, `<`, `>` and parentheses are test operators. */
  testMode = false;
  /** Heredoc operators whose bodies have not been read yet. */
  readonly heredocs: HeredocOperator[] = [];
  private readonly chars: string;

  constructor(
    readonly source: MappedText,
    private readonly context: ParseContext,
    private readonly handler: SubstitutionHandler,
  ) {
    this.chars = source.chars;
    this.limit = source.chars.length;
  }

  charAt(index: number): string {
    return index < this.limit ? this.chars[index] : '';
  }

  next(): Token {
    for (;;) {
      if (this.context.aborted) this.pos = this.limit;
      this.skipBlanks();
      if (this.pos >= this.limit) return { kind: 'end', start: this.limit, end: this.limit };
      const ch = this.chars[this.pos];
      if (ch === '#') {
        while (this.pos < this.limit && this.chars[this.pos] !== '\n' && this.chars[this.pos] !== '\r') this.pos++;
        continue;
      }
      if (ch === '\n' || ch === '\r') return this.readNewline();
      if (this.testMode) {
        const testOperator = this.readTestOperator();
        if (testOperator) return testOperator;
      }
      return this.readOperator() ?? this.readRedirection() ?? this.readWordToken();
    }
  }

  /** Skips an arithmetic `((…))` starting at the current position. */
  skipArithmetic(): void {
    this.pos = this.skipBalanced(this.pos, '(', ')');
  }

  private skipBlanks(): void {
    while (this.pos < this.limit) {
      const ch = this.chars[this.pos];
      if (ch === ' ' || ch === '\t') this.pos++;
      else if (!this.skipLineContinuation()) return;
    }
  }

  /** The shell's own line continuation (escape + newline), met in heredoc scripts. */
  private skipLineContinuation(): boolean {
    if (this.chars[this.pos] !== this.context.shellEscape) return false;
    const next = this.charAt(this.pos + 1);
    if (next === '\n') this.pos += 2;
    else if (next === '\r' && this.charAt(this.pos + 2) === '\n') this.pos += 3;
    else return false;
    return true;
  }

  private readNewline(): OperatorToken {
    const start = this.pos;
    this.pos += this.chars[start] === '\r' && this.charAt(start + 1) === '\n' ? 2 : 1;
    const token: OperatorToken = { kind: 'operator', operator: 'newline', start, end: this.pos };
    this.readPendingHeredocBodies();
    return token;
  }

  private readPendingHeredocBodies(): void {
    for (const operator of this.heredocs) {
      const body = findHeredocBody(this.chars, this.pos, this.limit, operator);
      if (!body.terminated) this.context.incomplete = true;
      this.pos = body.next;
    }
    this.heredocs.length = 0;
  }

  private operator(operator: Operator, length: number): OperatorToken {
    const start = this.pos;
    this.pos += length;
    return { kind: 'operator', operator, start, end: this.pos };
  }

  private readOperator(): OperatorToken | null {
    const ch = this.chars[this.pos];
    const next = this.charAt(this.pos + 1);
    switch (ch) {
      case '&':
        if (next === '&') return this.operator('&&', 2);
        return next === '>' ? null : this.operator('&', 1);
      case '|':
        if (next === '|') return this.operator('||', 2);
        return next === '&' ? this.operator('|&', 2) : this.operator('|', 1);
      case ';':
        if (next === ';') return this.charAt(this.pos + 2) === '&' ? this.operator(';;&', 3) : this.operator(';;', 2);
        return next === '&' ? this.operator(';&', 2) : this.operator(';', 1);
      case '(':
      case ')':
        return this.operator(ch, 1);
      default:
        return null;
    }
  }

  private readTestOperator(): WordToken | null {
    const ch = this.chars[this.pos];
    const pair = ch + this.charAt(this.pos + 1);
    const length = pair === '&&' || pair === '||' ? 2 : '<>()'.includes(ch) ? 1 : 0;
    if (length === 0) return null;
    const start = this.pos;
    this.pos += length;
    return { kind: 'word', start, end: this.pos, value: this.chars.slice(start, this.pos), quoted: false, hasExpansion: false };
  }

  /** `>`, `>>`, `<`, `2>&1`, `&>`, `<<EOF`…: the operator and its target as one token. */
  private readRedirection(): WordToken | null {
    const start = this.pos;
    let index = start;
    while (index < this.limit && isDigit(this.chars[index])) index++;
    const ch = this.charAt(index);
    const ampersandRedirect = index === start && ch === '&' && this.charAt(index + 1) === '>';
    if (ch !== '<' && ch !== '>' && !ampersandRedirect) return null;
    if (index === start && this.charAt(index + 1) === '(') return null; // process substitution
    const operatorEnd = this.redirectionOperatorEnd(index);
    const operatorText = this.chars.slice(start, operatorEnd);
    this.pos = operatorEnd;
    this.skipBlanks();
    const targetStart = this.charAt(this.pos);
    if (targetStart === '' || (endsWord(targetStart) && this.charAt(this.pos + 1) !== '(')) {
      this.context.incomplete = true;
      this.pos = operatorEnd;
      return { kind: 'redirection', start, end: operatorEnd, value: operatorText, quoted: false, hasExpansion: false };
    }
    const target = this.readWord();
    if (operatorText.endsWith('<<') || operatorText.endsWith('<<-')) {
      this.heredocs.push({ name: target.value, stripTabs: operatorText.endsWith('-') });
    }
    return { kind: 'redirection', start, end: target.end, value: operatorText + target.value, quoted: target.quoted, hasExpansion: target.hasExpansion };
  }

  private redirectionOperatorEnd(index: number): number {
    const rest = this.chars.slice(index, index + 3);
    if (rest.startsWith('&>')) return index + (rest === '&>>' ? 3 : 2);
    if (rest === '<<<' || rest === '<<-') return index + 3;
    if (['<<', '<>', '<&', '>>', '>&', '>|'].includes(rest.slice(0, 2))) return index + 2;
    return index + 1;
  }

  private readWordToken(): WordToken {
    const word = this.readWord();
    if (this.testMode && !word.quoted && !word.hasExpansion && word.value === ']]') this.testMode = false;
    return word;
  }

  private readWord(): WordToken {
    const start = this.pos;
    const word: WordBuilder = { value: '', quoted: false, hasExpansion: false };
    const ch = this.chars[start];
    if ((ch === '<' || ch === '>') && this.charAt(start + 1) === '(') {
      this.pos += 2;
      this.handler.parseCommandSubstitution();
      word.value += this.chars.slice(start, this.pos);
      word.hasExpansion = true;
    }
    while (this.pos < this.limit) {
      const c = this.chars[this.pos];
      if (endsWord(c)) break;
      if (c === this.context.shellEscape) this.readEscape(word);
      else if (c === "'") this.readSingleQuoted(word);
      else if (c === '"') this.readDoubleQuoted(word);
      else if (c === '$') this.readDollar(word);
      else if (c === '`') this.readBackticks(word);
      else word.value += this.readRun(UNQUOTED_SPECIALS, true);
    }
    if (this.pos === start) {
      // Defensive: an unexpected character still makes progress as a one-character word.
      word.value = this.chars[start] ?? '';
      this.pos = Math.min(start + 1, this.limit);
    }
    return { kind: 'word', start, end: this.pos, value: word.value, quoted: word.quoted, hasExpansion: word.hasExpansion };
  }

  /** Consumes at least one character, up to the next special one, and returns the characters. */
  private readRun(specials: string, stopAtWordEnd: boolean): string {
    const start = this.pos;
    this.pos++;
    while (this.pos < this.limit) {
      const c = this.chars[this.pos];
      if (specials.includes(c) || c === this.context.shellEscape || (stopAtWordEnd && endsWord(c))) break;
      this.pos++;
    }
    return this.chars.slice(start, this.pos);
  }

  private readEscape(word: WordBuilder): void {
    if (this.skipLineContinuation()) return;
    if (this.pos + 1 >= this.limit) {
      word.value += this.chars[this.pos++];
      return;
    }
    word.value += this.chars[this.pos + 1];
    word.quoted = true;
    this.pos += 2;
  }

  private readSingleQuoted(word: WordBuilder): void {
    const close = this.find("'", this.pos + 1);
    word.value += this.chars.slice(this.pos + 1, close);
    word.quoted = true;
    this.pos = Math.min(close + 1, this.limit);
  }

  /** Index of `ch` at or after `from`, or the limit (marking the script incomplete). */
  private find(ch: string, from: number): number {
    let index = from;
    while (index < this.limit && this.chars[index] !== ch) index++;
    if (index >= this.limit) this.context.incomplete = true;
    return index;
  }

  private readDoubleQuoted(word: WordBuilder): void {
    word.quoted = true;
    this.pos++;
    while (this.pos < this.limit) {
      const c = this.chars[this.pos];
      if (c === '"') {
        this.pos++;
        return;
      }
      if (c === this.context.shellEscape) this.readEscapeInDoubleQuotes(word);
      else if (c === '$') this.readDollar(word);
      else if (c === '`') this.readBackticks(word);
      else word.value += this.readRun(DOUBLE_QUOTED_SPECIALS, false);
    }
    this.context.incomplete = true;
  }

  private readEscapeInDoubleQuotes(word: WordBuilder): void {
    if (this.skipLineContinuation()) return;
    const next = this.charAt(this.pos + 1);
    // In POSIX double quotes a backslash escapes only these; elsewhere it stays literal.
    if (this.context.shellEscape === '\\' && !'$`"\\'.includes(next)) {
      word.value += '\\';
      this.pos++;
      return;
    }
    word.value += next;
    this.pos = Math.min(this.pos + 2, this.limit);
  }

  private readDollar(word: WordBuilder): void {
    const start = this.pos;
    const next = this.charAt(start + 1);
    if (next === "'" || next === '"') {
      this.pos++;
      if (next === "'") this.readAnsiCQuoted(word);
      else this.readDoubleQuoted(word);
      return;
    }
    if (next === '(' && this.charAt(start + 2) === '(') this.pos = this.skipBalanced(start + 1, '(', ')');
    else if (next === '(') {
      this.pos += 2;
      this.handler.parseCommandSubstitution();
    } else if (next === '{') this.pos = this.skipBalanced(start + 1, '{', '}');
    else if (isNameStart(next)) {
      this.pos += 2;
      while (this.pos < this.limit && isNameChar(this.chars[this.pos])) this.pos++;
    } else if (next !== '' && SPECIAL_PARAMETERS.includes(next)) this.pos += 2;
    else {
      word.value += '$';
      this.pos++;
      return;
    }
    word.value += this.chars.slice(start, this.pos);
    word.hasExpansion = true;
  }

  /** `$'…'`: backslash escapes are decoded (the common ones; others are kept as written). */
  private readAnsiCQuoted(word: WordBuilder): void {
    word.quoted = true;
    let index = this.pos + 1;
    while (index < this.limit && this.chars[index] !== "'") {
      const c = this.chars[index];
      if (c === '\\' && index + 1 < this.limit) {
        const escaped = this.chars[index + 1];
        word.value += ANSI_C_ESCAPES[escaped] ?? c + escaped;
        index += 2;
      } else {
        word.value += c;
        index++;
      }
    }
    if (index >= this.limit) this.context.incomplete = true;
    this.pos = Math.min(index + 1, this.limit);
  }

  private readBackticks(word: WordBuilder): void {
    const start = this.pos;
    let close = start + 1;
    while (close < this.limit && this.chars[close] !== '`') close += this.chars[close] === '\\' ? 2 : 1;
    const bodyEnd = Math.min(close, this.limit);
    if (close >= this.limit) this.context.incomplete = true;
    this.handler.parseBacktickBody(start + 1, bodyEnd);
    this.pos = Math.min(bodyEnd + 1, this.limit);
    word.value += this.chars.slice(start, this.pos);
    word.hasExpansion = true;
  }

  /** From an opening bracket, the index after its matching close (quotes skipped); the limit when unbalanced. */
  private skipBalanced(open: number, opening: string, closing: string): number {
    let depth = 0;
    let index = open;
    while (index < this.limit) {
      const c = this.chars[index];
      if (c === '\\') index++;
      else if (c === "'" || c === '"') index = this.skipQuote(index, c);
      else if (c === opening) depth++;
      else if (c === closing && --depth === 0) return index + 1;
      index++;
    }
    this.context.incomplete = true;
    return this.limit;
  }

  /** Index of the closing quote of a quote opened at `open` (the limit when unterminated). */
  private skipQuote(open: number, quote: string): number {
    let index = open + 1;
    while (index < this.limit && this.chars[index] !== quote) index += quote === '"' && this.chars[index] === '\\' ? 2 : 1;
    return Math.min(index, this.limit);
  }
}
