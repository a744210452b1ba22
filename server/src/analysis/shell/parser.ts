// The shell grammar, well enough to find every simple command: lists joined by separators,
// pipelines, subshells, groups, if/while/until/for/case bodies, functions and substitutions.
import type { Range } from '../rule';
import type { CommandSeparator, ShellCommand, ShellWord } from '../shell-types';
import { documentRange, type ParseContext } from './context';
import { Lexer, type Operator, type OperatorToken, type Token, type WordToken } from './lexer';
import { documentSpan, type MappedText } from './mapped-text';

/** Deeper nesting than this is not a real script: the rest is skipped (and marked incomplete). */
const MAX_NESTING = 100;

const SEPARATORS: ReadonlySet<Operator> = new Set<Operator>(['&&', '||', ';', '|', '|&', '&', 'newline']);
const CLOSING_KEYWORDS = new Set(['then', 'elif', 'else', 'fi', 'do', 'done', 'esac', '}', 'in']);
const CASE_CLAUSE_ENDS = new Set([';;', ';&', ';;&', 'esac']);
const NO_TERMINATORS: ReadonlySet<string> = new Set();
const CLOSING_PARENTHESIS: ReadonlySet<string> = new Set([')']);
const THEN = new Set(['then']);
const DO = new Set(['do']);
const DONE = new Set(['done']);
const FI = new Set(['fi']);
const IF_BRANCH_ENDS = new Set(['elif', 'else', 'fi']);
const CLOSING_BRACE = new Set(['}']);

interface PendingSeparator {
  separator: CommandSeparator;
  start: number;
  end: number;
}

function isPlain(token: Token): token is WordToken {
  return token.kind === 'word' && !token.quoted && !token.hasExpansion;
}

function isAssignment(token: WordToken, chars: string): boolean {
  let index = token.start;
  const first = chars[index];
  if (!first || !/[A-Za-z_]/.test(first)) return false;
  while (index < token.end && /\w/.test(chars[index])) index++;
  if (chars[index] === '+') index++;
  return index < token.end && chars[index] === '=';
}

export class CommandParser {
  readonly lexer: Lexer;
  private buffered: Token | null = null;
  private depth: number;
  private pending: PendingSeparator | null = null;
  /** Whether the last thing parsed was a command (a separator must follow one). */
  private afterCommand = false;

  constructor(
    private readonly source: MappedText,
    private readonly context: ParseContext,
    nested: boolean,
  ) {
    this.depth = nested ? 1 : 0;
    this.lexer = new Lexer(source, context, {
      parseCommandSubstitution: () => this.parseCommandSubstitution(),
      parseBacktickBody: (start, end) => this.parseBacktickBody(start, end),
    });
  }

  /** Parses the whole text into `context.commands`. */
  parse(): void {
    this.parseList(NO_TERMINATORS);
    this.finishList();
  }

  private peek(): Token {
    this.buffered ??= this.lexer.next();
    return this.buffered;
  }

  private take(): Token {
    const token = this.peek();
    this.buffered = null;
    return token;
  }

  private markIncomplete(): void {
    this.context.incomplete = true;
  }

  /** Parses commands until one of `terminators` (a keyword or operator, left unconsumed) or the end. */
  private parseList(terminators: ReadonlySet<string>): string | null {
    for (;;) {
      const token = this.peek();
      if (token.kind === 'end') return null;
      if (token.kind === 'operator') {
        if (terminators.has(token.operator)) return token.operator;
        if (SEPARATORS.has(token.operator)) this.noteSeparator(this.take() as OperatorToken);
        else if (token.operator === '(') this.parseCommand();
        else {
          this.markIncomplete(); // a stray `)` or `;;`
          this.take();
        }
        continue;
      }
      if (isPlain(token) && terminators.has(token.value)) return token.value;
      this.parseCommand();
    }
  }

  private finishList(): void {
    if (this.pending && !this.afterCommand && ['&&', '||', '|'].includes(this.pending.separator)) this.markIncomplete();
  }

  private noteSeparator(token: OperatorToken): void {
    if (token.operator === 'newline') {
      // Blank lines before the first command join nothing; a newline after `&&`, `|`… only
      // continues the list, the operator remains the separator.
      if (this.afterCommand) this.pending ??= { separator: 'newline', start: token.start, end: token.end };
      return;
    }
    if (!this.afterCommand) this.markIncomplete(); // `&& a`, `a && || b`
    const separator = token.operator === '|&' ? '|' : (token.operator as CommandSeparator);
    this.pending = { separator, start: token.start, end: token.end };
    this.afterCommand = false;
  }

