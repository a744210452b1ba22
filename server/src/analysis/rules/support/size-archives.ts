// Archives downloaded to a file (curl -o, curl -O, wget) and extracted (tar, unzip) in one RUN: the file
// the download wrote, the extraction of that same file, and whether an `rm` removes it afterwards.
import type { RunScript, ShellWord } from '../../shell-types';
import { baseName, callsAny, compareRangeStarts, invocationOf, type Invocation } from './commands';
import { isSameOrAncestor, normalizePath } from './paths';

export interface Download {
  invocation: Invocation;
  /** The file as the shell sees it: `/tmp/x.tgz`, `node-v$NODE_VERSION.tar.xz`. */
  file: string;
  /** The word to report: the output path, or the URL when the name comes from it. */
  word: ShellWord;
  /** The file as it can be written in a new command (quoted when needed); null when it cannot be written safely. */
  text: string | null;
}

const URL = /^(https?|ftp):\/\//i;
const DOWNLOADERS = ['curl', 'wget'];

// curl(1): short options that take a value (the rest of a bundle, or the next word).
const CURL_SHORT_WITH_VALUE = new Set('oubHdXAemwTrxcbFKECYyzPQtUD'.split(''));
const CURL_LONG_WITH_VALUE = new Set([
  '--output', '--output-dir', '--user', '--header', '--data', '--data-raw', '--data-binary', '--data-urlencode', '--request',
  '--user-agent', '--referer', '--max-time', '--write-out', '--upload-file', '--range', '--proxy', '--cookie', '--cookie-jar',
  '--form', '--config', '--cert', '--cacert', '--key', '--continue-at', '--retry', '--retry-delay', '--retry-max-time',
  '--connect-timeout', '--proto', '--proto-redir', '--url', '--resolve', '--dump-header', '--limit-rate', '--netrc-file',
]);
// wget(1).
const WGET_SHORT_WITH_VALUE = new Set('OoaPtTwUeiBQlARDXIYe'.split(''));

/** Reads a command line into options (with values) and operands, given the letters/long options that take a value. */
function readOptions(args: readonly ShellWord[], shortWithValue: ReadonlySet<string>, longWithValue: (name: string) => boolean) {
  const options: Array<{ name: string; value: ShellWord | string | null }> = [];
  const words: ShellWord[] = [];
  for (let index = 0; index < args.length; index++) {
    const word = args[index];
    const text = word.value;
    if (text.startsWith('--') && text.length > 2) {
      const equals = text.indexOf('=');
      if (equals !== -1) options.push({ name: text.slice(0, equals), value: text.slice(equals + 1) });
      else if (longWithValue(text)) options.push({ name: text, value: args[++index] ?? null });
      else options.push({ name: text, value: null });
    } else if (text.startsWith('-') && text.length > 1) {
      for (let at = 1; at < text.length; at++) {
        const letter = text[at];
        if (!shortWithValue.has(letter)) {
          options.push({ name: `-${letter}`, value: null });
          continue;
        }
        const rest = text.slice(at + 1);
        options.push({ name: `-${letter}`, value: rest !== '' ? rest : (args[++index] ?? null) });
        break;
      }
    } else {
      words.push(word);
    }
  }
  return { options, words };
}

function valueOf(value: ShellWord | string | null): string | null {
  return value === null ? null : typeof value === 'string' ? value : value.value;
}

