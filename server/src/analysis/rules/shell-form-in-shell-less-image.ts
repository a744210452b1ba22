import type { DockerfileModel, InstructionInfo, Stage } from '../model-types';
import { defineRule, type Fix } from '../rule';
import { execFormText, execFormWords } from './support/correctness-exec-form';
import { invocationOf } from './support/commands';
import { logicalText, textAt } from './support/run-edits';
import { certainlyWithoutShell, rootImage } from './support/security-shell-less';

/** What the healthcheck rule (LW214) reports instead: converting these to exec form would not make them work. */
const MISSING_TOOLS = new Set(['curl', 'wget']);

export default defineRule({
  id: 'shell-form-in-shell-less-image',
  code: 'LW213',
  aliases: {},
  category: 'correctness',
  severity: 'error',
  appliesTo: 'all-stages',
  docs: {
    summary: 'Shell-form RUN, CMD, ENTRYPOINT or HEALTHCHECK in an image without a shell (scratch, distroless, chiseled).',
    rationale: [
      'Shell form runs `/bin/sh -c "…"`. Scratch, distroless (except `:debug`), Chainguard and chiseled images have',
      'no /bin/sh, so a shell-form RUN fails the build, and a shell-form CMD, ENTRYPOINT or HEALTHCHECK fails',
      'every time the container starts or is probed ("exec: \\"/bin/sh\\": no such file or directory"). Write',
      'the command in exec form, `CMD ["/app", "serve"]`, or do the shell work in a build stage.',
    ].join('\n'),
    examples: {
      invalid: [
        'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\nENTRYPOINT /app serve\n',
        'FROM scratch\nCOPY app /app\nUSER 65532\nRUN /app migrate\n',
      ],
      valid: [
        'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\nENTRYPOINT ["/app", "serve"]\n',
        'FROM gcr.io/distroless/static-debian12:debug-nonroot\nCOPY app /app\nENTRYPOINT ["/app", "serve"]\nHEALTHCHECK CMD ["/app", "health"]\n',
      ],
    },
    differences: [
      'hadolint and BuildKit do not know which images have a shell. Not judged: a stage with a SHELL instruction,',
      'or one that copies in a root filesystem, /bin or a shell binary. CMD, ENTRYPOINT and HEALTHCHECK are judged',
      'only in stages whose settings reach the shipped image; RUN in every stage (it fails the build).',
    ].join(' '),
  },
  fix: {
    availability: 'sometimes',
    safety: 'safe',
    reason: [
      'Offered for one plain command without variables, globs, redirections or operators, whose words stay the same',
      'in exec form. Safe because shell form cannot run in the image at all. Not offered for a HEALTHCHECK calling',
      'curl or wget, which the image does not have either (LW214).',
    ].join(' '),
  },
  create(context) {
    const check = (instruction: InstructionInfo, stage: Stage) => {
      // Cheap test first: almost every image has a shell.
      if (stage.facts.hasShell !== false) return;
      const script = instruction.script;
      if (instruction.onbuild || !script || script.form === 'exec' || script.commands.length === 0) return;
      if (instruction.keyword !== 'RUN' && !stage.shipsLayers) return;
      // A heredoc with a shebang is run by its own interpreter, not by /bin/sh.
      if (script.form === 'heredoc' && script.heredocs.some((heredoc) => heredoc.content.trimStart().startsWith('#!'))) return;
      if (!certainlyWithoutShell(stage, instruction)) return;
      const words = isWholeScript(context.model, instruction) ? execFormWords(instruction) : null;
      const callsMissingTool = script.commands.some((command) => MISSING_TOOLS.has(invocationOf(command)?.name ?? ''));
      const fixes: Fix[] =
        words && !(instruction.keyword === 'HEALTHCHECK' && callsMissingTool)
          ? [{ title: `Convert to exec form ${execFormText(words)}`, safety: 'safe', edits: [{ range: script.commands[0].range, newText: execFormText(words) }] }]
          : [];
      const what = instruction.keyword === 'RUN' ? 'fails the build' : 'cannot start';
      context.report({
        range: instruction.keywordRange,
        message: `${rootImage(stage).raw} has no shell, so shell-form ${instruction.keyword} ${what}: use exec form${words ? ` ${execFormText(words)}` : ' (a JSON array) or do this in a build stage'}`,
        fixes,
      });
    };
    return { RUN: check, CMD: check, ENTRYPOINT: check, HEALTHCHECK: check };
  },
});

/** True when the script is its one command and nothing else (no trailing `&`, `;` or comment). */
function isWholeScript(model: DockerfileModel, instruction: InstructionInfo): boolean {
  const script = instruction.script;
  if (!script || script.commands.length !== 1) return false;
  const command = script.commands[0].range;
  const blank = (start: typeof command.start, end: typeof command.end) => logicalText(textAt(model, { start, end }), model.escapeCharacter).trim() === '';
  return blank(script.range.start, command.start) && blank(command.end, script.range.end);
}
