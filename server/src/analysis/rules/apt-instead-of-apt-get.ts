import { defineRule, type Fix, type TextEdit } from '../rule';
import { callsAny, findCalls, type ToolSpec } from './support/commands';
import { APT } from './support/package-managers';

/** What `apt <subcommand>` becomes: the program, an optional new subcommand, and whether the behaviour stays the same. */
const REPLACEMENTS: Record<string, { program: string; subcommand?: string; safe: boolean }> = {
  install: { program: 'apt-get', safe: true },
  reinstall: { program: 'apt-get', subcommand: 'install --reinstall', safe: true },
  remove: { program: 'apt-get', safe: true },
  purge: { program: 'apt-get', safe: true },
  update: { program: 'apt-get', safe: true },
  autoremove: { program: 'apt-get', safe: true },
  autoclean: { program: 'apt-get', safe: true },
  clean: { program: 'apt-get', safe: true },
  source: { program: 'apt-get', safe: true },
  'build-dep': { program: 'apt-get', safe: true },
  download: { program: 'apt-get', safe: true },
  satisfy: { program: 'apt-get', safe: true },
  'dist-upgrade': { program: 'apt-get', safe: true },
  'full-upgrade': { program: 'apt-get', subcommand: 'dist-upgrade', safe: true },
  // `apt upgrade` installs new dependencies, `apt-get upgrade` holds those packages back.
  upgrade: { program: 'apt-get', safe: false },
  search: { program: 'apt-cache', safe: true },
  show: { program: 'apt-cache', safe: true },
  policy: { program: 'apt-cache', safe: true },
  depends: { program: 'apt-cache', safe: true },
  rdepends: { program: 'apt-cache', safe: true },
  showsrc: { program: 'apt-cache', safe: true },
};

/** apt's own command line, without apt-get and aptitude: the index then answers for `apt` alone. */
const APT_ONLY: ToolSpec = { programs: ['apt'], optionsWithValue: APT.optionsWithValue };

export default defineRule({
  id: 'apt-instead-of-apt-get',
  code: 'LW310',
  aliases: { hadolint: 'DL3027' },
  category: 'correctness',
  severity: 'warning',
  appliesTo: 'all-stages',
  docs: {
    summary: '`apt` in a RUN: use `apt-get` (or `apt-cache`) in scripts.',
    rationale: [
      '`apt` is the interactive front end: its output and behaviour may change between releases and it',
      'warns "apt does not have a stable CLI interface. Use with caution in scripts." `apt-get` and',
      '`apt-cache` are the stable interfaces meant for scripts such as a Dockerfile.',
    ].join('\n'),
    examples: {
      invalid: ['FROM debian:12-slim\nRUN apt update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n'],
      valid: ['FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n'],
    },
  },
  fix: {
    availability: 'sometimes',
    safety: 'safe',
    reason: 'Not offered for `apt list` and other subcommands with no script equivalent. `apt upgrade` → `apt-get upgrade` is unsafe: apt-get holds back upgrades that need new packages.',
  },
  create(context) {
    return {
      RUN(run) {
        // Cheap test first: most RUNs do not call apt.
        if (!run.script || run.script.form === 'exec' || !callsAny(run.script, APT_ONLY.programs)) return;
        for (const call of findCalls(run.script, APT_ONLY)) {
          const replacement = call.subcommand ? REPLACEMENTS[call.subcommand.value] : undefined;
          const fixes: Fix[] = [];
          if (replacement && call.subcommand) {
            const edits: TextEdit[] = [{ range: call.program.range, newText: call.program.value.replace(/apt$/, replacement.program) }];
            if (replacement.subcommand) edits.push({ range: call.subcommand.range, newText: replacement.subcommand });
            const written = `${replacement.program} ${replacement.subcommand ?? call.subcommand.value}`;
            fixes.push({ title: `Use ${written}`, safety: replacement.safe ? 'safe' : 'unsafe', edits });
          }
          const target = replacement?.program ?? 'apt-get';
          context.report({
            range: call.program.range,
            message: `\`apt\` is meant for people, not scripts (its CLI is not stable): use \`${target}\``,
            fixes,
          });
        }
      },
    };
  },
});
