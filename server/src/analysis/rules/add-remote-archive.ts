import { defineRule } from '../rule';
import { instructionArguments } from './support/instruction-args';

const REMOTE_URL = /^(https?|ftp):\/\//i;
/** Archive types people expect ADD to unpack: it does so for local files only. */
const ARCHIVE = /\.(tar|tgz|tbz2?|txz|tzst|tar\.(gz|bz2|xz|zst|lz|lzma|Z)|zip)$/i;

export default defineRule({
  id: 'add-remote-archive',
  code: 'LW114',
  aliases: {},
  category: 'size',
  severity: 'warning',
  appliesTo: 'shipped-stages',
  docs: {
    summary: 'ADD of a remote archive: ADD does not extract it, so the archive itself stays in the layer.',
    rationale: [
      'ADD extracts local tar archives, but a URL source is only downloaded: `ADD https://…/tool.tar.gz /opt/`',
      'leaves `tool.tar.gz` in the image. Extracting it in a later RUN then keeps both the archive (in the ADD',
      'layer) and its content. Download and extract in one RUN instead (`RUN curl -fsSL <url> | tar -xz -C',
      '/opt`), or, where the Dockerfile frontend supports it, `ADD --unpack=true`.',
    ].join('\n'),
    examples: {
      invalid: ['FROM debian:12-slim\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tar.gz /opt/\n'],
      valid: [
        'FROM debian:12-slim\nRUN curl -fsSL https://example.com/tool.tar.gz | tar -xz -C /opt\n',
        'FROM debian:12-slim\nADD tool.tar.gz /opt/\n',
        'FROM debian:12-slim\nADD --unpack=true --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tar.gz /opt/\n',
      ],
    },
    differences: 'A remote ADD without `--checksum` is also reported by add-instead-of-copy (LW201), for the unverified download.',
  },
  fix: {
    availability: 'never',
    safety: 'suggestion',
    reason: [
      'The rewrite depends on the image: it needs curl or wget and the decompressor in the image, a `set -o',
      'pipefail` the shell may not support, and a checksum check in place of `--checksum`, so it is left to',
      'the author.',
    ].join(' '),
  },
  create(context) {
    return {
      ADD(add) {
        if (add.flags.some((flag) => flag.name === 'unpack' && flag.value !== 'false')) return;
        const args = instructionArguments(add);
        for (const source of args.slice(0, -1)) {
          const path = source.value.replace(/[?#].*$/, '');
          if (!REMOTE_URL.test(source.value) || !ARCHIVE.test(path)) continue;
          context.report({
            range: source.range,
            message: 'ADD does not extract a remote archive: the archive stays in this layer; download and extract it in one RUN (`curl -fsSL <url> | tar -xz -C <dir>`)',
          });
        }
      },
    };
  },
});
