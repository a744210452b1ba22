import { Arg, Env, type Instruction, type Property } from 'dockerfile-ast';
import type { InstructionInfo, Stage } from '../model-types';
import { defineRule, type RuleContext } from '../rule';
import { effectiveNode } from './support/instruction-args';
import { credentialInValue, secretWordInName, valueIsNotSecret } from './support/security-secrets';

export default defineRule({
  id: 'secret-in-arg-or-env',
  code: 'LW205',
  aliases: { hadolint: 'DL3064', buildkit: 'SecretsUsedInArgOrEnv' },
  category: 'security',
  severity: 'warning',
  appliesTo: 'all-stages',
  docs: {
    summary: 'A secret passed with ARG or ENV (by its name, or a value that is a credential).',
    rationale: [
      'ENV values are stored in the image configuration: anyone who can pull the image reads them with',
      '`docker inspect`. Build arguments are recorded in the image history of the layers that use them, in',
      'the build history and in `mode=max` provenance attestations, and a default value is in the Dockerfile',
      'itself, so in source control. Pass build-time secrets with `RUN --mount=type=secret,id=npm,env=NPM_TOKEN`',
      '(`docker build --secret id=npm,env=NPM_TOKEN`): they exist only while that RUN runs. Pass runtime',
      'secrets when the container starts (`docker run -e`, orchestrator secrets).',
    ].join('\n'),
    examples: {
      invalid: [
        'FROM node:20-slim\nARG NPM_TOKEN\nRUN npm ci\n',
        'FROM python:3.12-slim\nENV DATABASE_PASSWORD=hunter2\nUSER nobody\n',
        'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENV ConnectionStrings__Default="Server=db;User Id=sa;Password=Secret123;"\n',
      ],
      valid: [
        'FROM node:20-slim\nRUN --mount=type=secret,id=npm,env=NPM_TOKEN npm ci\n',
        'FROM postgres:16\nENV POSTGRES_PASSWORD_FILE=/run/secrets/postgres_password\n',
        'FROM python:3.12-slim\nENV GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305\n',
      ],
    },
    differences: [
      'BuildKit and hadolint match name tokens only. This rule does not report names that point at a secret',
      '(`PASSWORD_FILE`, `TOKEN_URL`, `AWS_ACCESS_KEY_ID`, `SSH_AUTH_SOCK`), public keys (`PUBLIC_KEY`,',
      '`GPG_KEY` set to fingerprints as official images do), switches (`AUTH=false`) or `USERNAME` (hadolint',
      'DL3064 does); it does report values that are credentials whatever the name (`AKIA…`, `ghp_…`,',
      '`https://user:password@…`, a connection string with a literal `Password=` or `Pwd=`, not `Password=${DB_PASSWORD}`). ENV is judged by name only in stages whose layers ship (a builder\'s ENV',
      'does not reach the image); ARG in every stage, since build arguments are recorded with the build.',
    ].join(' '),
  },
  fix: {
    availability: 'never',
    safety: 'unsafe',
    reason: 'Moving a secret to `--mount=type=secret` changes the build command too (`docker build --secret …`), and a leaked value has to be rotated.',
  },
  create(context) {
    const check = (instruction: InstructionInfo, stage: Stage | null) => {
      const node = declaringNode(instruction);
      const properties: Property[] = node instanceof Env ? node.getProperties() : node instanceof Arg ? [node.getProperty()].filter((p): p is Property => p !== null) : [];
      const keyword = node instanceof Env ? 'ENV' : 'ARG';
      for (const property of properties) reportProperty(context, keyword, property, keyword === 'ARG' || stage === null || stage.shipsLayers);
    };
    return {
      ARG: check,
      ENV: check,
      global: (instruction) => {
        // Cheap test first: only ENV, ARG and a bare ONBUILD line can declare variables.
        if (instruction.keyword === 'ENV' || instruction.keyword === 'ARG' || instruction.keyword === 'ONBUILD') check(instruction, null);
      },
    };
  },
});

/**
 * The node that declares the variables. An ENV or ARG is its own node (for an ONBUILD trigger too: the
 * model gives the trigger's node); only a bare ONBUILD line is looked into again.
 */
function declaringNode(instruction: InstructionInfo): Instruction {
  return instruction.keyword === 'ONBUILD' ? effectiveNode(instruction) : instruction.node;
}

function reportProperty(context: RuleContext, keyword: 'ARG' | 'ENV', property: Property, judgeName: boolean): void {
  const name = property.getName();
  const value = property.getValue();
  const credential = value ? credentialInValue(value) : null;
  const valueRange = property.getValueRange();
  if (credential && valueRange) {
    context.report({
      range: valueRange,
      message: `the value of ${keyword} ${name} looks like ${credential}: a credential written in the Dockerfile is in source control and the image; rotate it and pass it with RUN --mount=type=secret`,
    });
    return;
  }
  if (!judgeName || !secretWordInName(name)) return;
  if (value !== null && (valueIsNotSecret(value) || (keyword === 'ENV' && value.trim() === ''))) return;
  context.report({
    range: property.getNameRange(),
    message:
      keyword === 'ENV'
        ? `ENV ${name} stores a secret in the image config, readable by anyone who can pull the image: pass it at run time, or to a build step with RUN --mount=type=secret`
        : `ARG ${name} passes a secret as a build argument, which the image history and build records keep: use RUN --mount=type=secret,id=…,env=${name} instead`,
  });
}
