import { defineRule } from '../rule';
import { instructionArguments } from './support/instruction-args';
import { isGitSource, isRemoteSource } from './support/security-downloads';

/** A git source whose ref is a full commit id is pinned already: the commit names its content. */
const PINNED_GIT_REF = /#[0-9a-f]{40}(:\S*)?$/i;

export default defineRule({
  id: 'add-remote-without-checksum',
  code: 'LW203',
  aliases: {},
  category: 'security',
  severity: 'warning',
  appliesTo: 'all-stages',
  docs: {
    summary: 'ADD downloads a URL or clones a repository without `--checksum`.',
    rationale: [
      'A remote ADD takes whatever the server returns at build time: a compromised or changed download',
      'goes into the image unnoticed, and the build is not reproducible. `ADD --checksum=sha256:…` makes the',
      'build fail when the content changes (Dockerfile syntax 1.6 and later). For a git source, pin the',
      'commit: `ADD --checksum=<commit id>` or a `#<commit id>` ref. Build stages are judged too: what a',
      'builder downloads ends up, compiled, in the image.',
    ].join('\n'),
    examples: {
      invalid: [
        'FROM alpine:3.20\nADD https://example.com/tool.tgz /opt/\n',
        'FROM alpine:3.20\nADD https://github.com/example/repo.git#v1.0 /src\n',
      ],
      valid: [
        'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tgz /opt/\n',
        'FROM alpine:3.20\nADD https://github.com/example/repo.git#0123456789abcdef0123456789abcdef01234567 /src\n',
        'FROM alpine:3.20\nCOPY tool.tgz /opt/\n',
      ],
    },
    differences:
      'hadolint and BuildKit have no such check. hadolint DL3020 (add-instead-of-copy, LW201) leaves URLs alone, as LW201 does: remote sources are judged here only.',
  },
  fix: {
    availability: 'never',
    safety: 'unsafe',
    reason:
      'The checksum cannot be known without fetching the file: download it once, check it, and add `--checksum=sha256:<its sha256sum>`.',
  },
  create(context) {
    return {
      ADD(add) {
        if (add.flags.some((flag) => flag.name === 'checksum')) return;
        const args = instructionArguments(add);
        for (const source of args.slice(0, -1)) {
          if (source.value.includes('$') || !isRemoteSource(source.value)) continue;
          if (isGitSource(source.value)) {
            if (PINNED_GIT_REF.test(source.value)) continue;
            context.report({
              range: source.range,
              message: `ADD clones ${source.value} without a checksum: pin the commit with \`ADD --checksum=<commit id>\` or a \`#<commit id>\` ref`,
            });
          } else {
            context.report({
              range: source.range,
              message: `ADD downloads ${source.value} without a checksum: add \`--checksum=sha256:…\` so a changed download fails the build`,
            });
          }
        }
      },
    };
  },
});
