// The VS Code snippet body syntax (tab stops, placeholders, choices, variables, escapes), parsed strictly
// enough to catch what goes wrong in Dockerfile snippets: a Dockerfile `$VAR` left unescaped becomes a
// snippet variable, and VS Code would insert a surprise placeholder instead of the text.
// https://code.visualstudio.com/docs/editing/userdefinedsnippets#_snippet-syntax

export type SnippetNode = TextNode | TabStopNode | VariableNode;

export interface TextNode {
  kind: 'text';
  value: string;
}

export interface TabStopNode {
  kind: 'tabstop';
  index: number;
  /** `${1:default}`: the default, which may itself hold tab stops; null for a bare `$1` or a choice. */
  placeholder: SnippetNode[] | null;
  /** `${1|a,b|}`: the choices, in order. */
  choices: string[] | null;
  /** Offset of the `$` in the body text. */
  offset: number;
}

export interface VariableNode {
  kind: 'variable';
  name: string;
  offset: number;
}

export interface SnippetProblem {
  offset: number;
  message: string;
}

export interface ParsedSnippet {
  nodes: SnippetNode[];
  problems: SnippetProblem[];
}

/** Characters a backslash escapes in snippet text (elsewhere a backslash is itself: Dockerfile line continuations). */
const TEXT_ESCAPES = new Set(['$', '}', '\\']);
const CHOICE_ESCAPES = new Set(['$', '}', '\\', ',', '|']);

/** Parses a snippet body (the lines of `body` joined with newlines). Never throws: what it cannot read is a problem. */
export function parseSnippetBody(text: string): ParsedSnippet {
  const parser = new SnippetParser(text);
  const nodes = parser.parseSequence(false);
  return { nodes, problems: parser.problems };
}

class SnippetParser {
  readonly problems: SnippetProblem[] = [];
  private position = 0;

  constructor(private readonly text: string) {}

  /** Text and tab stops up to the end, or (inside a placeholder) up to its closing brace, which it consumes. */
  parseSequence(insidePlaceholder: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flushText = () => {
      if (text !== '') nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (this.position < this.text.length) {
      const char = this.text[this.position];
      if (char === '\\' && TEXT_ESCAPES.has(this.text[this.position + 1])) {
        text += this.text[this.position + 1];
        this.position += 2;
      } else if (char === '$') {
        flushText();
        const node = this.parseDollar();
        if (node) nodes.push(node);
      } else if (char === '}' && insidePlaceholder) {
        this.position++;
        flushText();
        return nodes;
      } else {
        text += char;
        this.position++;
      }
    }
    if (insidePlaceholder) this.problem(this.text.length, 'a placeholder is not closed with `}`');
    flushText();
    return nodes;
  }

  private parseDollar(): SnippetNode | null {
    const start = this.position;
    this.position++;
    const digits = this.match(/^\d+/);
    if (digits !== null) return { kind: 'tabstop', index: Number(digits), placeholder: null, choices: null, offset: start };
    const name = this.match(/^[_a-zA-Z]\w*/);
    if (name !== null) return this.variable(name, start);
    if (this.text[this.position] !== '{') {
      this.problem(start, 'a bare `$` is not snippet syntax: escape it as `\\$`');
      return { kind: 'text', value: '$' };
    }
    this.position++;
    const index = this.match(/^\d+/);
    if (index !== null) return this.parseBracedTabStop(Number(index), start);
    const braced = this.match(/^[_a-zA-Z]\w*/);
    if (braced !== null) {
      this.skipPast('}');
      return this.variable(braced, start);
    }
    this.problem(start, '`${` starts neither a tab stop nor a variable: escape a literal `$` as `\\$`');
    return { kind: 'text', value: '${' };
  }

  private parseBracedTabStop(index: number, start: number): TabStopNode | null {
    const next = this.text[this.position];
    const tabStop: TabStopNode = { kind: 'tabstop', index, placeholder: null, choices: null, offset: start };
    if (next === '}') {
      this.position++;
    } else if (next === ':') {
      this.position++;
      tabStop.placeholder = this.parseSequence(true);
    } else if (next === '|') {
      this.position++;
      tabStop.choices = this.parseChoices(start);
    } else {
      this.problem(start, `\${${index}${next ?? ''}… is not a tab stop (transformations are not supported here)`);
      this.skipPast('}');
    }
    return tabStop;
  }

  private parseChoices(start: number): string[] {
    const choices: string[] = [];
    let current = '';
    while (this.position < this.text.length) {
      const char = this.text[this.position];
      if (char === '\\' && CHOICE_ESCAPES.has(this.text[this.position + 1])) {
        current += this.text[this.position + 1];
        this.position += 2;
      } else if (char === ',') {
        choices.push(current);
        current = '';
        this.position++;
      } else if (char === '|' && this.text[this.position + 1] === '}') {
        choices.push(current);
        this.position += 2;
        return choices;
      } else {
        current += char;
        this.position++;
      }
    }
    this.problem(start, 'a choice is not closed with `|}`');
    return choices;
  }

  private variable(name: string, offset: number): VariableNode {
    this.problem(
      offset,
      `\`$${name}\` is a snippet variable: VS Code would replace it (or turn it into a placeholder); escape a Dockerfile variable as \`\\$${name}\``,
    );
    return { kind: 'variable', name, offset };
  }

  private match(pattern: RegExp): string | null {
    const found = pattern.exec(this.text.slice(this.position));
    if (!found) return null;
    this.position += found[0].length;
    return found[0];
  }

  private skipPast(char: string): void {
    const end = this.text.indexOf(char, this.position);
    this.position = end === -1 ? this.text.length : end + 1;
  }

  private problem(offset: number, message: string): void {
    this.problems.push({ offset, message });
  }
}

/** Every tab stop, nested ones included, in document order. */
export function tabStopsOf(nodes: readonly SnippetNode[]): TabStopNode[] {
  return nodes.flatMap((node) => (node.kind !== 'tabstop' ? [] : [node, ...tabStopsOf(node.placeholder ?? [])]));
}

/**
 * The text VS Code inserts when the user accepts every default: placeholders keep their text, choices
 * their first item, and a tab stop repeated elsewhere mirrors the first occurrence that has a default.
 */
export function expandSnippet(nodes: readonly SnippetNode[]): string {
  const definitions = new Map<number, TabStopNode>();
  for (const tabStop of tabStopsOf(nodes)) {
    if (!definitions.has(tabStop.index) && (tabStop.choices || tabStop.placeholder)) definitions.set(tabStop.index, tabStop);
  }
  const expanding = new Set<number>();
  const valueOf = (index: number): string => {
    const definition = definitions.get(index);
    // A placeholder that contains its own tab stop would recurse forever; VS Code leaves it empty too.
    if (!definition || expanding.has(index)) return '';
    if (definition.choices) return definition.choices[0] ?? '';
    expanding.add(index);
    const value = expandNodes(definition.placeholder ?? [], valueOf);
    expanding.delete(index);
    return value;
  };
  return expandNodes(nodes, valueOf);
}

function expandNodes(nodes: readonly SnippetNode[], valueOf: (index: number) => string): string {
  return nodes
    .map((node) => {
      if (node.kind === 'text') return node.value;
      if (node.kind === 'variable') return '';
      return valueOf(node.index);
    })
    .join('');
}
