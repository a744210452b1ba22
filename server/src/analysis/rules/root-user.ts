import type { DockerfileModel, InstructionInfo, Stage } from '../model-types';
import { defineRule, type Fix, type Position, type Range, type Report, type TextEdit } from '../rule';
import { keywordInFileCase } from './support/keyword-case';
import { instructionArguments } from './support/instruction-args';
import { findLaterCleanup, isCleanupOnly } from './support/later-cleanup';
import { appendCommandsEdit, combineInsertions, hasCustomShell, textAt } from './support/run-edits';
import { effectiveUser, isRootUser, nonRootUserPlan, stepsDownFromRootAtStart, userCreatedIn, type NonRootUserPlan } from './support/users';

/** Instructions that run or configure the container: a USER goes before them. */
const RUNTIME_INSTRUCTIONS = new Set(['CMD', 'ENTRYPOINT', 'HEALTHCHECK']);

export default defineRule({
  id: 'root-user',
  code: 'LW202',
  aliases: { hadolint: 'DL3002', trivy: 'AVD-DS-0002', checkov: 'CKV_DOCKER_8' },
  category: 'security',
  severity: 'warning',
  appliesTo: 'shipped-stages',
  docs: {
    summary: 'The shipped image runs as root.',
    rationale: [
      'A process running as root in the container is root on the files the container can reach, and one',
      'kernel or runtime bug away from root on the host. Most applications need root only to install',
      'packages at build time: create a user (or use the one the image provides, such as `node` or',
      'distroless `nonroot`) and switch to it with USER after the last step that needs root.',
    ].join('\n'),
    examples: {
      invalid: [
        'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n',
        'FROM alpine:3.20\nRUN apk add --no-cache curl\nUSER root\n',
      ],
      valid: [
        'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n',
        'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\nENTRYPOINT ["/app"]\n',
        'FROM golang:1.25-alpine AS build\nRUN go build -o /app .\n\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n',
      ],
    },
    differences: [
      'hadolint (DL3002) and Checkov (CKV_DOCKER_8) only flag an explicit last `USER root`; this rule also',
      'flags a shipped stage with no USER at all on a base image that runs as root (as Trivy does), and',
      'knows the bases that already run as non-root (distroless `:nonroot`, .NET chiseled). It does not report',
      'images whose entrypoint steps down from root to a service user while the Dockerfile keeps it (official',
      'redis, postgres, mongo, mysql, mariadb, rabbitmq), nor a Dockerfile that installs gosu or su-exec for the',
      'ENTRYPOINT it sets; for nginx and httpd, whose master process starts as root by design, it points to the',
      'unprivileged variant instead of a USER. Build stages are never judged.',
    ].join(' '),
  },
  fix: {
    availability: 'sometimes',
    safety: 'unsafe',
    reason:
      'Unsafe because an application that writes to root-owned paths or binds a port below 1024 can break. Not offered when the base image is unknown (no way to know how to create a user there), nor when the stage ends in an unterminated heredoc or a dangling continuation that new lines would join. For official nginx the fix switches to nginxinc/nginx-unprivileged (same tag, listens on 8080 by default) when that tag is one it publishes; for httpd and php:apache none is offered.',
  },
  create(context) {
    const { model } = context;
    return {
      stageEnd(stage) {
        // Windows containers have no root: their users are ContainerAdministrator and ContainerUser.
        if (!stage.ships || stage.facts.distro === 'windows') return;
        const current = effectiveUser(stage);
        if (current.user === null && stage.base.hasUnresolvedVariables) return;
        if (current.user !== null && !isRootUser(current.user)) return;
        if (stepsDownFromRootAtStart(stage)) return;
        const explicit = current.instruction?.stage === stage && current.argument ? current.argument : null;
        if (stage.facts.startsAsRootByDesign) {
          context.report(rootByDesignReport(stage, explicit ? explicit.range : stage.base.range, current.instruction === null));
          return;
        }
        const plan = nonRootUserPlan(stage.facts, stage.base.isScratch, userCreatedIn(stage));
        const fix = plan ? addUserFix(model, stage, plan) : null;
        context.report({
          range: explicit ? explicit.range : stage.base.range,
          message: explicit
            ? `the image runs as root: switch to a non-root USER${plan ? ` (${plan.user})` : ''} after the steps that need root`
            : current.user === null
              ? `no USER is set, so the container runs as root unless ${stage.base.raw} sets one: add a USER with a non-root user`
              : `the image runs as root: add a USER with a non-root user${plan ? ` (${plan.user})` : ''} before CMD/ENTRYPOINT`,
          fixes: fix ? [fix] : [],
        });
      },
    };
  },
});

/** Tags the unprivileged variant is published under as well (the official ones it mirrors). */
const MIRRORED_TAG = /^((stable|mainline|\d+(\.\d+){0,2})(-alpine)?|alpine|latest)$/;

/**
 * An image whose server starts as root by design (nginx, httpd): a USER switch would stop it from
 * starting, so the advice is the image's unprivileged variant, or the changes that make one.
 */
