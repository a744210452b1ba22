import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from './engine';
import { parseHadolintConfig, type HadolintConfigResult } from './hadolint-config';

function configOf(text: string) {
  const result = parseHadolintConfig(text);
  assert.ok(result.ok, JSON.stringify(result));
  return result;
}

const messages = (result: HadolintConfigResult) => (result.ok ? result.warnings : result.problems).map((problem) => problem.message);

describe('parseHadolintConfig', () => {
  it("reads hadolint's README example", () => {
    const { config, warnings } = configOf(
      [
        'failure-threshold: info',
        'ignored:',
        '  - DL3000',
        '  - SC1010',
        'override:',
        '  error: [DL3001, DL3002]',
        '  warning:',
        '    - DL3042',
        '  info: [DL3032]',
        '  style: [DL3015]',
        'trustedRegistries:',
        '  - docker.io',
        '  - my-company.com:5000',
        '  - "*.gcr.io"',
        'format: json',
        'no-color: true',
      ].join('\n'),
    );
    assert.deepEqual({ ...config.rules }, { DL3000: 'off', SC1010: 'off', DL3001: 'error', DL3002: 'error', DL3042: 'warning', DL3032: 'info', DL3015: 'hint' });
    assert.deepEqual(config.trustedRegistries, ['docker.io', 'my-company.com:5000', '*.gcr.io']);
    assert.equal(config.failureThreshold, 'info');
    assert.deepEqual(warnings, []);
  });

  it('lets ignored win over override, and the more severe override win over the less', () => {
    const { config } = configOf('ignored: [DL3008]\noverride:\n  error: [DL3008, DL3009]\n  style: [DL3009]\n');
    assert.deepEqual({ ...config.rules }, { DL3008: 'off', DL3009: 'error' });
  });

  it('maps every failure threshold, and no-fail to none', () => {
    const thresholds = ['error', 'warning', 'info', 'style', 'ignore', 'none'].map((value) => configOf(`failure-threshold: ${value}`).config.failureThreshold);
    assert.deepEqual(thresholds, ['error', 'warning', 'info', 'hint', 'hint', 'none']);
    assert.equal(configOf('failure-threshold: error\nno-fail: true').config.failureThreshold, 'none');
  });

  it('takes a threshold named like an object member for an unknown one', () => {
    for (const value of ['constructor', 'toString', '__proto__']) {
      const result = configOf(`failure-threshold: ${value}`);
      assert.equal(result.config.failureThreshold, undefined, value);
      assert.equal(result.warnings.length, 1, value);
    }
  });

  it('accepts a single trusted registry and reads disable-ignore-pragma', () => {
    const { config } = configOf('trustedRegistries: quay.io\ndisable-ignore-pragma: true\n');
    assert.deepEqual(config.trustedRegistries, ['quay.io']);
    assert.equal(config.allowSuppressions, false);
    assert.equal(configOf('{}').config.allowSuppressions, undefined);
  });

  it('treats an empty file or a comment-only file as an empty configuration', () => {
    for (const text of ['', '# nothing yet\n']) assert.deepEqual(configOf(text), { ok: true, config: { rules: {} }, warnings: [] });
  });

  it('keeps what it can and warns about the rest', () => {
    const result = configOf('ignored: [DL3008, 42]\noverride:\n  fatal: [DL3009]\nfailure-threshold: loud\nlabel-schema:\n  author: text\nfrobnicate: 1\n');
    assert.deepEqual({ ...result.config.rules }, { DL3008: 'off' });
    assert.deepEqual(messages(result), [
      "unknown severity 'fatal' under 'override' is ignored",
      "'ignored' must be a list of strings; other entries are ignored",
      "'failure-threshold' must be one of error, warning, info, style, ignore, none",
      "'label-schema' is not supported by Layerwise and is ignored",
      "unknown key 'frobnicate' is ignored",
    ]);
  });

  it('reports a file it cannot use, with the line, and never throws', () => {
    const broken = parseHadolintConfig('ignored: [DL3008\noverride: {\n');
    assert.equal(broken.ok, false);
    assert.ok(!broken.ok && broken.problems[0].line !== undefined && broken.problems[0].message.length > 0);
    assert.equal(parseHadolintConfig('- DL3008\n').ok, false);
    assert.equal(parseHadolintConfig('x'.repeat(300 * 1024)).ok, false);
    // Ten levels of nine aliases each would expand to 9^10 entries.
    const letters = 'abcdefghij';
    const bomb = [...letters].map((name, level) => `${name}: &${name} [${Array(9).fill(level === 0 ? 'x' : `*${letters[level - 1]}`).join(', ')}]`).join('\n');
    assert.equal(parseHadolintConfig(bomb).ok, false, 'an alias bomb is refused, not expanded');
  });

  it('maps onto rules through their hadolint aliases, below the user\'s own settings', () => {
    const { config } = configOf('ignored: [DL3020]\n');
    const text = 'FROM alpine:3.20\nADD app.sh /app.sh\n';
    const addCode = analyze(text).findings.find((finding) => finding.aliases.hadolint === 'DL3020')?.code;
    assert.ok(addCode, 'the catalog has a DL3020 twin');
    assert.equal(analyze(text, { importedRules: config.rules }).findings.some((finding) => finding.code === addCode), false);
    assert.equal(analyze(text, { importedRules: config.rules, rules: { [addCode]: 'error' } }).findings.find((finding) => finding.code === addCode)?.severity, 'error');
  });
});
