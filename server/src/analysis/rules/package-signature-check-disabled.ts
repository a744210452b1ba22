import { defineRule } from '../rule';
import { disabledSignatureChecks } from './support/security-verification';

export default defineRule({
  id: 'package-signature-check-disabled',
  code: 'LW209',
  aliases: {},
  category: 'security',
  severity: 'warning',
  appliesTo: 'all-stages',
  docs: {
    summary: 'Package signature checks turned off (`apt-get --allow-unauthenticated`, `[trusted=yes]`, `apk --allow-untrusted`, `--nogpgcheck`…).',
    rationale: [
      'Package managers verify that packages are signed by the distribution (or the vendor whose key you',
      'added). Turning that off installs whatever a mirror or a man in the middle serves, as root. Add the',
      'repository\'s signing key instead (`signed-by=` for apt, the key in /etc/apk/keys for apk, `rpm --import`',
      'for yum/dnf). Covered: apt `--allow-unauthenticated`, `--allow-insecure-repositories`, `--force-yes` and',
      'the matching `-o` options, `[trusted=yes]` in a source line a RUN writes, apk `--allow-untrusted`,',
      'yum/dnf `--nogpgcheck` and `--setopt=gpgcheck=0`, and `rpm --nosignature`.',
    ].join('\n'),
    examples: {
      invalid: [
        'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends --allow-unauthenticated curl && rm -rf /var/lib/apt/lists/*\n',
        'FROM alpine:3.20\nCOPY tool.apk /tmp/\nRUN apk add --no-cache --allow-untrusted /tmp/tool.apk\n',
      ],
      valid: ['FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n'],
    },
    differences: [
      'hadolint and BuildKit have no such check; Checkov splits it into one check per tool (CKV2_DOCKER_7 apk,',
      '_8 apt-get, _9 yum/dnf, _10 rpm, _11 --force-yes), all of which this rule covers. Build stages are judged too.',
    ].join(' '),
  },
  fix: {
    availability: 'sometimes',
    safety: 'unsafe',
    reason: [
      'Offered when removing the flag is the whole change. Unsafe because the install then fails until the',
      'signing key is added. Not offered for `[trusted=yes]`, whose repository needs its key set up by hand.',
    ].join(' '),
  },
  create(context) {
    return {
      RUN(run) {
        for (const disabled of disabledSignatureChecks(context.model, run)) {
          context.report({
            range: disabled.range,
            message: `${disabled.what} turns off package signature checks, so any mirror can serve its own packages: add the repository's signing key instead`,
            fixes: disabled.removal ? [{ title: `Remove ${disabled.what.replace(/^\S+ /, '')}`, safety: 'unsafe', edits: [disabled.removal] }] : [],
          });
        }
      },
    };
  },
});