  /** Runs `parse` one nesting level deeper, or gives up on the rest of the script when too deep. */
  private nest(parse: () => void): void {
    if (this.depth >= MAX_NESTING) {
      this.context.aborted = true;
      this.markIncomplete();
      return;
    }
    this.depth++;
    try {
      parse();
    } finally {
      this.depth--;
    }
  }

  private parseCommand(): void {
    let token = this.peek();
    while (this.isKeyword(token, '!')) {
      this.take(); // pipeline negation
      token = this.peek();
    }
    if (token.kind === 'operator' && token.operator === '(') this.parseParenthesized(token);
    else if (token.kind === 'end' || token.kind === 'operator') return;
    else if (isPlain(token) && this.parseKeyword(token.value)) this.skipTrailingRedirections();
    else {
      this.parseSimpleCommand();
      return;
    }
    this.afterCommand = true;
  }

  private parseParenthesized(open: OperatorToken): void {
    if (open.end === open.start + 1 && this.lexer.charAt(open.end) === '(') {
      this.buffered = null;
      this.lexer.pos = open.start;
      this.lexer.skipArithmetic();
    } else {
      this.take();
      this.nest(() => this.parseUntil(CLOSING_PARENTHESIS));
    }
    this.skipTrailingRedirections();
  }

  /** Parses a list, then consumes its terminator (marking the script incomplete when it is missing). */
  private parseUntil(terminators: ReadonlySet<string>): string | null {
    const met = this.parseList(terminators);
    if (met === null) this.markIncomplete();
    else this.take();
    this.afterCommand = false;
    return met;
  }

  /** Handles a reserved word at command position; false when the word is an ordinary program name. */
  private parseKeyword(word: string): boolean {
    switch (word) {
      case 'if':
        this.take();
        this.nest(() => this.parseIfBody());
        return true;
      case 'while':
      case 'until':
        this.take();
        this.nest(() => {
          this.parseUntil(DO);
          this.parseUntil(DONE);
        });
        return true;
      case 'for':
      case 'select':
        this.take();
        this.nest(() => this.parseForBody());
        return true;
      case 'case':
        this.take();
        this.nest(() => this.parseCaseBody());
        return true;
      case '{':
        this.take();
        this.nest(() => this.parseUntil(CLOSING_BRACE));
        return true;
      case 'function':
        this.take();
        this.parseFunctionDefinition();
        return true;
      default:
        if (!CLOSING_KEYWORDS.has(word)) return false;
        this.markIncomplete(); // a closing keyword with nothing open
        this.take();
        return true;
    }
  }

  private parseIfBody(): void {
    this.parseUntil(THEN);
    for (;;) {
      const met = this.parseUntil(IF_BRANCH_ENDS);
      if (met === 'elif') this.parseUntil(THEN);
      else if (met === 'else') {
        this.parseUntil(FI);
        return;
      } else return;
    }
  }

  private parseForBody(): void {
    const head = this.peek();
    if (head.kind === 'operator' && head.operator === '(') this.parseParenthesized(head);
    else if (head.kind === 'word') this.take();
    this.skipLineBreaks();
    if (this.isKeyword(this.peek(), 'in')) {
      this.take();
      while (this.peek().kind === 'word') this.take();
    }
    this.skipLineBreaks(true);
    this.parseUntil(DO);
    this.parseUntil(DONE);
  }

  private parseCaseBody(): void {
    if (this.peek().kind === 'word') this.take();
    this.skipLineBreaks();
    if (this.isKeyword(this.peek(), 'in')) this.take();
    else this.markIncomplete();
    for (;;) {
      this.skipLineBreaks();
      const token = this.peek();
      if (this.isKeyword(token, 'esac')) {
        this.take();
        return;
      }
      if (token.kind === 'end' || !this.parsePattern()) {
        this.markIncomplete();
        return;
      }
      const met = this.parseUntil(CASE_CLAUSE_ENDS);
      if (met === null || met === 'esac') return;
      this.pending = null; // clauses are alternatives, not a sequence
    }
  }

  /** `(a|b)` or `a|b)` before a case clause; false when the closing parenthesis is missing. */
  private parsePattern(): boolean {
    if (this.isOperator(this.peek(), '(')) this.take();
    for (;;) {
      const token = this.peek();
      if (token.kind === 'word' || this.isOperator(token, '|')) this.take();
      else if (this.isOperator(token, ')')) {
        this.take();
        this.afterCommand = false;
        return true;
      } else return false;
    }
  }

