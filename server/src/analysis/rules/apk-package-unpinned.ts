import { defineRule } from '../rule';
import { APK_ADD } from './support/pinning-syntaxes';
import { code, isPattern, pinningVisitor, type PinningCheck } from './support/pinning-rules';

/** What the rule judges: the same for every analysis, so built once. */
const CHECK: PinningCheck = {
  syntax: APK_ADD,
  judge(word) {
    const value = word.value;
    if (/[=~<>]/.test(value) || value.includes('/') || value.endsWith('.apk') || value.startsWith('so:') || isPattern(value)) {
      return null;
    }
    return `Pin ${code(value)} to a version (${code(`${value}=<version>`)} or ${code(`${value}~<major.minor>`)}): unpinned, each build installs whatever the repository has that day`;
  },
};

export default defineRule({
  id: 'apk-package-unpinned',
  code: 'LW404',
  aliases: { hadolint: 'DL3018' },
  category: 'reproducibility',
  severity: 'warning',
  appliesTo: 'all-stages',
  docs: {
    summary: '`apk add` of a package without a version (`curl=<version>` or `curl~<version>`).',
    rationale: [
      'Without a version, `apk add curl` installs whatever the Alpine repository offers on the day of the build,',
      'so two builds of the same Dockerfile can ship different software. Pin the exact version you tested',
      '(`curl=8.9.1-r1`) or, since Alpine removes superseded package revisions from its mirrors, a fuzzy pin that',
      'still accepts security rebuilds (`curl~8.9`).',
    ].join('\n'),
    examples: {
      invalid: ['FROM alpine:3.20\nRUN apk add --no-cache ca-certificates=20240705-r0 curl\n'],
      valid: [
        'FROM alpine:3.20\nRUN apk add --no-cache ca-certificates=20240705-r0 curl~8.9\n',
        'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc=13.2.1_git20240309-r0\n',
      ],
    },
    differences: [
      'Like hadolint, `=`/`~` pins, local `.apk` files and the value of `-t`/`--virtual` and `-X`/`--repository` are',
      'accepted. Also accepted: `>`/`<` constraints, every other apk option that takes a value, `so:` library',
      'names, paths, and packages whose name or version comes from a variable.',
    ].join(' '),
  },
  fix: {
    availability: 'never',
    safety: 'suggestion',
    reason: 'Which version you want cannot be guessed: pin the one you test with (`apk policy <package>`).',
  },
  create(context) {
    return pinningVisitor(context, CHECK);
  },
});
