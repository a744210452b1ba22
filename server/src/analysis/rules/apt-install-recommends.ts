import { defineRule } from '../rule';
import { findCalls, hasFlag } from './support/commands';
import { APT } from './support/package-managers';
import { writtenBefore } from './support/size-context';

/** An apt configuration that turns recommends off (`APT::Install-Recommends "false";`, `-o APT::Install-Recommends=0`). */
const RECOMMENDS_OFF = /APT::Install-Recommends\s*(=|\s)\s*["']?(false|0|no|off)\b/i;

export default defineRule({
  id: 'apt-install-recommends',
  code: 'LW115',
  aliases: { hadolint: 'DL3015', trivy: 'AVD-DS-0029' },
  category: 'size',
  severity: 'info',
  appliesTo: 'shipped-stages',
  docs: {
    summary: '`apt-get install` without `--no-install-recommends` installs packages nobody asked for.',
    rationale: [
      'By default apt also installs the packages each requested package *recommends*: documentation tools,',
      'optional plugins, sometimes a whole toolchain. On Debian and Ubuntu images this commonly adds tens to',
      'hundreds of MB. `--no-install-recommends` installs only what was asked for and its hard dependencies;',
      'add back, by name, any recommended package the application really uses (`ca-certificates` for',
      '`curl` over HTTPS is the classic one).',
    ].join('\n'),
    examples: {
      invalid: ['FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n'],
      valid: [
        'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/*\n',
        'FROM debian:12-slim\nRUN echo \'APT::Install-Recommends "false";\' > /etc/apt/apt.conf.d/99no-recommends\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
      ],
    },
    differences: [
      'Judges only the stages whose layers are shipped, and `apt install` as well as `apt-get install`',
      '(`aptitude` with `-R`/`--without-recommends` counts). An apt configuration that turns recommends off,',
      'written earlier in the stage or the stages it is built on, is accepted.',
    ].join(' '),
  },
  fix: {
    availability: 'always',
    safety: 'unsafe',
    reason:
      'Unsafe: the application may rely on a recommended package without naming it (curl recommends ca-certificates, needed for HTTPS), so check what the image still needs after applying it.',
  },
  create(context) {
    return {
      RUN(run, stage) {
        const script = run.script;
        if (!script || script.incomplete) return;
        // Cheap test first: most RUNs install nothing with apt.
        const installs = findCalls(script, APT, ['install']);
        if (installs.length === 0 || writtenBefore(stage, run, RECOMMENDS_OFF, ['RUN', 'ENV', 'ARG', 'COPY'])) return;
        for (const call of installs) {
          if (hasFlag(call, '--no-install-recommends', '--without-recommends') || call.args.some((word) => RECOMMENDS_OFF.test(word.value))) continue;
          if (call.name === 'aptitude' && call.args.some((word) => /^-[A-Za-z]*R[A-Za-z]*$/.test(word.value))) continue;
          if (call.args.some((word) => /^--install-recommends=(false|no|0)$/i.test(word.value))) continue;
          const install = call.subcommand!;
          const flag = call.name === 'aptitude' ? '--without-recommends' : '--no-install-recommends';
          const text = script.form === 'exec' ? `, "${flag}"` : ` ${flag}`;
          context.report({
            range: { start: call.program.range.start, end: install.range.end },
            message: `\`${call.name} install\` also installs recommended packages (often tens of MB): add \`${flag}\` and name the ones you need`,
            fixes: [{ title: `Add ${flag}`, safety: 'unsafe', edits: [{ range: { start: install.range.end, end: install.range.end }, newText: text }] }],
          });
        }
      },
    };
  },
});