  private parseFunctionDefinition(): void {
    if (this.peek().kind === 'word') this.take();
    if (this.isOperator(this.peek(), '(')) {
      this.take();
      if (this.isOperator(this.peek(), ')')) this.take();
      else this.markIncomplete();
    }
    this.parseFunctionBody();
  }

  private parseFunctionBody(): void {
    this.pending = null; // a definition: its body does not run here, after the previous command
    this.skipLineBreaks();
    if (this.peek().kind === 'end') this.markIncomplete();
    else this.nest(() => this.parseCommand());
  }

  private isKeyword(token: Token, keyword: string): boolean {
    return isPlain(token) && token.value === keyword;
  }

  private isOperator(token: Token, operator: Operator): boolean {
    return token.kind === 'operator' && token.operator === operator;
  }

  private skipLineBreaks(semicolonsToo = false): void {
    for (;;) {
      const token = this.peek();
      if (this.isOperator(token, 'newline') || (semicolonsToo && this.isOperator(token, ';'))) this.take();
      else return;
    }
  }

  /** Redirections after a compound command (`done > log`, `} 2>&1`) apply to it, not to a simple command. */
  private skipTrailingRedirections(): void {
    while (this.peek().kind === 'redirection') this.take();
  }

  private parseSimpleCommand(): void {
    const assignments: ShellWord[] = [];
    const args: ShellWord[] = [];
    const redirections: ShellWord[] = [];
    let program: ShellWord | null = null;
    let start = -1;
    let end = -1;
    for (;;) {
      const token = this.peek();
      if (token.kind === 'operator' && token.operator === '(' && program && args.length === 0) {
        this.take(); // `name() { …; }` defines a function: the name is not a command
        if (this.isOperator(this.peek(), ')')) this.take();
        else this.markIncomplete();
        this.parseFunctionBody();
        this.afterCommand = true;
        return;
      }
      if (token.kind === 'operator' || token.kind === 'end') break;
      this.take();
      if (start < 0) start = token.start;
      end = token.end;
      const word = this.toShellWord(token);
      if (token.kind === 'redirection') redirections.push(word);
      else if (!program && isAssignment(token, this.source.chars)) assignments.push(word);
      else if (!program) {
        program = word;
        if (isPlain(token) && token.value === '[[') this.lexer.testMode = true;
      } else args.push(word);
    }
    this.lexer.testMode = false;
    if (start >= 0) this.emit({ assignments, program, args, redirections }, start, end);
  }

  private emit(words: Pick<ShellCommand, 'assignments' | 'program' | 'args' | 'redirections'>, start: number, end: number): void {
    const pending = this.pending;
    this.context.commands.push({
      assignments: words.assignments,
      program: words.program,
      args: words.args,
      range: this.rangeOf(start, end),
      separator: pending?.separator ?? null,
      separatorRange: pending ? this.rangeOf(pending.start, pending.end) : null,
      nested: this.depth > 0,
      redirections: words.redirections,
    });
    this.pending = null;
    this.afterCommand = true;
  }

  private rangeOf(from: number, to: number): Range {
    const [start, end] = documentSpan(this.source, from, to);
    return documentRange(this.context, start, end);
  }

  private toShellWord(token: WordToken): ShellWord {
    const [start, end] = documentSpan(this.source, token.start, token.end);
    return {
      value: token.value,
      raw: this.context.text.slice(start, end),
      range: documentRange(this.context, start, end),
      quoted: token.quoted,
      hasExpansion: token.hasExpansion,
    };
  }

  /** A substitution is its own list: separators outside it do not join the commands inside. */
  private inSubstitution(parse: () => void): void {
    const saved = { buffered: this.buffered, pending: this.pending, afterCommand: this.afterCommand, testMode: this.lexer.testMode };
    this.buffered = null;
    this.pending = null;
    this.afterCommand = false;
    this.lexer.testMode = false;
    this.nest(parse);
    this.buffered = saved.buffered;
    this.pending = saved.pending;
    this.afterCommand = saved.afterCommand;
    this.lexer.testMode = saved.testMode;
  }

  private parseCommandSubstitution(): void {
    this.inSubstitution(() => {
      this.parseUntil(CLOSING_PARENTHESIS);
      this.finishList();
    });
  }

  private parseBacktickBody(start: number, end: number): void {
    const limit = this.lexer.limit;
    this.lexer.pos = start;
    this.lexer.limit = end;
    this.inSubstitution(() => {
      this.parseList(NO_TERMINATORS);
      this.finishList();
    });
    this.lexer.limit = limit;
  }
}
