import type { InstructionInfo } from '../model-types';
import { defineRule } from '../rule';
import { disabledTlsChecks } from './support/security-verification';

export default defineRule({
  id: 'tls-verification-disabled',
  code: 'LW208',
  aliases: {},
  category: 'security',
  severity: 'warning',
  appliesTo: 'all-stages',
  docs: {
    summary: 'TLS certificate verification turned off (`curl -k`, `wget --no-check-certificate`, `NODE_TLS_REJECT_UNAUTHORIZED=0`…).',
    rationale: [
      'Without certificate checks, anyone on the network path (a proxy, a compromised mirror, a hostile Wi-Fi)',
      'can serve their own file or package, and it goes into the image. A certificate error in a build almost',
      'always means the image lacks CA certificates (`ca-certificates` package) or a corporate CA: install',
      'that CA (`COPY corp-ca.crt /usr/local/share/ca-certificates/` + `update-ca-certificates`, or mount it',
      'as a secret for the build) instead of turning verification off. Covered: `curl -k/--insecure`, `wget',
      '--no-check-certificate`, `pip --trusted-host`, npm/yarn `strict-ssl false`, `git -c http.sslVerify=false`',
      'and `git config http.sslVerify false`, and the variables `NODE_TLS_REJECT_UNAUTHORIZED=0`,',
      '`GIT_SSL_NO_VERIFY`, `PYTHONHTTPSVERIFY=0` and `PIP_TRUSTED_HOST` (in ENV, ARG or before a command).',
    ].join('\n'),
    examples: {
      invalid: ['FROM debian:12-slim\nRUN curl -k -fsSLo /tmp/tool.tgz https://example.com/tool.tgz\n', 'FROM node:20-slim\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\n'],
      valid: ['FROM debian:12-slim\nRUN curl -fsSLo /tmp/tool.tgz https://example.com/tool.tgz\n', 'FROM node:20-slim\nENV NODE_TLS_REJECT_UNAUTHORIZED=1\n'],
    },
    differences: [
      'hadolint and BuildKit have no such check; Checkov splits it into one check per tool (CKV2_DOCKER_2 curl,',
      '_3 wget, _4 pip, _5 PYTHONHTTPSVERIFY, _6 NODE_TLS_REJECT_UNAUTHORIZED, _12 npm strict-ssl, _13 git…), all',
      'of which this rule covers. Build stages are judged too: what a builder downloads ends up in the image.',
    ].join(' '),
  },
  fix: {
    availability: 'sometimes',
    safety: 'unsafe',
    reason: [
      'Offered when removing the flag or the inline variable is the whole change (`-k`, `--insecure`,',
      '`--no-check-certificate`, `--trusted-host <host>`, `-c http.sslVerify=false`, `VAR=0 cmd`). Unsafe because',
      'the build then fails where the certificate really is not trusted. Not offered for `config set` commands',
      'or ENV/ARG, which are whole steps to remove.',
    ].join(' '),
  },
  create(context) {
    const check = (instruction: InstructionInfo) => {
      for (const disabled of disabledTlsChecks(context.model, instruction)) {
        context.report({
          range: disabled.range,
          message: `${disabled.what} turns off TLS certificate checks, so a tampered download goes unnoticed: install the CA certificate the server needs instead`,
          fixes: disabled.removal ? [{ title: `Remove ${disabled.what.split(' (')[0]}`, safety: 'unsafe', edits: [disabled.removal] }] : [],
        });
      }
    };
    return { RUN: check, ENV: check, ARG: check, global: check };
  },
});