/** The file a URL is saved as by `curl -O` or `wget`: the last path segment, without the query. */
function remoteName(url: string): string | null {
  const path = url.replace(/[?#].*$/, '').replace(/^[a-z]+:\/\/[^/]*/i, '');
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name === '' ? null : name;
}

/** A file name as a shell word: plain when it is safe, double-quoted when it has `$`, null when it cannot be written. */
function asShellText(file: string): string | null {
  if (/^[\w@%+=:,./-]+$/.test(file)) return file;
  if (/["`\\\n\r]/.test(file)) return null;
  return `"${file}"`;
}

function joinPath(directory: string | null, name: string): string {
  return directory ? `${directory.replace(/\/+$/, '')}/${name}` : name;
}

function curlDownloads(invocation: Invocation): Download[] {
  const { options, words } = readOptions(invocation.args, CURL_SHORT_WITH_VALUE, (name) => CURL_LONG_WITH_VALUE.has(name));
  const urls = [...words.filter((word) => URL.test(word.value)), ...options.filter((o) => o.name === '--url' && typeof o.value === 'object' && o.value).map((o) => o.value as ShellWord)];
  const output = options.find((option) => option.name === '-o' || option.name === '--output');
  const directory = valueOf(options.find((option) => option.name === '--output-dir')?.value ?? null);
  if (output && output.value && typeof output.value === 'object' && urls.length === 1) {
    const word = output.value;
    if (word.value === '-') return [];
    const file = joinPath(directory, word.value);
    const text = directory ? asShellText(file) : /[\r\n]/.test(word.raw) ? null : word.raw;
    return [{ invocation, file, word, text }];
  }
  const remote = options.some((option) => ['-O', '--remote-name', '--remote-name-all'].includes(option.name));
  if (!remote || output) return [];
  return urls.flatMap((url) => {
    const name = remoteName(url.value);
    return name ? [{ invocation, file: joinPath(directory, name), word: url, text: asShellText(joinPath(directory, name)) }] : [];
  });
}

function wgetDownloads(invocation: Invocation): Download[] {
  const { options, words } = readOptions(invocation.args, WGET_SHORT_WITH_VALUE, (name) =>
    ['--output-document', '--directory-prefix', '--output-file', '--tries', '--timeout', '--user', '--password', '--header', '--user-agent'].includes(name),
  );
  const urls = words.filter((word) => URL.test(word.value));
  if (urls.length !== 1) return [];
  const output = options.find((option) => option.name === '-O' || option.name === '--output-document');
  if (output) {
    const value = valueOf(output.value);
    if (value === null || value === '-' || typeof output.value !== 'object' || output.value === null) return [];
    const word = output.value;
    return [{ invocation, file: word.value, word, text: /[\r\n]/.test(word.raw) ? null : word.raw }];
  }
  const directory = valueOf(options.find((option) => option.name === '-P' || option.name === '--directory-prefix')?.value ?? null);
  const name = remoteName(urls[0].value);
  return name ? [{ invocation, file: joinPath(directory, name), word: urls[0], text: asShellText(joinPath(directory, name)) }] : [];
}

/** Files the script downloads with curl or wget, in order. */
export function downloads(script: RunScript): Download[] {
  // Cheap test first: most RUNs download nothing.
  if (!callsAny(script, DOWNLOADERS)) return [];
  return script.commands.flatMap((command) => {
    const invocation = invocationOf(command);
    if (!invocation) return [];
    if (invocation.name === 'curl') return curlDownloads(invocation);
    if (invocation.name === 'wget') return wgetDownloads(invocation);
    return [];
  });
}

/** The archive a tar or unzip call extracts (its file operand); null for any other command. */
export function extractedArchive(invocation: Invocation): string | null {
  if (['tar', 'gtar', 'bsdtar'].includes(invocation.name)) return tarArchive(invocation.args);
  if (invocation.name === 'unzip') {
    const { words } = readOptions(invocation.args, new Set(['d', 'P', 'x']), () => false);
    return words[0]?.value ?? null;
  }
  return null;
}

function tarArchive(args: readonly ShellWord[]): string | null {
  const first = args[0]?.value ?? '';
  // Old style: `tar xzf file.tgz`, the key letters without a dash, values in order after it.
  if (/^[A-Za-z]+$/.test(first) && first.includes('x')) {
    return first.includes('f') && first.indexOf('f') === first.search(/[fCTXbKNgVH]/) ? (args[1]?.value ?? null) : null;
  }
  const { options } = readOptions(args, new Set('fCTXbKNgVH'.split('')), (name) =>
    ['--file', '--directory', '--files-from', '--exclude-from', '--transform', '--strip-components', '--owner', '--group', '--mode'].includes(name),
  );
  const extracts = options.some((option) => ['-x', '--extract', '--get'].includes(option.name));
  const file = options.find((option) => option.name === '-f' || option.name === '--file');
  return extracts && file ? valueOf(file.value) : null;
}

/** The same file, as written in two commands of one script. */
export function sameFile(a: string, b: string): boolean {
  return normalizePath(a) === normalizePath(b);
}

/**
 * What an `rm` operand does to the file: 'removes' (the file, a directory above it, or a glob matching
 * it), 'unknown' (an operand with a variable the rule cannot relate), or 'other'.
 */
export function removalOf(operand: ShellWord, file: string): 'removes' | 'unknown' | 'other' {
  const path = normalizePath(operand.value);
  const target = normalizePath(file);
  if (path === '/' || path === '') return 'other';
  if (isSameOrAncestor(path, target)) return 'removes';
  if (/[*?[]/.test(path) && globMatches(path, target)) return 'removes';
  if (!path.startsWith('/') && !target.startsWith('/') && /[*?[]/.test(path) && globMatches(path, baseName(target))) return 'removes';
  return operand.hasExpansion ? 'unknown' : 'other';
}

function globMatches(glob: string, path: string): boolean {
  const pattern = glob.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${pattern}(/.*)?$`).test(path);
}

/** Commands of the script after the given one, in document order. */
export function commandsAfter(script: RunScript, invocation: Invocation): Invocation[] {
  return script.commands
    .filter((command) => compareRangeStarts(command.range, invocation.command.range) > 0)
    .map((command) => invocationOf(command))
    .filter((found): found is Invocation => found !== null);
}

