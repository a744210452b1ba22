import type { InstructionInfo } from '../model-types';
import { defineRule } from '../rule';
import type { RunScript } from '../shell-types';
import { baseName, calledPrograms, hasFlag, invocationOf, operands, type Invocation } from './support/commands';
import { packageCacheVisitor, programText, type CacheWriter, type PackageCacheSpec } from './support/size-caches';
import { variableSetting } from './support/size-context';

const INSTALLS = ['install', 'i', 'update', 'u', 'upgrade', 'require', 'r', 'create-project', 'reinstall'];
const CLEAR_CACHE = ['clear-cache', 'clearcache', 'cc'];
const COMPOSER_PROGRAM = /^composer(\.phar)?$/;
const PHP_PROGRAM = /^php(\d+(\.\d+)*)?$/;

/** What the rule looks for: the same for every analysis, so built once. */
const CACHE_SPEC: PackageCacheSpec = {
  location: { paths: ['/root/.composer/cache', '/root/.cache/composer', '/tmp/cache'], homeDirectories: ['.cache/composer', '.composer/cache'] },
  writers: (run) => composerInstalls(run),
  isCleanup: (invocation) => {
    const composer = asComposer(invocation);
    return composer !== null && CLEAR_CACHE.includes(operands(composer)[0]?.value ?? '');
  },
  isConfiguredAway: (stage, run) =>
    variableSetting(stage, run, 'COMPOSER_CACHE_DIR') !== null || variableSetting(stage, run, 'COMPOSER_HOME') !== null,
  message: (writer) =>
    `\`composer ${writer.subcommand?.value ?? 'install'}\` keeps Composer’s download cache (about the size of vendor/) in this layer: end the RUN with \`composer clear-cache\``,
  report: 'once',
  fix: { kind: 'append', command: composerClearCache, title: 'Append composer clear-cache', safety: 'safe' },
};

export default defineRule({
  id: 'composer-cache-in-layer',
  code: 'LW112',
  aliases: {},
  category: 'size',
  severity: 'warning',
  appliesTo: 'shipped-stages',
  docs: {
    summary: '`composer install` leaves Composer’s download cache in the layer.',
    rationale: [
      'Composer keeps every package archive and repository metadata file it downloads in its cache',
      '(`~/.cache/composer` or `$COMPOSER_HOME/cache`): about the size of `vendor/` again. In an image that',
      'copy is dead weight. Run `composer clear-cache` in the same RUN, or pass `--no-cache` (Composer 2).',
    ].join('\n'),
    examples: {
      invalid: ['FROM php:8.3-fpm\nCOPY --from=composer:2 /usr/bin/composer /usr/bin/composer\nWORKDIR /app\nCOPY . .\nRUN composer install --no-dev\n'],
      valid: [
        'FROM php:8.3-fpm\nCOPY --from=composer:2 /usr/bin/composer /usr/bin/composer\nWORKDIR /app\nCOPY . .\nRUN composer install --no-dev \\\n    && composer clear-cache\n',
        'FROM php:8.3-fpm\nCOPY --from=composer:2 /usr/bin/composer /usr/bin/composer\nWORKDIR /app\nCOPY . .\nRUN composer install --no-dev --no-cache\n',
      ],
    },
    differences: 'Judges only shipped stages. A cache moved with `COMPOSER_CACHE_DIR` or `COMPOSER_HOME` is not judged; a cache mount whose target names composer counts.',
  },
  fix: {
    availability: 'sometimes',
    safety: 'safe',
    reason:
      'Not offered for heredoc or exec-form RUNs, after a SHELL instruction, or when the RUN ends in a way `&&` would change. No cache-mount rewrite is offered: the cache directory depends on COMPOSER_HOME and the user.',
  },
  create(context) {
    return packageCacheVisitor(context, CACHE_SPEC);
  },
});

/** `composer …`, `composer.phar …` or `php composer.phar …`, read as a composer invocation. */
function asComposer(invocation: Invocation): Invocation | null {
  if (COMPOSER_PROGRAM.test(invocation.name)) return invocation;
  if (!PHP_PROGRAM.test(invocation.name)) return null;
  const script = invocation.args.findIndex((word) => !word.value.startsWith('-'));
  const program = invocation.args[script];
  if (!program || !COMPOSER_PROGRAM.test(baseName(program.value))) return null;
  return { ...invocation, program, name: baseName(program.value), args: invocation.args.slice(script + 1) };
}

/** True when the script calls composer or php (through which composer.phar runs). */
function mayCallComposer(script: RunScript): boolean {
  for (const name of calledPrograms(script)) {
    // Cheap test first: both patterns start with these letters.
    if ((name.startsWith('composer') && COMPOSER_PROGRAM.test(name)) || (name.startsWith('php') && PHP_PROGRAM.test(name))) return true;
  }
  return false;
}

function composerInstalls(run: InstructionInfo): CacheWriter[] {
  // Cheap test first: most RUNs call neither.
  if (!run.script || !mayCallComposer(run.script)) return [];
  const writers: CacheWriter[] = [];
  for (const command of run.script.commands) {
    const found = invocationOf(command);
    const composer = found && asComposer(found);
    if (!composer || hasFlag(composer, '--no-cache', '--dry-run')) continue;
    const subcommand = operands(composer)[0];
    if (!subcommand || !INSTALLS.includes(subcommand.value)) continue;
    writers.push({ invocation: composer, range: { start: composer.program.range.start, end: subcommand.range.end }, subcommand });
  }
  return writers;
}

/** `composer clear-cache`, through php when the install ran `php composer.phar`. */
function composerClearCache(writer: CacheWriter): string {
  const interpreter = writer.invocation.command.program;
  const program = programText(writer);
  const viaPhp = interpreter && interpreter !== writer.invocation.program && PHP_PROGRAM.test(interpreter.value);
  return `${viaPhp ? `${interpreter.value} ` : ''}${program} clear-cache`;
}
