// The snippets the extension contributes for Dockerfiles, read from the files package.json names and
// expanded with their defaults: what the tests judge and the README table describes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildModel } from '../../server/src/analysis/model';
import { expandSnippet, parseSnippetBody, type ParsedSnippet } from './snippet-syntax';

export const repoRoot = join(__dirname, '..', '..');

/** One entry of a .code-snippets file as written (VS Code also accepts arrays for prefix and body). */
export interface RawSnippet {
  prefix?: unknown;
  description?: unknown;
  body?: unknown;
  scope?: unknown;
}

export interface Snippet {
  /** Path relative to the repository root. */
  file: string;
  /** The key of the entry: the name VS Code shows in the completion list. */
  name: string;
  raw: RawSnippet;
  prefixes: string[];
  description: string;
  /** The body lines joined with newlines, as VS Code reads them. */
  body: string;
  parsed: ParsedSnippet;
  /** The text inserted when every default is accepted. */
  expanded: string;
  /** A fragment (a RUN, a COPY + USER…) goes into a stage of an existing Dockerfile; it has no FROM. */
  isFragment: boolean;
}

interface SnippetContribution {
  language?: string;
  path?: string;
}

/** The snippet files package.json contributes for the dockerfile language, relative to the repository root. */
export function contributedSnippetFiles(): string[] {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    contributes?: { snippets?: SnippetContribution[] };
  };
  return (manifest.contributes?.snippets ?? [])
    .filter((contribution) => contribution.language === 'dockerfile' && typeof contribution.path === 'string')
    .map((contribution) => (contribution.path as string).replace(/^\.\//, ''));
}

/** The raw entries of one file; throws with the file name when it is not a JSON object. */
export function readSnippetFile(file: string): Record<string, RawSnippet> {
  const text = readFileSync(join(repoRoot, file), 'utf8');
  const parsed: unknown = JSON.parse(text);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`${file} is not a JSON object`);
  return parsed as Record<string, RawSnippet>;
}

function asStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export function loadSnippets(files: readonly string[] = contributedSnippetFiles()): Snippet[] {
  return files.flatMap((file) =>
    Object.entries(readSnippetFile(file)).map(([name, raw]) => {
      const body = asStrings(raw.body).join('\n');
      const parsed = parseSnippetBody(body);
      const expanded = expandSnippet(parsed.nodes);
      return {
        file,
        name,
        raw,
        prefixes: asStrings(raw.prefix),
        description: typeof raw.description === 'string' ? raw.description : '',
        body,
        parsed,
        expanded,
        isFragment: buildModel(expanded).stages.length === 0,
      };
    }),
  );
}

/** The snippet's main prefix (the tests require exactly one). */
export function prefixOf(snippet: Snippet): string {
  return snippet.prefixes[0] ?? snippet.name;
}
