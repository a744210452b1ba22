// Paths in WORKDIR, COPY and ADD: absolute, relative or a variable, and their quoting.
export type PathKind = 'absolute' | 'relative' | 'variable';

const QUOTED = /^(["'])(.*)\1$/s;

/** Quotes around a whole argument are syntax, not part of the path. */
export function unquote(value: string): string {
  const trimmed = value.trim();
  // Cheap test first: most paths are not quoted.
  if (trimmed[0] !== '"' && trimmed[0] !== "'") return trimmed;
  const match = QUOTED.exec(trimmed);
  return match ? match[2] : trimmed;
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

