import type { InstructionInfo, Stage } from '../model-types';
import { defineRule, type Fix } from '../rule';
import { formatBytes } from '../size/format';
import { baseName, invocationOf } from './support/commands';
import { isOverridden } from './support/correctness-duplicates';
import { instructionArguments } from './support/instruction-args';
import { findInstallCalls } from './support/pinning-command-line';
import { APK_ADD, APT_INSTALL } from './support/pinning-syntaxes';
import { lighterVariant, measuredBytes, type LighterVariant } from './support/structure-images';
import { stageChain } from './support/structure-stages';
import { packageName } from './support/structure-toolchains';

/** Programs the full official images have and their slim/alpine variants lack. */
const EXEC_FORM_KEYWORDS: ReadonlySet<string> = new Set(['CMD', 'ENTRYPOINT', 'HEALTHCHECK']);
const FULL_IMAGE_TOOLS = ['curl', 'wget', 'git', 'gcc', 'g++', 'cc', 'c++', 'make', 'ssh', 'scp', 'svn', 'hg', 'unzip', 'bzip2', 'xz', 'node-gyp'];

/** What the lighter variant leaves out, for the message. */
function tradeOff(repository: string, kind: string): string {
  if (kind === 'alpine') return 'it uses musl libc instead of glibc';
  if (kind === 'chiseled') return 'it has no shell and runs as the user app';
  return repository === 'debian' ? 'it leaves out documentation and rarely used files' : 'it leaves out compilers, git and curl';
}

export default defineRule({
  id: 'heavy-base-image',
  code: 'LW123',
  aliases: {},
  category: 'size',
  severity: 'info',
  appliesTo: 'shipped-stages',
  docs: {
    summary: 'The shipped image is built on a heavy base when a slim, alpine or chiseled variant of the same runtime exists.',
    rationale: [
      'The default tags of the official images are built for building: `node:20` and `python:3.12` weigh',
      'about 1 GB because they include compilers, headers, git and curl. Their `-slim` variants hold the same',
      'runtime in a fraction of it (`node:20-slim` ~186 MB, `python:3.12-slim` ~119 MB). Every megabyte is',
      'pushed, pulled and scanned on every deploy, and every extra tool is one more thing to patch. The sizes',
      'in the message come from the measured base-image table.',
    ].join('\n'),
    examples: {
      invalid: ['FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\nCMD ["python", "app.py"]\n'],
      valid: [
        'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\nCMD ["python", "app.py"]\n',
        'FROM node:20\nRUN git clone --depth 1 https://github.com/example/app.git /app\nCMD ["node", "/app/server.js"]\n',
      ],
    },
    differences: [
      'Only suggested when both sizes are measured, and not when the Dockerfile runs a tool the lighter',
      'variant lacks (curl, wget, git, a compiler) without installing it.',
    ].join(' '),
  },
  fix: {
    availability: 'sometimes',
    safety: 'suggestion',
    reason: 'A suggestion, because the lighter variant lacks tools a build step may need. Not offered when the image is written with a variable or a digest.',
  },
  create(context) {
    return {
      stage(stage) {
        if (stage.baseStage) return;
        const variant = lighterVariant(stage.base);
        if (!variant) return;
        const before = measuredBytes(stage.base.resolved);
        const after = measuredBytes(variant.image);
        if (before === null || after === null || after >= before) return;
        if (usesMissingTools(stage) || (variant.shellLess && needsShell(stage))) return;
        const fix = replaceTagFix(stage, variant);
        context.report({
          range: stage.base.range,
          message: `\`${stage.base.raw}\` is ~${formatBytes(before)}; \`${variant.image}\` has the same runtime in ~${formatBytes(after)} (${tradeOff(stage.base.repository, variant.kind)}): use it`,
          fixes: fix ? [fix] : [],
        });
      },
    };
  },
});

