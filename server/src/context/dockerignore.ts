// .dockerignore matching with Docker's semantics on top of the `ignore` package's pattern matcher.
//
// How .dockerignore differs from .gitignore, and how each difference is handled here:
// - Patterns are anchored at the context root: `*.log` matches `a.log` but not `src/a.log` (in git it
//   matches at any depth). Every pattern is given to `ignore` with a leading `/`, which anchors it.
// - Docker cleans each pattern like a path (`./a//b/` → `a/b`, a leading `/` dropped): a trailing `/`
//   does not restrict it to directories. Cleaned here the same way.
// - `**` matches any number of folders, in both.
// - Docker lets `!dir/keep.txt` bring back a file inside an excluded `dir`; git cannot re-include a file
//   whose folder is excluded. Docker's rule (the last pattern that matches the path or one of its
//   parent folders decides) is applied here pattern by pattern, each pattern matched by `ignore`.
import ignore, { type Ignore } from 'ignore';

interface Rule {
  negated: boolean;
  matcher: Ignore;
}

export interface DockerignoreMatcher {
  /** True when the context-relative POSIX path (a file or a folder) is excluded. */
  excludes(path: string): boolean;
  /** A folder can be skipped whole: it is excluded and no `!` pattern could bring anything back. */
  canSkipFolder(path: string): boolean;
}

/** Docker's cleaning of one line: trimmed, `!` read, path-cleaned, leading `/` dropped. Null for none. */
export function cleanPattern(line: string): { pattern: string; negated: boolean } | null {
  let text = line.trim();
  if (text === '' || text.startsWith('#')) return null;
  const negated = text.startsWith('!');
  if (negated) text = text.slice(1).trim();
  const parts: string[] = [];
  for (const part of text.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  const pattern = parts.join('/');
  return pattern === '' ? null : { pattern, negated };
}

export function parseDockerignore(text: string | null): DockerignoreMatcher {
  const rules: Rule[] = [];
  for (const line of (text ?? '').split(/\r?\n/)) {
    const cleaned = cleanPattern(line);
    if (!cleaned) continue;
    rules.push({ negated: cleaned.negated, matcher: ignore({ ignorecase: false }).add(`/${cleaned.pattern}`) });
  }
  const hasExceptions = rules.some((rule) => rule.negated);
  // Without exceptions Docker's rule and git's agree: one matcher holding every pattern is enough.
  const combined = hasExceptions ? null : ignore({ ignorecase: false }).add(rules.map((rule) => rule.matcher));

  const excludes = (path: string): boolean => {
    if (path === '' || path === '.') return false;
    if (combined) return combined.ignores(path);
    let excluded = false;
    for (const rule of rules) {
      if (rule.matcher.ignores(path)) excluded = !rule.negated;
    }
    return excluded;
  };
  return {
    excludes,
    canSkipFolder: (path) => !hasExceptions && excludes(path),
  };
}
