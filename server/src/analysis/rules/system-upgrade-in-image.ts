import type { Range } from '../rule';
import { defineRule } from '../rule';
import { findCalls, operands, type SubcommandCall, type ToolSpec } from './support/commands';
import { APK, APT } from './support/package-managers';
import { DNF, MICRODNF, YUM, ZYPPER } from './support/size-rpm';

/** Subcommands that upgrade every installed package when no package is named. */
const UPGRADES: ReadonlyArray<{ tool: ToolSpec; subcommands: string[]; always?: string[] }> = [
  { tool: APT, subcommands: ['upgrade', 'safe-upgrade'], always: ['dist-upgrade', 'full-upgrade'] },
  { tool: APK, subcommands: ['upgrade'] },
  { tool: YUM, subcommands: ['update', 'upgrade'], always: ['distro-sync'] },
  { tool: DNF, subcommands: ['update', 'upgrade', 'up'], always: ['distro-sync', 'upgrade-minimal', 'up-min'] },
  { tool: MICRODNF, subcommands: ['update', 'upgrade'] },
  { tool: ZYPPER, subcommands: ['update', 'up', 'patch'], always: ['dist-upgrade', 'dup'] },
];
/** Each tool with every subcommand to look for, listed once. */
const SEARCHES = UPGRADES.map(({ tool, subcommands, always = [] }) => ({ tool, always, searched: [...subcommands, ...always] }));

export default defineRule({
  id: 'system-upgrade-in-image',
  code: 'LW116',
  aliases: { hadolint: 'DL3005' },
  category: 'size',
  severity: 'info',
  appliesTo: 'shipped-stages',
  docs: {
    summary: 'Upgrading every OS package in the image (`apt-get upgrade`, `apk upgrade`, `yum update`…) instead of updating the base image.',
    rationale: [
      'An upgrade of all packages copies every changed file of the base image into a new layer: the image',
      'carries both versions, often tens of MB more. The result also depends on the day of the build, so two',
      'builds of the same Dockerfile differ. Security fixes come from the base image: use a recent tag (or',
      'digest), rebuild when it is updated, and install only the packages you need.',
    ].join('\n'),
    examples: {
      invalid: ['FROM debian:12-slim\nRUN apt-get update && apt-get upgrade -y && rm -rf /var/lib/apt/lists/*\n'],
      valid: [
        'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends --only-upgrade openssl && rm -rf /var/lib/apt/lists/*\n',
        'FROM alpine:3.20\nRUN apk upgrade --no-cache openssl\n',
      ],
    },
    differences: [
      'hadolint removed DL3005; this rule keeps its advice at info level, for shipped stages only, and also',
      'covers apk, yum, dnf, microdnf and zypper. Upgrading named packages is not reported.',
    ].join(' '),
  },
  fix: {
    availability: 'never',
    safety: 'suggestion',
    reason: 'The fix is to update the base image (a newer tag or digest) and rebuild, which the Dockerfile alone cannot decide.',
  },
  create(context) {
    return {
      RUN(run) {
        const script = run.script;
        if (!script || script.incomplete) return;
        for (const { tool, always, searched } of SEARCHES) {
          for (const call of findCalls(script, tool, searched)) {
            const named = operands(call, tool.optionsWithValue).length > 1;
            if (named && !always.includes(call.subcommand!.value)) continue;
            context.report({ range: rangeOf(call), message: `\`${call.name} ${call.subcommand!.value}\` upgrades every package into a new layer: update the base image instead (a newer tag or digest) and rebuild` });
          }
        }
      },
    };
  },
});

function rangeOf(call: SubcommandCall): Range {
  return { start: call.program.range.start, end: call.subcommand!.range.end };
}
