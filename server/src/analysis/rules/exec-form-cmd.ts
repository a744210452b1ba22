import type { InstructionInfo, Stage } from '../model-types';
import { defineRule, type Fix } from '../rule';
import { brokenExecForm, execFormText, execFormWords } from './support/correctness-exec-form';
import { hasCustomShell, logicalText, textAt } from './support/run-edits';
import { certainlyWithoutShell } from './support/security-shell-less';

export default defineRule({
  id: 'exec-form-cmd',
  code: 'LW301',
  aliases: { hadolint: 'DL3025', buildkit: 'JSONArgsRecommended' },
  category: 'correctness',
  severity: 'warning',
  appliesTo: 'shipped-stages',
  docs: {
    summary: 'CMD or ENTRYPOINT in shell form: write it as a JSON array (exec form).',
    rationale: [
      'Shell form runs the command as `/bin/sh -c "…"`. The shell becomes the parent of your program, so',
      '`docker stop` may never reach it (SIGTERM goes to the shell, the container is killed after the',
      'timeout), a shell-form ENTRYPOINT ignores CMD and `docker run` arguments, and images without a shell',
      '(distroless, scratch) cannot start at all. Exec form, `CMD ["node", "server.js"]`, runs the program',
      'directly as PID 1. When you do want a shell, say so with a SHELL instruction or `["sh", "-c", "…"]`.',
    ].join('\n'),
    examples: {
      invalid: ['FROM node:20-slim\nCMD node server.js\n', 'FROM alpine:3.20\nENTRYPOINT my-program start\n'],
      valid: [
        'FROM node:20-slim\nCMD ["node", "server.js"]\n',
        'FROM alpine:3.20\nRUN apk add --no-cache bash\nSHELL ["/bin/bash", "-c"]\nENTRYPOINT echo "hello world"\n',
      ],
    },
    differences: [
      'Like BuildKit, a SHELL instruction earlier in the stage (or a stage it is built on) means the shell is',
      'intended and nothing is reported; hadolint reports it anyway. Only stages whose layers ship are judged,',
      'as BuildKit judges only the stages it builds. ONBUILD triggers and HEALTHCHECK CMD are not judged.',
    ].join(' '),
  },
  fix: {
    availability: 'sometimes',
    safety: 'unsafe',
    reason: [
      'Offered only for one plain command without variables, globs, redirections or operators, so that the',
      'words stay the same. Unsafe because the process tree changes: the program becomes PID 1, an ENTRYPOINT',
      'starts receiving CMD and `docker run` arguments, and a base image entrypoint script receives the',
      'command instead of `/bin/sh -c …`.',
    ].join(' '),
  },
  create(context) {
    const { model } = context;
    const check = (instruction: InstructionInfo, stage: Stage) => {
      const script = instruction.script;
      if (instruction.onbuild || !script || script.form !== 'shell' || hasCustomShell(stage, instruction)) return;
      const written = logicalText(textAt(model, script.range), model.escapeCharacter).trim();
      // A broken JSON array is LW302's finding: it needs repairing, not converting.
      if (written === '' || brokenExecForm(written)) return;
      // Without a shell this is an error, not style: LW213 reports it.
      if (certainlyWithoutShell(stage, instruction)) return;
      const words = execFormWords(instruction);
      const fixes: Fix[] = words
        ? [{ title: `Convert to exec form ${execFormText(words)}`, safety: 'unsafe', edits: [{ range: script.range, newText: execFormText(words) }] }]
        : [];
      context.report({ range: instruction.keywordRange, message: shellFormMessage(instruction, words), fixes });
    };
    return { CMD: check, ENTRYPOINT: check };
  },
});

function shellFormMessage(instruction: InstructionInfo, words: string[] | null): string {
  const advice = `use exec form${words ? ` ${execFormText(words)}` : ' (a JSON array)'}`;
  // `exec prog $OPTS` does hand signals to the program (the shell replaces itself), the pattern
  // Docker's docs give for expanding variables; what remains is that it needs a shell.
  const startsWithExec = instruction.script?.commands[0]?.program?.value === 'exec';
  return startsWithExec
    ? `${instruction.keyword} in shell form needs /bin/sh in the image and ignores \`docker run\` arguments: ${advice}, or keep \`exec\` if you need variable expansion`
    : `${instruction.keyword} in shell form runs under /bin/sh -c and does not get stop signals: ${advice}`;
}
