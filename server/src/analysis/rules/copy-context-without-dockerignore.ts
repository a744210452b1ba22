import type { BuildContextInfo } from '../engine-types';
import type { InstructionInfo } from '../model-types';
import { defineRule } from '../rule';
import { formatBytes } from '../size/format';
import { contextSources } from './support/structure-context';

/** What a build context usually holds that the image never needs. */
const UNWANTED = /^(\.git|node_modules|\.env(\..+)?|__pycache__|\.venv|venv|\.idea|\.vscode|coverage|\.pytest_cache|\.mypy_cache|\.tox|\.terraform|\.DS_Store|[^/]+\.log)(\/|$)/;

export default defineRule({
  id: 'copy-context-without-dockerignore',
  code: 'LW124',
  aliases: {},
  category: 'size',
  severity: 'warning',
  appliesTo: 'all-stages',
  docs: {
    summary: '`COPY . .` copies the whole build context, and there is no .dockerignore.',
    rationale: [
      'Without a .dockerignore, `COPY .` (or `ADD .`) puts everything beside the Dockerfile into the layer:',
      '`.git` (often larger than the code), a local `node_modules` or virtualenv built for another platform,',
      '`.env` files with credentials, logs and editor folders. The whole context is also sent to the builder',
      'on every build, and any change to those files invalidates the layer cache. A .dockerignore listing them',
      'keeps the image small and the cache warm.',
      '',
      'The rule needs to know the build context: the editor and the CLI read it beside the Dockerfile; when it',
      'is unknown (a Dockerfile analyzed as text), the rule stays silent.',
    ].join('\n'),
    examples: {
      invalid: ['FROM node:20-slim\nWORKDIR /app\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n'],
      valid: ['FROM node:20-slim\nWORKDIR /app\nCOPY package.json server.js ./\nUSER node\nCMD ["node", "server.js"]\n'],
    },
    exampleOptions: { buildContext: { dockerignore: null } },
    differences: 'When the context\'s files are known and none of them is one a .dockerignore usually lists (.git, node_modules, .env, logs…), nothing is reported.',
  },
  fix: {
    availability: 'never',
    safety: 'safe',
    reason: 'The fix is a new file (.dockerignore), which a Dockerfile edit cannot make.',
  },
  create(context) {
    const buildContext = context.buildContext;
    // Usually the context is not known, or it has a .dockerignore: nothing to look at.
    if (!buildContext || buildContext.dockerignore !== null) return {};
    let reported = false;
    const check = (instruction: InstructionInfo) => {
      if (reported) return;
      const whole = contextSources(instruction).find((source) => source.path === '' || source.path === '*');
      if (!whole) return;
      const unwanted = unwantedEntries(buildContext);
      if (unwanted === null) return;
      reported = true;
      const found = unwanted.names.length > 0 ? `: ${unwanted.names.map((name) => `\`${name}\``).join(', ')}${unwanted.bytes > 0 ? ` (~${formatBytes(unwanted.bytes)})` : ''} would end up in the image` : '';
      context.report({
        range: whole.word.range,
        message: `\`${instruction.keyword} ${whole.word.value}\` copies the whole build context and there is no .dockerignore${found}; add a .dockerignore that leaves out what the image does not need`,
      });
    };
    return { COPY: check, ADD: check };
  },
});

/**
 * The top-level entries of the context a .dockerignore usually lists, with their total size; an empty
 * list when the files are not known; null when they are known and hold none of them.
 */
function unwantedEntries(buildContext: BuildContextInfo): { names: string[]; bytes: number } | null {
  if (!buildContext.files) return { names: [], bytes: 0 };
  const names = new Set<string>();
  let bytes = 0;
  for (const file of buildContext.files) {
    const match = UNWANTED.exec(file.path);
    if (!match) continue;
    names.add(match[1]);
    bytes += file.bytes;
  }
  if (names.size === 0) return buildContext.truncated ? { names: [], bytes: 0 } : null;
  return { names: [...names].slice(0, 4), bytes };
}