function rootByDesignReport(stage: Stage, range: Range, usesImageDefault: boolean): Report {
  const image = stage.base.raw;
  const variant = stage.facts.unprivilegedVariant;
  if (!variant) {
    return {
      range,
      message: `${image} starts its server as root to bind port 80 and runs the workers unprivileged; a USER switch alone would keep it from starting: to run without root, make it listen on a port above 1024 and own the files it writes, then add a USER`,
      fixes: [],
    };
  }
  const base = stage.base;
  const canSwap =
    usesImageDefault && stage.baseStage === null && !base.hasUnresolvedVariables && base.digest === null && (base.tag === null || MIRRORED_TAG.test(base.tag));
  const replacement = base.tag === null ? variant : `${variant}:${base.tag}`;
  return {
    range,
    message: `${image} starts its master process as root to bind port 80 (a USER switch alone would keep it from starting): use \`${variant}\`, the same image running as a non-root user on port 8080`,
    fixes: canSwap
      ? [{ title: `Use ${replacement}`, safety: 'unsafe', edits: [{ range: base.range, newText: replacement }] }]
      : [],
  };
}

function addUserFix(model: DockerfileModel, stage: Stage, plan: NonRootUserPlan): Fix | null {
  const own = stage.instructions.filter((instruction) => !instruction.onbuild && instruction.keyword !== 'FROM');
  const pivotIndex = findLastIndex(own, (instruction) => instruction.keyword === 'RUN' || instruction.keyword === 'USER');
  const pivot = pivotIndex === -1 ? null : own[pivotIndex];
  const title = `Add USER ${plan.user}`;
  if (pivot?.keyword === 'USER' && plan.setup.length === 0) {
    const argument = instructionArguments(pivot)[0];
    if (argument) return { title, safety: 'unsafe', edits: [{ range: argument.range, newText: plan.user }] };
  }
  if (plan.setup.length > 0 && hasCustomShell(stage, own[own.length - 1] ?? stage.from)) return null;
  const anchor = own.slice(pivotIndex + 1).find((instruction) => RUNTIME_INSTRUCTIONS.has(instruction.keyword)) ?? null;
  const before = anchor ? own[own.indexOf(anchor) - 1] ?? null : own[own.length - 1] ?? null;
  // After an unterminated heredoc or a dangling continuation, new lines would become part of it.
  if (!anchor && isOpenEnded(model, before ?? stage.from)) return null;
  const eol = model.lineEnding;
  const edits: TextEdit[] = [];
  const lines: string[] = [];
  if (plan.setup.length > 0) {
    // Creating the user at the end of the RUN just before keeps one layer (and no new consecutive RUN).
    const target = before && before === pivot ? setupTarget(model, stage, own, before) : null;
    const append = target ? appendCommandsEdit(model, target, plan.setup) : null;
    if (append) edits.push(append);
    else lines.push(`${keywordInFileCase(model, 'RUN')} ${plan.setup.join(' && ')}`);
  }
  lines.push(`${keywordInFileCase(model, 'USER')} ${plan.user}`);
  if (anchor) {
    const at: Position = { line: firstLineOfCommentsAbove(model, anchor, before ?? stage.from), character: 0 };
    edits.push({ range: { start: at, end: at }, newText: lines.map((line) => line + eol).join('') });
  } else {
    const at = (before ?? stage.from).range.end;
    edits.push({ range: { start: at, end: at }, newText: lines.map((line) => eol + line).join('') });
  }
  return { title, safety: 'unsafe', edits: combineInsertions(edits) };
}

/**
 * The RUN to create the user in: the last one, unless it only deletes what an earlier RUN made (LW103's
 * finding, which must stay visible); then the RUN before it, when only such cleanups lie between them
 * (a new RUN there would make a group of consecutive RUNs, LW104).
 */
function setupTarget(model: DockerfileModel, stage: Stage, own: readonly InstructionInfo[], last: InstructionInfo): InstructionInfo | null {
  if (!findLaterCleanup(model, stage, last)) return last;
  for (let index = own.indexOf(last) - 1; index >= 0; index--) {
    const instruction = own[index];
    if (instruction.keyword !== 'RUN') return null;
    if (!isCleanupOnly(instruction)) return instruction;
  }
  return null;
}

function isOpenEnded(model: DockerfileModel, instruction: InstructionInfo): boolean {
  return (
    instruction.script?.incomplete === true ||
    hasUnterminatedHeredoc(instruction) ||
    endsInContinuation(model, instruction)
  );
}

/** The last line that is not a comment or blank ends in the escape character: the instruction goes on. */
function endsInContinuation(model: DockerfileModel, instruction: InstructionInfo): boolean {
  const lines = textAt(model, instruction.range).split(/\r\n|\r|\n/);
  const last = lines.reverse().find((line) => line.trim() !== '' && !line.trimStart().startsWith('#')) ?? '';
  return last.trimEnd().endsWith(model.escapeCharacter);
}

interface HeredocScan {
  getHeredocs(): Array<{ getDelimiterRange(): unknown }>;
}

/** A heredoc with no closing delimiter (COPY and ADD have them too): it runs to the end of the file. */
function hasUnterminatedHeredoc(instruction: InstructionInfo): boolean {
  const node = instruction.node as unknown as Partial<HeredocScan>;
  if (typeof node.getHeredocs !== 'function') return false;
  try {
    return node.getHeredocs().some((heredoc) => heredoc.getDelimiterRange() === null);
  } catch {
    // The parser's heredoc scan fails on some malformed lines: assume the worst.
    return true;
  }
}

/** The first line of the comment block right above an instruction (comments describe what follows them). */
function firstLineOfCommentsAbove(model: DockerfileModel, instruction: InstructionInfo, previous: InstructionInfo): number {
  let line = instruction.range.start.line;
  const floor = previous.range.end.line + 1;
  while (line - 1 >= floor && (model.lines[line - 1] ?? '').trim().startsWith('#')) line--;
  return line;
}

function findLastIndex<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  for (let index = items.length - 1; index >= 0; index--) if (predicate(items[index])) return index;
  return -1;
}
