import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, analyzeWithRules, applyFixes, resolveRuleSettings, withSizeEstimates } from './engine';
import { defineRule, type Rule } from './rule';
import suppressionNotAllowed from './rules/suppression-not-allowed';

/** Flags every RUN keyword; its fix lower-cases nothing but appends a marker comment-free flag. */
const everyRun = defineRule({
  id: 'every-run',
  code: 'LW901',
  aliases: { hadolint: 'DL9901', buildkit: 'EveryRun' },
  category: 'style',
  severity: 'warning',
  appliesTo: 'shipped-stages',
  docs: { summary: 'test rule', rationale: 'test', examples: { invalid: [], valid: [] } },
  fix: { availability: 'always', safety: 'safe' },
  create(context) {
    return {
      RUN(instruction) {
        context.report({
          range: instruction.keywordRange,
          message: 'a RUN',
          fixes: [{ title: 'lower-case', safety: 'safe', edits: [{ range: instruction.keywordRange, newText: 'run' }] }],
        });
      },
    };
  },
});

const everyFrom = defineRule({
  id: 'every-from',
  code: 'LW902',
  aliases: {},
  category: 'style',
  severity: 'info',
  appliesTo: 'all-stages',
  docs: { summary: 'test rule', rationale: 'test', examples: { invalid: [], valid: [] } },
  fix: { availability: 'never', safety: 'safe', reason: 'test' },
  create(context) {
    return { FROM: (instruction) => context.report({ range: instruction.keywordRange, message: 'a FROM' }) };
  },
});

const throwing = defineRule({
  ...everyFrom,
  id: 'throwing',
  code: 'LW903',
  create() {
    return {
      FROM() {
        throw new Error('boom');
      },
    };
  },
});

const rules: Rule[] = [everyRun, everyFrom];
const codesOf = (text: string, options = {}, ruleSet = rules) =>
  analyzeWithRules(ruleSet, text, options).findings.map((finding) => `${finding.code}@${finding.range.start.line}`);

