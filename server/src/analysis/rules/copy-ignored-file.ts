import type { InstructionInfo } from '../model-types';
import { defineRule } from '../rule';
import { contextSources, excludingPattern, hasExceptionBelow, isGlob, parseDockerignore, type DockerignorePattern } from './support/structure-context';

export default defineRule({
  id: 'copy-ignored-file',
  code: 'LW125',
  aliases: { buildkit: 'CopyIgnoredFile' },
  category: 'correctness',
  severity: 'warning',
  appliesTo: 'all-stages',
  docs: {
    summary: 'COPY or ADD names a file that .dockerignore excludes from the build context.',
    rationale: [
      'Files that match a .dockerignore pattern are never sent to the builder, so a COPY or ADD that names one',
      'fails with "not found" (or, with a glob, silently copies less than intended). Either the pattern is too',
      'broad or the file should not be copied. Patterns are read with Docker\'s rules: relative to the context',
      'root, the last matching pattern wins, and `!` exceptions re-include paths.',
      '',
      'The rule needs the .dockerignore: the editor and the CLI read it beside the Dockerfile; when it is',
      'unknown (a Dockerfile analyzed as text), the rule stays silent.',
    ].join('\n'),
    examples: {
      invalid: ['FROM alpine:3.20\nCOPY ./tmp/helloworld.txt /helloworld.txt\n'],
      valid: ['FROM alpine:3.20\nCOPY ./forever/helloworld.txt /helloworld.txt\n'],
    },
    exampleOptions: { buildContext: { dockerignore: 'tmp\n*.log\n' } },
    differences: [
      'The whole context (`COPY . .`) and globs are never reported: BuildKit warns on `COPY .` when the',
      '.dockerignore excludes everything but a few exceptions (moby/buildkit#6512), which is a false positive.',
    ].join(' '),
  },
  fix: {
    availability: 'never',
    safety: 'safe',
    reason: 'Whether the .dockerignore pattern or the COPY is wrong is the author\'s call, and the fix for the former is in another file.',
  },
  create(context) {
    const dockerignore = context.buildContext?.dockerignore;
    const patterns: DockerignorePattern[] = typeof dockerignore === 'string' ? parseDockerignore(dockerignore) : [];
    // Without a .dockerignore (the usual case) there is nothing to look at.
    if (patterns.length === 0) return {};
    const check = (instruction: InstructionInfo) => {
      for (const source of contextSources(instruction)) {
        if (source.path === '' || isGlob(source.path)) continue;
        const pattern = excludingPattern(patterns, source.path);
        if (!pattern || hasExceptionBelow(patterns, source.path)) continue;
        context.report({
          range: source.word.range,
          message: `\`${source.word.value}\` is excluded by .dockerignore (line ${pattern.line}: \`${pattern.text}\`), so the build cannot ${instruction.keyword.toLowerCase()} it: change the pattern or stop copying it`,
        });
      }
    };
    return { COPY: check, ADD: check };
  },
});
