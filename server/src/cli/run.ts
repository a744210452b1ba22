// The CLI as a function: arguments and I/O in, exit code out. cli.ts binds it to the process.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { analyze, fixAll } from '../analysis/engine';
import type { AnalyzeOptions, BuildContextInfo, StageSummary } from '../analysis/engine-types';
import type { Rule } from '../analysis/rule';
import { allRules } from '../analysis/rules/index';
import type { HadolintConfig } from '../analysis/hadolint-config';
import { HELP_TEXT, parseCommandLine, UsageError, type CliOptions } from './args';
import { COLORS, NO_COLORS, shouldUseColors } from './colors';
import { discoverFiles, InputError, STDIN_PATH } from './discover';
import { DEFAULT_FAILURE_THRESHOLD, HadolintConfigLookup, meetsThreshold } from './hadolint-config';
import { renderJson } from './json';
import type { FileResult } from './file-result';
import { renderStylish } from './stylish';
import { readBuildContext } from '../context/build-context';

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

export interface CliIo {
  writeOut(text: string): void;
  writeErr(text: string): void;
  readStdin(): Promise<string>;
  stdoutIsTty: boolean | undefined;
  env: Record<string, string | undefined>;
}

/** Every name `--rule` accepts, lower-cased: ids, codes and aliases (the engine matches them case-insensitively). */
function knownRuleNames(rules: readonly Rule[]): Set<string> {
  const names = rules.flatMap((rule) => [rule.id, rule.code, ...Object.values(rule.aliases)]);
  return new Set(names.filter((name): name is string => typeof name === 'string').map((name) => name.toLowerCase()));
}

function readFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function writeFile(path: string, text: string): void {
  try {
    writeFileSync(path, text, 'utf8');
  } catch (error) {
    throw new InputError(`cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Stage names are case-insensitive in Docker. */
function hasStageNamed(stages: readonly StageSummary[], name: string): boolean {
  return stages.some((stage) => stage.name?.toLowerCase() === name.toLowerCase());
}

/** How standard input is named in reports. */
export const STDIN_DISPLAY_NAME = '<stdin>';

function lintText(
  path: string,
  text: string,
  options: CliOptions,
  config: HadolintConfig | null,
  io: CliIo,
  buildContext?: BuildContextInfo,
): FileResult {
  const analyzeOptions: AnalyzeOptions = {
    target: options.target,
    rules: options.rules,
    importedRules: config?.rules,
    ruleOptions: config?.trustedRegistries ? { trustedRegistries: config.trustedRegistries } : undefined,
    allowSuppressions: config?.allowSuppressions,
  };
  let current = text;
  if (options.fix) current = fixAll(text, { ...analyzeOptions, unsafe: options.unsafeFixes });
  const fixed = current !== text;
  if (fixed) writeFile(path, current);
  const result = analyze(current, { ...analyzeOptions, estimateSizes: true, buildContext });
  if (options.target !== undefined && !hasStageNamed(result.stages, options.target)) {
    io.writeErr(`layerwise: warning: ${path} has no stage named '${options.target}'; the last stage is judged as the one that ships\n`);
  }
  for (const failure of result.internalErrors) {
    io.writeErr(`layerwise: internal error in rule ${failure.rule} on ${path}: ${failure.message}\n`);
  }
  return { path, findings: result.findings, stages: result.stages, estimates: result.estimates, fixed };
}

/**
 * The build context of each Dockerfile on disk (its folder), read once per folder (bounded in files and
 * time): every output shows stage sizes, and the .dockerignore rules need it, so it is always read.
 */
async function readBuildContexts(inputs: ReadonlyArray<{ path: string }>): Promise<Array<BuildContextInfo | undefined>> {
  const byFolder = new Map<string, Promise<BuildContextInfo | undefined>>();
  return Promise.all(
    inputs.map(({ path }) => {
      if (path === STDIN_DISPLAY_NAME) return undefined;
      const folder = dirname(path);
      // <Dockerfile>.dockerignore is per file; the listing is shared only by Dockerfiles without one.
      const key = existsSync(`${path}.dockerignore`) ? path : folder;
      if (!byFolder.has(key)) byFolder.set(key, readBuildContext(path));
      return byFolder.get(key);
    }),
  );
}

async function lint(options: CliOptions, io: CliIo): Promise<number> {
  const paths = discoverFiles(options.paths);
  if (paths.length === 0) throw new InputError(`no Dockerfiles found in ${options.paths.join(', ')}`);
  // Read everything first: an unreadable file stops the run before any file is rewritten.
  const inputs = [];
  for (const path of paths) {
    if (path === STDIN_PATH) inputs.push({ path: STDIN_DISPLAY_NAME, text: await io.readStdin() });
    else inputs.push({ path, text: readFile(path) });
  }
  // Configurations too: an unusable one stops the run before any file is rewritten.
  const configs = new HadolintConfigLookup(options.configPath, io);
  const configured = inputs.map((input) => ({ ...input, config: configs.forFile(input.path === STDIN_DISPLAY_NAME ? null : input.path) }));
  const contexts = await readBuildContexts(configured);
  const results = configured.map(({ path, text, config }, index) => lintText(path, text, options, config, io, contexts[index]));

  if (options.format === 'json') {
    io.writeOut(renderJson(results));
  } else {
    const palette = shouldUseColors(io.stdoutIsTty, io.env) ? COLORS : NO_COLORS;
    io.writeOut(renderStylish(results, { palette, sizes: options.sizes, fixRan: options.fix }));
  }
  const failed = results.some((result, index) => {
    const threshold = options.failureThreshold ?? configured[index].config?.failureThreshold ?? DEFAULT_FAILURE_THRESHOLD;
    return result.findings.some((finding) => meetsThreshold(finding.severity, threshold));
  });
  return failed ? EXIT_FINDINGS : EXIT_CLEAN;
}

export async function runCli(argv: readonly string[], io: CliIo, version: string): Promise<number> {
  try {
    const names = knownRuleNames(allRules);
    const command = parseCommandLine(argv, (key) => names.has(key.toLowerCase()));
    switch (command.kind) {
      case 'help':
        io.writeOut(HELP_TEXT);
        return EXIT_CLEAN;
      case 'version':
        io.writeOut(`${version}\n`);
        return EXIT_CLEAN;
      case 'lint':
        return await lint(command.options, io);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.writeErr(`layerwise: ${error.message}\nRun 'layerwise --help' for usage.\n`);
    } else if (error instanceof InputError) {
      io.writeErr(`layerwise: ${error.message}\n`);
    } else {
      io.writeErr(`layerwise: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    return EXIT_ERROR;
  }
}
