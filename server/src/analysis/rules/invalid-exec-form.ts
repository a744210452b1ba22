import type { InstructionInfo } from '../model-types';
import { defineRule, type Fix, type Range } from '../rule';
import { brokenExecForm, execFormText, type ExecFormProblem } from './support/correctness-exec-form';
import { logicalText, textAt } from './support/run-edits';

const PROBLEMS: Record<ExecFormProblem, string> = {
  'single-quotes': "JSON strings need double quotes, not '…'",
  'invalid-escape': 'a backslash must be doubled in JSON (`C:\\\\app`)',
  'missing-comma': 'the strings need commas between them',
  'trailing-comma': 'JSON allows no comma before `]`',
  'extra-bracket': 'there is an extra `]`',
  'trailing-text': 'nothing may follow the `]` (a `#` comment goes on its own line)',
};

/**
 * Instructions whose repaired array no other rule reads as commands. A repaired RUN or HEALTHCHECK CMD becomes a
 * command line the RUN and health-check rules then judge (`["sudo" "apt-get" …]` turns into a real sudo and an
 * apt-get install): the repair would bring their findings with it, so there the message gives the array instead.
 */
const REPAIRED_KEYWORDS: ReadonlySet<string> = new Set(['CMD', 'ENTRYPOINT']);

/** Problems the repaired array fixes by itself; text after `]` is left to the author. */
const REPAIRABLE: ReadonlySet<ExecFormProblem> = new Set(['single-quotes', 'invalid-escape', 'missing-comma', 'trailing-comma', 'extra-bracket']);

export default defineRule({
  id: 'invalid-exec-form',
  code: 'LW302',
  aliases: {},
  category: 'correctness',
  severity: 'error',
  appliesTo: 'all-stages',
  docs: {
    summary: 'A RUN, CMD or ENTRYPOINT written as a JSON array that is not valid JSON, which Docker silently runs in shell form.',
    rationale: [
      'Docker treats the arguments as exec form only when they parse as a JSON array of strings. Anything',
      "else — `['node', 'app.js']`, a missing comma, `C:\\app` with a single backslash, a trailing `# comment` —",
      'is quietly taken as shell form: the container runs `/bin/sh -c "[\'node\', \'app.js\']"`, which fails at',
      'start-up with a confusing "not found", or fails at once in an image without a shell.',
    ].join('\n'),
    examples: {
      invalid: ["FROM node:20-slim\nCMD ['node', 'server.js']\n", 'FROM node:20-slim\nCMD ["node", "server.js"] # start the app\n'],
      valid: ['FROM node:20-slim\nCMD ["node", "server.js"]\n', 'FROM alpine:3.20\nRUN [ -f /etc/alpine-release ] && echo alpine\n'],
    },
  },
  fix: {
    availability: 'sometimes',
    safety: 'safe',
    reason: [
      'Offered for CMD and ENTRYPOINT only: a repaired RUN or HEALTHCHECK CMD becomes a command that other rules then',
      'judge (a sudo, an unpinned package install), so the repair would bring new findings with it; for those the',
      'message spells out the array to write. Not offered either when text follows the `]` (a comment or more words:',
      'what was meant is unclear) or when the array spans several lines.',
    ].join(' '),
  },
  create(context) {
    const { model } = context;
    const check = (instruction: InstructionInfo) => {
      if (!instruction.script || instruction.script.form !== 'shell') return;
      const text = textAt(model, instruction.script.range);
      if (!mayStartWithBracket(text, model.escapeCharacter)) return;
      const script = { ...instruction.script, range: withoutLeadingSpace(instruction.script.range, text) };
      const written = logicalText(textAt(model, script.range), model.escapeCharacter);
      const broken = brokenExecForm(written);
      if (!broken) return;
      const repairable = broken.problems.every((problem) => REPAIRABLE.has(problem)) && script.range.start.line === script.range.end.line;
      const repaired = execFormText(broken.elements.map((element) => element.value));
      const fixes: Fix[] = repairable && REPAIRED_KEYWORDS.has(instruction.keyword)
        ? [{ title: `Rewrite as ${repaired}`, safety: 'safe', edits: [{ range: script.range, newText: repaired }] }]
        : [];
      context.report({
        range: script.range,
        message: `Not valid JSON (${broken.problems.map((problem) => PROBLEMS[problem]).join('; ')}), so Docker runs this ${instruction.keyword} as a shell command: write ${repairable ? repaired : 'a JSON array of double-quoted strings'}`,
        fixes,
      });
    };
    return { RUN: check, CMD: check, ENTRYPOINT: check, HEALTHCHECK: check };
  },
});

/**
 * Cheap test first: only a script whose joined text starts with `[` can be a broken array. When the first
 * line holds something other than a line continuation, that something is where the joined text starts.
 */
function mayStartWithBracket(text: string, escape: string): boolean {
  const content = text.trimStart();
  const first = content[0];
  if (first === undefined || first === '[' || first === escape) return true;
  // Blank first line: the joined text starts on a later line.
  return /[\r\n]/.test(text.slice(0, text.length - content.length));
}

/** The script range of `HEALTHCHECK CMD …` starts at the space after CMD. */
function withoutLeadingSpace(range: Range, text: string): Range {
  const spaces = /^[ \t]*/.exec(text)?.[0].length ?? 0;
  return { start: { line: range.start.line, character: range.start.character + spaces }, end: range.end };
}
