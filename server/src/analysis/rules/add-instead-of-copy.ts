import type { InstructionInfo } from '../model-types';
import { defineRule, type Range } from '../rule';
import { instructionArguments } from './support/instruction-args';

/** Flags COPY accepts too: with any other flag (`--checksum`, `--keep-git-dir`, `--unpack`) ADD is needed. */
const FLAGS_COPY_ACCEPTS = new Set(['chown', 'chmod', 'link', 'exclude']);
/** Local archives ADD extracts: the one thing COPY cannot do. */
const EXTRACTED_ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst|tzst)$/i;
const REMOTE_URL = /^(https?|ftp):\/\//i;
const GIT_URL = /^(git@|git:\/\/|ssh:\/\/)|^https?:\/\/\S+\.git(#\S*)?$/i;

export default defineRule({
  id: 'add-instead-of-copy',
  code: 'LW201',
  aliases: { hadolint: 'DL3020', trivy: 'AVD-DS-0005', checkov: 'CKV_DOCKER_4' },
  category: 'security',
  severity: 'warning',
  appliesTo: 'all-stages',
  docs: {
    summary: 'ADD used where COPY does the job, or ADD downloading without a checksum.',
    rationale: [
      'ADD does more than copy: it extracts local tar archives and downloads URLs. For plain files and folders',
      'that magic is a trap (an archive-looking file gets unpacked, a source that becomes a URL gets fetched),',
      'so COPY says what you mean. A remote ADD without `--checksum` trusts whatever the server returns at',
      'build time: pin it with `ADD --checksum=sha256:…`, or fetch it in a RUN where you can verify and',
      'remove it in the same layer.',
    ].join('\n'),
    examples: {
      invalid: ['FROM alpine:3.20\nADD app.py /app/\n', 'FROM alpine:3.20\nADD https://example.com/tool.tgz /opt/\n'],
      valid: [
        'FROM alpine:3.20\nCOPY app.py /app/\n',
        'FROM alpine:3.20\nADD rootfs.tar.gz /\n',
        'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tgz /opt/\n',
      ],
    },
  },
  fix: {
    availability: 'sometimes',
    safety: 'safe',
    reason:
      'Not offered for remote or git sources (the download has to be replaced by hand) or when ADD has flags COPY does not accept (`--checksum`, `--keep-git-dir`).',
  },
  create(context) {
    return {
      ADD(add) {
        const args = instructionArguments(add);
        if (args.length < 2) return;
        const sources = args.slice(0, -1);
        if (sources.some((source) => source.value.includes('$'))) return;
        const remote = sources.find((source) => REMOTE_URL.test(source.value) || GIT_URL.test(source.value));
        if (remote) {
          if (!hasFlag(add, 'checksum')) context.report(remoteReport(remote.value, remote.range));
          return;
        }
        if (sources.some((source) => EXTRACTED_ARCHIVE.test(source.value))) return;
        const copyCanDoIt = add.flags.every((flag) => FLAGS_COPY_ACCEPTS.has(flag.name));
        context.report({
          range: add.keywordRange,
          message: 'ADD of local files: use COPY (ADD also extracts archives and fetches URLs)',
          fixes: copyCanDoIt ? [{ title: 'Replace ADD with COPY', safety: 'safe', edits: [{ range: add.keywordRange, newText: 'COPY' }] }] : [],
        });
      },
    };
  },
});

function hasFlag(instruction: InstructionInfo, name: string): boolean {
  return instruction.flags.some((flag) => flag.name === name);
}

function remoteReport(url: string, range: Range) {
  const message = GIT_URL.test(url)
    ? `ADD clones ${url} without a checksum: pin the commit with \`ADD --checksum=<commit>\` or clone it in a RUN`
    : `ADD downloads ${url} without a checksum: use \`ADD --checksum=sha256:…\` or \`RUN curl …\``;
  return { range, message };
}
