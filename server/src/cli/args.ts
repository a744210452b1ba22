// Command-line arguments → a validated CliOptions, or a UsageError with a message a person can act on.
import { parseArgs } from 'node:util';
import type { RuleSetting } from '../analysis/engine-types';
import type { FailureThreshold } from '../analysis/hadolint-config';

export type OutputFormat = 'stylish' | 'json';

export interface CliOptions {
  format: OutputFormat;
  fix: boolean;
  unsafeFixes: boolean;
  sizes: boolean;
  target: string | undefined;
  rules: Record<string, RuleSetting>;
  /** Exit 1 only for findings at or above this severity; undefined: the config file's, else any finding. */
  failureThreshold: FailureThreshold | undefined;
  /** `--config PATH`: the .hadolint.yaml to use instead of looking for one. */
  configPath: string | undefined;
  /** Files and folders as given; `-` means standard input. */
  paths: string[];
}

export type ParsedCommand = { kind: 'help' } | { kind: 'version' } | { kind: 'lint'; options: CliOptions };

/** Bad arguments: exit code 2, the message on stderr. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const FORMATS: readonly OutputFormat[] = ['stylish', 'json'];
const RULE_SETTINGS: readonly RuleSetting[] = ['off', 'error', 'warning', 'info', 'hint'];
const FAILURE_THRESHOLDS: readonly FailureThreshold[] = ['error', 'warning', 'info', 'hint', 'none'];
/** hadolint's words, accepted so that its command lines keep working. */
const HADOLINT_THRESHOLDS: Readonly<Record<string, FailureThreshold>> = { style: 'hint', ignore: 'hint' };

export const HELP_TEXT = `Usage: layerwise [options] PATH...

Lints Dockerfiles for small, secure images and estimates the size of every stage.
Folders are searched recursively (node_modules and .git are skipped) for Dockerfile,
*.Dockerfile, *.dockerfile, Dockerfile.* and Containerfile. Use - to read standard input.

Options:
  --format stylish|json   Output format (default: stylish)
  --fix                   Apply safe fixes to the files, then report what remains
  --unsafe-fixes          With --fix, also apply fixes marked unsafe
  --sizes                 Print a per-stage size table with the layers of each stage
  --target NAME           The stage that is built (docker build --target); default: the last one
  --rule ID=SETTING       Set a rule to off|error|warning|info|hint (repeatable);
                          ID is a rule id, an LW code or an alias such as DL3009
  --failure-threshold LEVEL
                          Exit 1 only for findings at or above LEVEL:
                          error|warning|info|hint|none (default: hint, any finding);
                          hadolint's style and ignore mean hint
  --config PATH           Read this .hadolint.yaml instead of looking for one next to
                          each Dockerfile and in the current folder
  -h, --help              Show this help
  -v, --version           Print the version

Exit codes: 0 no findings at or above the failure threshold, 1 such findings (after --fix:
findings that remain), 2 usage, I/O or configuration error.
`;

function parseFormat(value: string | undefined): OutputFormat {
  if (value === undefined) return 'stylish';
  const format = FORMATS.find((candidate) => candidate === value);
  if (!format) throw new UsageError(`unknown format '${value}' (expected ${FORMATS.join(' or ')})`);
  return format;
}

function parseFailureThreshold(value: string | undefined): FailureThreshold | undefined {
  if (value === undefined) return undefined;
  const wanted = value.trim().toLowerCase();
  const threshold = FAILURE_THRESHOLDS.find((candidate) => candidate === wanted) ?? (Object.hasOwn(HADOLINT_THRESHOLDS, wanted) ? HADOLINT_THRESHOLDS[wanted] : undefined);
  if (!threshold) throw new UsageError(`unknown failure threshold '${value}' (expected ${FAILURE_THRESHOLDS.join('|')})`);
  return threshold;
}

function parseRuleSetting(text: string, isKnownRule: (key: string) => boolean): [string, RuleSetting] {
  const separator = text.lastIndexOf('=');
  const key = separator > 0 ? text.slice(0, separator).trim() : '';
  const value = separator > 0 ? text.slice(separator + 1).trim() : '';
  if (!key || !value) throw new UsageError(`--rule expects ID=SETTING, got '${text}'`);
  const setting = RULE_SETTINGS.find((candidate) => candidate === value);
  if (!setting) {
    throw new UsageError(`unknown setting '${value}' for rule ${key} (expected ${RULE_SETTINGS.join('|')})`);
  }
  if (!isKnownRule(key)) throw new UsageError(`unknown rule '${key}' in --rule ${text}`);
  return [key, setting];
}

/**
 * @param isKnownRule tells whether a rule id, code or alias names a rule, so that a typo in `--rule`
 *   is reported instead of silently doing nothing.
 */
export function parseCommandLine(argv: readonly string[], isKnownRule: (key: string) => boolean): ParsedCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        fix: { type: 'boolean' },
        'unsafe-fixes': { type: 'boolean' },
        sizes: { type: 'boolean' },
        target: { type: 'string' },
        rule: { type: 'string', multiple: true },
        'failure-threshold': { type: 'string' },
        config: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    // parseArgs explains itself well ("Unknown option '--foo'"); keep its first sentence.
    const message = error instanceof Error ? error.message.split('. ')[0] : String(error);
    throw new UsageError(message.replace(/\.$/, ''));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };

  const options: CliOptions = {
    format: parseFormat(values.format),
    fix: values.fix ?? false,
    unsafeFixes: values['unsafe-fixes'] ?? false,
    sizes: values.sizes ?? false,
    target: values.target,
    rules: Object.fromEntries((values.rule ?? []).map((text) => parseRuleSetting(text, isKnownRule))),
    failureThreshold: parseFailureThreshold(values['failure-threshold']),
    configPath: values.config,
    paths: positionals,
  };
  if (options.target !== undefined && options.target.trim() === '') throw new UsageError('--target needs a stage name');
  if (options.configPath !== undefined && options.configPath.trim() === '') throw new UsageError('--config needs a file path');
  if (options.unsafeFixes && !options.fix) throw new UsageError('--unsafe-fixes only applies together with --fix');
  if (options.paths.length === 0) throw new UsageError('no input: give one or more files or folders, or - for stdin');
  if (options.fix && options.paths.includes('-')) {
    throw new UsageError('--fix cannot write back to standard input; pass a file instead');
  }
  return { kind: 'lint', options };
}
