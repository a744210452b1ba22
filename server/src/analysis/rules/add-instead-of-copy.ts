import { defineRule } from '../rule';
import { keywordInFileCase } from './support/keyword-case';
import { instructionArguments } from './support/instruction-args';
import { isRemoteSource } from './support/security-downloads';

/** Flags COPY accepts too: with any other flag (`--checksum`, `--keep-git-dir`, `--unpack`) ADD is needed. */
const FLAGS_COPY_ACCEPTS = new Set(['chown', 'chmod', 'link', 'exclude']);
/** Local archives ADD extracts: the one thing COPY cannot do. */
const EXTRACTED_ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst|tzst)$/i;

export default defineRule({
  id: 'add-instead-of-copy',
  code: 'LW201',
  aliases: { hadolint: 'DL3020', trivy: 'AVD-DS-0005', checkov: 'CKV_DOCKER_4' },
  category: 'security',
  severity: 'warning',
  appliesTo: 'all-stages',
  docs: {
    summary: 'ADD used where COPY does the job.',
    rationale: [
      'ADD does more than copy: it extracts local tar archives and downloads URLs. For plain files and folders',
      'that magic is a trap (an archive-looking file gets unpacked, a source that becomes a URL gets fetched),',
      'so COPY says what you mean. Remote and git sources are left to add-remote-without-checksum (LW203):',
      'there ADD is the right instruction, and what matters is the checksum.',
    ].join('\n'),
    examples: {
      invalid: ['FROM alpine:3.20\nADD app.py /app/\n'],
      valid: [
        'FROM alpine:3.20\nCOPY app.py /app/\n',
        'FROM alpine:3.20\nADD rootfs.tar.gz /\n',
        'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tgz /opt/\n',
        'FROM alpine:3.20\nADD https://example.com/tool.tgz /opt/\n',
      ],
    },
  },
  fix: {
    availability: 'sometimes',
    safety: 'safe',
    reason:
      'Not offered when ADD has flags COPY does not accept (`--checksum`, `--keep-git-dir`).',
  },
  create(context) {
    return {
      ADD(add) {
        const args = instructionArguments(add);
        if (args.length < 2) return;
        const sources = args.slice(0, -1);
        if (sources.some((source) => source.value.includes('$'))) return;
        // Downloading is what ADD is for: whether it is pinned is LW203's question.
        if (sources.some((source) => isRemoteSource(source.value))) return;
        if (sources.some((source) => EXTRACTED_ARCHIVE.test(source.value))) return;
        const copyCanDoIt = add.flags.every((flag) => FLAGS_COPY_ACCEPTS.has(flag.name));
        context.report({
          range: add.keywordRange,
          message: 'ADD of local files: use COPY (ADD also extracts archives and fetches URLs)',
          fixes: copyCanDoIt ? [{ title: 'Replace ADD with COPY', safety: 'safe', edits: [{ range: add.keywordRange, newText: keywordInFileCase(context.model, 'COPY') }] }] : [],
        });
      },
    };
  },
});
