import type { InstructionInfo } from '../model-types';
import { defineRule, type Range } from '../rule';
import type { RunScript } from '../shell-types';
import { baseName, invocationOf } from './support/commands';
import { instructionArguments } from './support/instruction-args';
import { mayCopyProgram, rootImage } from './support/security-shell-less';

const HTTP_CLIENTS = ['curl', 'wget'];

export default defineRule({
  id: 'healthcheck-tool-missing',
  code: 'LW214',
  aliases: {},
  category: 'correctness',
  severity: 'error',
  appliesTo: 'shipped-stages',
  docs: {
    summary: 'HEALTHCHECK calls curl or wget in an image that has neither (scratch, distroless, chiseled).',
    rationale: [
      'Scratch, distroless, Chainguard and chiseled images ship no curl and no wget, so such a healthcheck fails',
      'on every probe and the container is reported unhealthy (and restarted by orchestrators that act on it).',
      'Build a small health probe into your application (`HEALTHCHECK CMD ["/app", "healthcheck"]`), copy a',
      'static probe binary from a build stage, or rely on the orchestrator\'s HTTP probe.',
    ].join('\n'),
    examples: {
      invalid: ['FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\nENTRYPOINT ["/app"]\nHEALTHCHECK CMD ["curl", "-f", "http://localhost:8080/health"]\n'],
      valid: [
        'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\nENTRYPOINT ["/app"]\nHEALTHCHECK CMD ["/app", "healthcheck"]\n',
        'FROM node:20-alpine\nUSER node\nHEALTHCHECK CMD ["wget", "-q", "--spider", "http://localhost:3000/"]\n',
      ],
    },
    differences: [
      'hadolint and BuildKit have no such check. Only images known to lack both tools are judged (not slim or alpine',
      'images, where a RUN may install them), and a stage that copies a curl or wget binary in is not judged.',
    ].join(' '),
  },
  fix: {
    availability: 'never',
    safety: 'unsafe',
    reason: 'The probe has to be replaced by one the image can run, which only the author can choose.',
  },
  create(context) {
    return {
      HEALTHCHECK(healthcheck, stage) {
        if (healthcheck.onbuild || !stage.ships) return;
        const base = rootImage(stage);
        if (stage.facts.hasShell !== false || base.hasUnresolvedVariables || mayCopyProgram(stage, HTTP_CLIENTS)) return;
        const program = healthcheck.script ? shellFormClient(healthcheck.script) : execFormProgram(healthcheck);
        if (!program || !HTTP_CLIENTS.includes(baseName(program.value))) return;
        const tool = baseName(program.value);
        context.report({
          range: program.range,
          message: `${base.raw} has no ${tool} (nor a shell), so this healthcheck always fails: probe with a command the image has, such as your application's own health subcommand`,
        });
      },
    };
  },
});

interface Program {
  value: string;
  range: Range;
}

/** The first curl/wget the shell-form probe runs. */
function shellFormClient(script: RunScript): Program | null {
  for (const command of script.commands) {
    const program = invocationOf(command)?.program;
    if (program && HTTP_CLIENTS.includes(baseName(program.value))) return program;
  }
  return null;
}

/** The program of `HEALTHCHECK CMD ["curl", …]`: the first string of the JSON array after CMD. */
function execFormProgram(healthcheck: InstructionInfo): Program | null {
  const args = instructionArguments(healthcheck);
  if (args[0]?.value.toUpperCase() !== 'CMD' || !args[1]) return null;
  const first = /^\[\s*("(?:[^"\\]|\\.)*")/.exec(args[1].value);
  if (!first) return null;
  let value: unknown;
  try {
    value = JSON.parse(first[1]);
  } catch {
    return null;
  }
  if (typeof value !== 'string') return null;
  const start = args[1].range.start;
  const offset = first[0].length - first[1].length;
  return {
    value,
    range: { start: { line: start.line, character: start.character + offset }, end: { line: start.line, character: start.character + first[0].length } },
  };
}
