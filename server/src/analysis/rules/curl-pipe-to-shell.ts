import { defineRule } from '../rule';
import type { RunScript, ShellCommand, ShellWord } from '../shell-types';
import { callsAny, compareRangeStarts, invocationOf, type Invocation } from './support/commands';
import { rangeContains } from './support/run-edits';
import { DOWNLOADERS, SHELLS, downloadsToStdout, isSubstitution, shellReadsStdin } from './support/security-downloads';

/** Programs that run the text they are given as shell code. */
const EVALUATORS = new Set([...SHELLS, 'eval', 'source', '.']);
const EVALUATOR_NAMES = [...EVALUATORS];

export default defineRule({
  id: 'curl-pipe-to-shell',
  code: 'LW207',
  aliases: {},
  category: 'security',
  severity: 'warning',
  appliesTo: 'all-stages',
  docs: {
    summary: 'A script downloaded with curl or wget is run straight away (`curl … | sh`, `sh -c "$(curl …)"`).',
    rationale: [
      'Piping a download into a shell runs whatever the server sends at build time, unchecked: a compromised',
      'or changed script, or a truncated download (a half-received script still runs), goes into the image.',
      'Download the script to a file, check it against a known checksum (`echo "<sha256>  install.sh" |',
      'sha256sum -c -`), then run it — or install the tool from a package manager or a pinned release.',
    ].join('\n'),
    examples: {
      invalid: ['FROM debian:12-slim\nRUN curl -fsSL https://example.com/install.sh | sh\n', 'FROM debian:12-slim\nRUN sh -c "$(wget -qO- https://example.com/install.sh)"\n'],
      valid: [
        'FROM debian:12-slim\nRUN curl -fsSLo /tmp/install.sh https://example.com/install.sh \\\n && echo "24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d  /tmp/install.sh" | sha256sum -c - \\\n && sh /tmp/install.sh && rm /tmp/install.sh\n',
        'FROM debian:12-slim\nRUN curl -fsSL https://example.com/tool.tar.gz | tar -xz -C /usr/local/bin\n',
      ],
    },
    differences: 'hadolint and BuildKit have no such check (hadolint DL4006 is about `pipefail`, not about what is piped).',
  },
  fix: {
    availability: 'never',
    safety: 'unsafe',
    reason: 'The checksum of the script is not known to the linter, and only the author can decide to trust a version of it.',
  },
  create(context) {
    return {
      RUN(run) {
        if (!run.script) return;
        for (const shell of shellsRunningDownloads(run.script)) {
          context.report({
            range: shell.program.range,
            message: `${shell.name} runs a script straight from ${shell.downloader}: download it to a file, check its sha256, then run it`,
          });
        }
      },
    };
  },
});

interface RunsDownload {
  program: ShellWord;
  name: string;
  downloader: string;
}

function shellsRunningDownloads(script: RunScript): RunsDownload[] {
  // Cheap test first: most scripts run no downloader or no shell, and then there is nothing to sort.
  if (!callsAny(script, DOWNLOADERS) || !callsAny(script, EVALUATOR_NAMES)) return [];
  const commands = [...script.commands].sort((a, b) => compareRangeStarts(a.range, b.range));
  const found: RunsDownload[] = [];
  commands.forEach((command, index) => {
    const invocation = invocationOf(command);
    if (!invocation || !EVALUATORS.has(invocation.name)) return;
    const downloader = pipedDownload(commands, index, invocation) ?? substitutedDownload(commands, command, invocation);
    if (downloader) found.push({ program: invocation.program, name: invocation.name, downloader });
  });
  return found;
}

/** `curl … | sh`: a downloader earlier in the same pipeline, when the shell reads its script from stdin. */
function pipedDownload(commands: readonly ShellCommand[], index: number, shell: Invocation): string | null {
  if (commands[index].separator !== '|' || !SHELLS.has(shell.name) || !shellReadsStdin(shell)) return null;
  for (let previous = index - 1; previous >= 0; previous--) {
    const command = commands[previous];
    if (rangeContains(commands[index].range, command.range)) continue;
    const invocation = invocationOf(command);
    if (invocation && isDownloader(invocation) && downloadsToStdout(invocation)) return invocation.name;
    if (command.separator !== '|') break;
  }
  return null;
}

/** `sh -c "$(curl …)"`, `bash <(curl …)`, `eval "$(curl …)"`: a download substituted into the shell's words. */
function substitutedDownload(commands: readonly ShellCommand[], command: ShellCommand, shell: Invocation): string | null {
  const substituted = shell.args.filter(isSubstitution);
  for (const word of substituted) {
    const inside = commands.find((other) => other !== command && rangeContains(word.range, other.range) && isDownloaderCommand(other));
    if (inside) return invocationOf(inside)?.name ?? null;
  }
  return null;
}

function isDownloader(invocation: Invocation): boolean {
  return (DOWNLOADERS as readonly string[]).includes(invocation.name);
}

function isDownloaderCommand(command: ShellCommand): boolean {
  const invocation = invocationOf(command);
  return invocation !== null && isDownloader(invocation) && downloadsToStdout(invocation);
}
