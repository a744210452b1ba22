import { defineRule } from '../rule';
import { callsAny, invocationOf } from './support/commands';

const CD = ['cd'];

export default defineRule({
  id: 'cd-in-run',
  code: 'LW307',
  aliases: { hadolint: 'DL3003' },
  category: 'correctness',
  severity: 'warning',
  appliesTo: 'all-stages',
  docs: {
    summary: '`cd` in a RUN: use WORKDIR to change directory.',
    rationale: [
      'A `cd` lasts only until the end of its RUN: the next RUN, COPY and CMD start again in the WORKDIR.',
      'Steps that read `cd /app && make` look like they set up the directory for what follows, and break',
      'when the next instruction assumes it. WORKDIR changes the directory for every later instruction and',
      'creates it if needed.',
    ].join('\n'),
    examples: {
      invalid: ['FROM golang:1.25\nRUN cd /src && go build ./...\n'],
      valid: ['FROM golang:1.25\nWORKDIR /src\nRUN go build ./...\n', 'FROM golang:1.25\nRUN (cd /src/tools && go build ./...)\n'],
    },
    differences: [
      'A `cd` inside a subshell `( cd x && make )` or a compound command is a deliberate, local change of',
      'directory and is not reported (hadolint reports it). Heredoc scripts are not judged.',
    ].join(' '),
  },
  fix: {
    availability: 'never',
    safety: 'suggestion',
    reason: 'Moving the directory change into a WORKDIR changes the directory of every later instruction, which only the author can decide.',
  },
  create(context) {
    return {
      RUN(run) {
        const script = run.script;
        // Cheap test first: most RUNs never call cd.
        if (!script || script.form !== 'shell' || script.heredocs.length > 0 || !callsAny(script, CD)) return;
        for (const command of script.commands) {
          if (command.nested) continue;
          const invocation = invocationOf(command);
          if (invocation?.name !== 'cd' || invocation.program !== command.program) continue;
          const target = invocation.args.find((word) => !word.value.startsWith('-'))?.value ?? '~';
          context.report({
            range: invocation.program.range,
            message: `\`cd ${target}\` lasts only for this RUN: use \`WORKDIR ${target}\` to change directory`,
          });
        }
      },
    };
  },
});
