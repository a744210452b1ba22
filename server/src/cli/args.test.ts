import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCommandLine, UsageError } from './args';

const known = new Set(['apt-lists-not-cleaned', 'lw101', 'dl3009']);
const parse = (...argv: string[]) => parseCommandLine(argv, (key) => known.has(key.toLowerCase()));

describe('parseCommandLine', () => {
  it('defaults to stylish output without fixes', () => {
    assert.deepEqual(parse('.'), {
      kind: 'lint',
      options: {
        format: 'stylish',
        fix: false,
        unsafeFixes: false,
        sizes: false,
        target: undefined,
        rules: {},
        failureThreshold: undefined,
        configPath: undefined,
        paths: ['.'],
      },
    });
  });

  it('reads every option, with repeated --rule', () => {
    const command = parse(
      '--format', 'json', '--fix', '--unsafe-fixes', '--sizes', '--target=build', '--rule', 'LW101=off', '--rule', 'DL3009=error',
      '--failure-threshold', 'Warning', '--config', 'ci/.hadolint.yaml', 'a', 'b',
    );
    assert.deepEqual(command, {
      kind: 'lint',
      options: {
        format: 'json',
        fix: true,
        unsafeFixes: true,
        sizes: true,
        target: 'build',
        rules: { LW101: 'off', DL3009: 'error' },
        failureThreshold: 'warning',
        configPath: 'ci/.hadolint.yaml',
        paths: ['a', 'b'],
      },
    });
  });

  it('treats - as standard input and -- as the end of options', () => {
    const command = parse('-', '--', '--odd-name');
    assert.equal(command.kind, 'lint');
    assert.deepEqual(command.kind === 'lint' && command.options.paths, ['-', '--odd-name']);
  });

  it('answers --help and --version before validating anything else', () => {
    assert.deepEqual(parse('--help', '--format', 'xml'), { kind: 'help' });
    assert.deepEqual(parse('-h'), { kind: 'help' });
    assert.deepEqual(parse('--version'), { kind: 'version' });
    assert.deepEqual(parse('-v'), { kind: 'version' });
  });

  for (const [argv, message] of [
    [['--nope', '.'], /Unknown option '--nope'/],
    [['--format', 'sarif', '.'], /unknown format 'sarif'/],
    [['--format'], /argument missing/],
    [['--rule', 'LW101=warn', '.'], /unknown setting 'warn' for rule LW101/],
    [['--rule', '=off', '.'], /expects ID=SETTING/],
    [['--rule', 'LW999=off', '.'], /unknown rule 'LW999'/],
    [['--target', '', '.'], /--target needs a stage name/],
    [['--unsafe-fixes', '.'], /only applies together with --fix/],
    [['--fix', '-'], /cannot write back to standard input/],
    [[], /no input/],
  ] as const) {
    it(`rejects ${argv.join(' ') || 'an empty command line'}`, () => {
      assert.throws(() => parse(...argv), (error: unknown) => error instanceof UsageError && message.test(error.message));
    });
  }
  it('accepts hadolint\'s threshold words, rejects unknown ones and an empty --config', () => {
    assert.throws(() => parse('--failure-threshold', 'fatal', '.'), /unknown failure threshold 'fatal' \(expected error\|warning\|info\|hint\|none\)/);
    const hadolintWord = parse('--failure-threshold', 'style', '.');
    assert.equal(hadolintWord.kind === 'lint' && hadolintWord.options.failureThreshold, 'hint');
    assert.throws(() => parse('--config=', '.'), /--config needs a file path/);
  });
});
