import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeWithRules, applyFixes, resolveRuleSettings } from './engine';
import { defineRule, type Rule } from './rule';

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
    assert.equal(stages[1].estimate.bytes, 0);
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