describe('engine', () => {
  it('runs shipped-stage rules on the shipped chain only and all-stage rules everywhere', () => {
    const text = 'FROM alpine:3.24 AS build\nRUN make\nFROM alpine:3.24\nRUN echo hi\n';
    assert.deepEqual(codesOf(text), ['LW902@0', 'LW902@2', 'LW901@3']);
  });

  it('treats the stages a shipped stage is FROM as shipped', () => {
    const text = 'FROM alpine:3.24 AS base\nRUN apk info\nFROM base\nRUN echo hi\n';
    assert.deepEqual(codesOf(text).filter((code) => code.startsWith('LW901')), ['LW901@1', 'LW901@3']);
  });

  it('honours --target', () => {
    const text = 'FROM alpine:3.24 AS build\nRUN make\nFROM alpine:3.24\nRUN echo hi\n';
    assert.deepEqual(codesOf(text, { target: 'build' }), ['LW902@0', 'LW901@1', 'LW902@2']);
  });

  it('fills finding fields from the rule and overrides severity from settings', () => {
    const { findings } = analyzeWithRules(rules, 'FROM alpine:3.24\nRUN true\n', { rules: { DL9901: 'error' } });
    const run = findings.find((finding) => finding.rule === 'every-run');
    assert.ok(run);
    assert.equal(run.severity, 'error');
    assert.equal(run.code, 'LW901');
    assert.deepEqual(run.aliases, { hadolint: 'DL9901', buildkit: 'EveryRun' });
    assert.match(run.docsUrl, /docs\/rules\/every-run\.md$/);
    assert.deepEqual(run.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } });
  });

  it('turns rules off by id, code or alias, ignoring unknown keys and values', () => {
    const text = 'FROM alpine:3.24\nRUN true\n';
    assert.deepEqual(codesOf(text, { rules: { 'every-run': 'off' } }), ['LW902@0']);
    assert.deepEqual(codesOf(text, { rules: { lw902: 'off' } }), ['LW901@1']);
    assert.deepEqual(codesOf(text, { rules: { EveryRun: 'off', 'no-such-rule': 'off', 'every-from': 'loud' } }), [
      'LW902@0',
    ]);
    const resolved = resolveRuleSettings(rules, { 'every-from': 'loud' as never });
    assert.equal(resolved.size, 0);
  });

  it('honours # layerwise ignore= and # hadolint ignore= for the next instruction only', () => {
    const text = [
      'FROM alpine:3.24',
      '# layerwise ignore=LW901 the build needs it',
      'RUN one',
      '# hadolint ignore=DL3003,DL9901',
      '',
      'RUN two \\',
      '    && three',
      'RUN four',
      '# layerwise ignore=every-run',
      'RUN five',
    ].join('\n');
    assert.deepEqual(codesOf(text), ['LW902@0', 'LW901@7']);
  });

  it('honours # hadolint global ignore= and # check=skip= for the whole file', () => {
    assert.deepEqual(codesOf('# hadolint global ignore=DL9901\nFROM alpine:3.24\nRUN a\nRUN b\n'), ['LW902@1']);
    assert.deepEqual(codesOf('# check=skip=EveryRun\nFROM alpine:3.24\nRUN a\n'), ['LW902@1']);
    assert.deepEqual(codesOf('# check=skip=all\nFROM alpine:3.24\nRUN a\n'), []);
  });

  it('ignores suppressions when they are not allowed', () => {
    const text = 'FROM alpine:3.24\n# layerwise ignore=LW901\nRUN one\n';
    assert.deepEqual(codesOf(text, { allowSuppressions: false }), ['LW902@0', 'LW901@2']);
  });

  it('honours stage ignores up to the next FROM, from layerwise and hadolint comments', () => {
    const text = [
      '# layerwise stage ignore=every-from the build stage is throwaway',
      'FROM alpine:3.24 AS build',
      '# hadolint stage ignore=DL9901',
      'RUN a',
      'RUN b',
      'FROM alpine:3.24',
      'RUN c',
    ].join('\n');
    assert.deepEqual(codesOf(text, { target: 'build' }), ['LW902@5']);
    assert.deepEqual(codesOf(text), ['LW902@5', 'LW901@6']);
  });

  it('matches # check=skip= names exactly, as BuildKit does', () => {
    assert.deepEqual(codesOf('# check=skip=everyrun\nFROM alpine:3.24\nRUN a\n'), ['LW902@1', 'LW901@2']);
    assert.deepEqual(codesOf('# check=skip=EveryRun;bogus=1\nFROM alpine:3.24\nRUN a\n'), ['LW902@1', 'LW901@2']);
  });

  it('raises rules with a BuildKit twin to error under # check=error=true, unless the user set them', () => {
    const severities = (text: string, options = {}) =>
      analyzeWithRules(rules, text, options).findings.map((finding) => `${finding.code}:${finding.severity}`);
    const text = '# check=error=true\nFROM alpine:3.24\nRUN a\n';
    assert.deepEqual(severities(text), ['LW902:info', 'LW901:error']);
    assert.deepEqual(severities(text, { rules: { EveryRun: 'hint' } }), ['LW902:info', 'LW901:hint']);
    assert.deepEqual(severities(text, { importedRules: { DL9901: 'info' } }), ['LW902:info', 'LW901:error']);
    assert.deepEqual(severities(text, { importedRules: { DL9901: 'off' } }), ['LW902:info']);
    assert.deepEqual(severities('# check=error=false\nFROM alpine:3.24\nRUN a\n'), ['LW902:info', 'LW901:warning']);
  });

  it('applies imported settings below the user\'s own, rule by rule', () => {
    const severities = (options: object) =>
      analyzeWithRules(rules, 'FROM alpine:3.24\nRUN a\n', options).findings.map((finding) => `${finding.code}:${finding.severity}`);
    assert.deepEqual(severities({ importedRules: { DL9901: 'error', 'every-from': 'off' } }), ['LW901:error']);
    assert.deepEqual(severities({ importedRules: { DL9901: 'off' }, rules: { LW901: 'hint' } }), ['LW902:info', 'LW901:hint']);
  });

  it('reports every suppression comment through suppression-not-allowed when they are not allowed', () => {
    const text = ['# check=skip=EveryRun', 'FROM alpine:3.24', '# hadolint ignore=DL9901', 'RUN a'].join('\n');
    const withPolicy = [...rules, suppressionNotAllowed];
    const { findings } = analyzeWithRules(withPolicy, text, { allowSuppressions: false });
    assert.deepEqual(findings.map((finding) => `${finding.code}@${finding.range.start.line}`), ['LW501@0', 'LW902@1', 'LW501@2', 'LW901@3']);
    assert.match(findings[2].message, /would silence DL9901 for the next instruction/);
    assert.deepEqual(codesOf(text, {}, withPolicy), ['LW902@1'], 'allowed by default, and then silent');
    assert.deepEqual(codesOf(text, { allowSuppressions: false, rules: { LW501: 'off' } }, withPolicy), ['LW902@1', 'LW901@3']);
  });

  it('keeps going when a rule throws and reports it as an internal error', () => {
    const result = analyzeWithRules([throwing, everyRun], 'FROM alpine:3.24\nRUN a\n');
    assert.deepEqual(result.findings.map((finding) => finding.code), ['LW901']);
    assert.deepEqual(result.internalErrors, [{ rule: 'throwing', message: 'boom' }]);
  });

  it('summarises stages with their roles and base', () => {
    const { stages } = analyzeWithRules(rules, 'FROM golang:1.25-alpine AS build\nFROM scratch\nCOPY --from=build /app /app\n');
    assert.deepEqual(
      stages.map(({ index, name, ships, roles, base, line }) => ({ index, name, ships, roles, base, line })),
      [
        { index: 0, name: 'build', ships: false, roles: ['copied-from'], base: 'golang:1.25-alpine', line: 0 },
        { index: 1, name: null, ships: true, roles: ['ships'], base: 'scratch', line: 1 },
      ],
    );
    // What /app holds in the build stage is not known: from nothing up to the whole stage.
    assert.equal(stages[1].estimate.low, 0);
    assert.equal(stages[1].estimate.basis, 'heuristic');
  });

  it('adds the size estimate afterwards exactly as analyze() computes it at once', () => {
    const text = 'FROM debian:bookworm-slim AS build\nRUN apt-get update && apt-get install -y curl\nFROM build\nCOPY . /app\n';
    const options = { buildContext: { files: [{ path: 'app.js', bytes: 2048 }], dockerignore: null } };
    const withoutSizes = analyze(text, { ...options, estimateSizes: false });
    assert.deepEqual(withoutSizes.estimates, []);
    assert.ok(withoutSizes.stages.every((stage) => stage.estimate.basis === 'unknown'));
    const { model: laterModel, ...later } = withSizeEstimates(withoutSizes, options);
    const { model: onceModel, ...once } = analyze(text, options);
    assert.equal(laterModel, withoutSizes.model, 'the model is reused, not rebuilt');
    assert.ok(onceModel !== undefined && once.estimates.length === 2);
    assert.deepEqual(later, once);
  });
});