/**
 * The instructions with a script that run: a CMD, ENTRYPOINT or HEALTHCHECK that a later one of its stage
 * replaces never does (LW303–LW305 remove them, which must not change this rule's verdict).
 */
function scriptsThatRun(stage: Stage): InstructionInfo[] {
  return stageChain(stage).flatMap((current) =>
    current.instructions.filter((instruction) => !instruction.onbuild && instruction.script && !isOverridden(current, instruction)),
  );
}

/**
 * The exec-form CMD, ENTRYPOINT and HEALTHCHECK CMD that run. They have no parsed script, but the program they
 * start must count like a shell-form one: rewriting `CMD make` as `CMD ["make"]` (LW301) must not change the verdict.
 */
function execFormsThatRun(stage: Stage): InstructionInfo[] {
  return stageChain(stage).flatMap((current) =>
    current.instructions.filter(
      (instruction) => !instruction.onbuild && !instruction.script && EXEC_FORM_KEYWORDS.has(instruction.keyword) && !isOverridden(current, instruction),
    ),
  );
}

/** The base name of the program an exec-form instruction starts; undefined when the array cannot be read. */
function execFormProgram(instruction: InstructionInfo): string | undefined {
  const words = instructionArguments(instruction).map((word) => word.value);
  if (instruction.keyword !== 'HEALTHCHECK') return words[0] === undefined ? undefined : baseName(words[0]);
  // HEALTHCHECK CMD […]: the words after CMD are the raw JSON array.
  if (words[0]?.toUpperCase() !== 'CMD') return undefined;
  try {
    const parsed: unknown = JSON.parse(words.slice(1).join(' '));
    return Array.isArray(parsed) && typeof parsed[0] === 'string' ? baseName(parsed[0]) : undefined;
  } catch {
    return undefined;
  }
}

/** Every RUN, CMD, ENTRYPOINT and HEALTHCHECK that calls a program the lighter variant lacks, unless the Dockerfile installs it. */
function usesMissingTools(stage: Stage): boolean {
  const instructions = scriptsThatRun(stage);
  const programs = [
    ...instructions.flatMap((instruction) => instruction.script!.commands.map((command) => invocationOf(command)?.name)),
    ...execFormsThatRun(stage).map(execFormProgram),
  ];
  const needed = programs.filter((name): name is string => name !== undefined && FULL_IMAGE_TOOLS.includes(name));
  // Cheap test first: most images call none of the tools the lighter variant lacks.
  if (needed.length === 0) return false;
  const installed = new Set(
    instructions.flatMap((instruction) =>
      [APT_INSTALL, APK_ADD].flatMap((syntax) => findInstallCalls(instruction.script!, syntax).flatMap((call) => call.packages.map((word) => packageName(word.value)))),
    ),
  );
  if (installed.has('build-essential') || installed.has('build-base')) ['gcc', 'g++', 'cc', 'c++', 'make'].forEach((tool) => installed.add(tool));
  return needed.some((name) => !installed.has(name));
}

/** A RUN, or a shell-form CMD/ENTRYPOINT/HEALTHCHECK that is not replaced by a later one: a shell-less variant cannot run it. */
function needsShell(stage: Stage): boolean {
  return stageChain(stage).some((current) =>
    current.instructions.some(
      (instruction) =>
        !isOverridden(current, instruction) && (instruction.keyword === 'RUN' || (instruction.script !== null && instruction.script.form !== 'exec')),
    ),
  );
}

function replaceTagFix(stage: Stage, variant: LighterVariant): Fix | null {
  const raw = stage.base.raw;
  if (raw.includes('$') || raw.includes('@')) return null;
  const hasTag = raw.lastIndexOf(':') > raw.lastIndexOf('/');
  const image = hasTag ? `${raw.slice(0, raw.lastIndexOf(':'))}:${variant.tag}` : `${raw}:${variant.tag}`;
  return { title: `Use ${variant.image}`, safety: 'suggestion', edits: [{ range: stage.base.range, newText: image }] };
}