describe('applyFixes', () => {
  it('applies safe fixes and skips overlapping ones', () => {
    const text = 'FROM alpine:3.24\nRUN a\nRUN b\n';
    const { findings } = analyzeWithRules(rules, text);
    assert.equal(applyFixes(text, findings), 'FROM alpine:3.24\nrun a\nrun b\n');
    const doubled = [...findings, ...findings];
    assert.equal(applyFixes(text, doubled), 'FROM alpine:3.24\nrun a\nrun b\n');
  });

  it('applies unsafe fixes only when asked and never suggestions', () => {
    const text = 'FROM alpine:3.24\nRUN a\n';
    const [finding] = analyzeWithRules([everyRun], text).findings;
    const unsafe = { ...finding, fixes: finding.fixes.map((fix) => ({ ...fix, safety: 'unsafe' as const })) };
    const suggestion = { ...finding, fixes: finding.fixes.map((fix) => ({ ...fix, safety: 'suggestion' as const })) };
    assert.equal(applyFixes(text, [unsafe]), text);
    assert.equal(applyFixes(text, [unsafe], { unsafe: true }), 'FROM alpine:3.24\nrun a\n');
    assert.equal(applyFixes(text, [suggestion], { unsafe: true }), text);
  });
});

describe('a BuildKit check that covers several rules', () => {
  const twice = 'FROM alpine:3.24\nCMD ["a"]\nCMD ["b"]\nENTRYPOINT ["c"]\nENTRYPOINT ["d"]\nHEALTHCHECK CMD ["e"]\nHEALTHCHECK CMD ["f"]\n';
  const codes = (text: string, options = {}) =>
    analyze(text, options)
      .findings.map((finding) => finding.code)
      .filter((code) => ['LW303', 'LW304', 'LW305'].includes(code));

  it('is reported by each of them', () => {
    assert.deepEqual(codes(twice), ['LW303', 'LW304', 'LW305']);
  });

  it('silences all of them with # check=skip=MultipleInstructionsDisallowed', () => {
    assert.deepEqual(codes(`# check=skip=MultipleInstructionsDisallowed\n${twice}`), []);
  });

  it('configures all of them through the one name', () => {
    assert.deepEqual(codes(twice, { rules: { MultipleInstructionsDisallowed: 'off' } }), []);
  });
});
