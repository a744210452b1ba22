import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildModel } from '../../model';
import type { ShellWord } from '../../shell-types';
import { findInstallCalls, optionValue, parseArguments, type InstallSyntax, type OptionTable } from './pinning-command-line';

function wordsOf(script: string): ShellWord[] {
  const run = buildModel(`FROM debian:12\nRUN tool ${script}\n`).stages[0].instructions[1];
  return run.script!.commands[0].args;
}

function parse(script: string, table: OptionTable): { options: Array<[string, string | null]>; operands: string[] } {
  const parsed = parseArguments(wordsOf(script), table);
  return {
    options: parsed.options.map((option) => [option.name, option.value]),
    operands: parsed.operands.map((word) => word.value),
  };
}

const GETOPT: OptionTable = { withValue: new Set(['-t', '--target']), bundlesShortOptions: true };
const GUESSING: OptionTable = { withValue: new Set(['--prefix']), flags: new Set(['-g', '--global']), bundlesShortOptions: false };

describe('parseArguments, getopt style', () => {
  it('reads a value after, attached to, or at the end of a bundle of short options', () => {
    assert.deepEqual(parse('-t one a -ttwo b -yt three c', GETOPT), {
      options: [['-t', 'one'], ['-t', 'two'], ['-y', null], ['-t', 'three']],
      operands: ['a', 'b', 'c'],
    });
  });

  it('reads long options with a separate or an `=` value, and flags without one', () => {
    assert.deepEqual(parse('--target x a --target=y --quiet b', GETOPT), {
      options: [['--target', 'x'], ['--target', 'y'], ['--quiet', null]],
      operands: ['a', 'b'],
    });
  });

  it('takes everything after `--` (quoted or not: the program cannot tell) as operands, and `-` as an operand', () => {
    assert.deepEqual(parse('-y -- -t a', GETOPT), { options: [['-y', null]], operands: ['-t', 'a'] });
    assert.deepEqual(parse('- "--" -b', GETOPT), { options: [], operands: ['-', '-b'] });
  });

  it('never reads a word with a variable as an option', () => {
    assert.deepEqual(parse('$OPTS a', GETOPT), { options: [], operands: ['$OPTS', 'a'] });
  });
});

describe('parseArguments, a parser that guesses values for unknown options', () => {
  it('gives an unknown option the next word, unless that word is an option', () => {
    assert.deepEqual(parse('--unknown v a --other -g b', GUESSING), {
      options: [['--unknown', 'v'], ['--other', null], ['-g', null]],
      operands: ['a', 'b'],
    });
  });

  it('reads known flags and `--no-…` as flags, and does not split single-dash words', () => {
    assert.deepEqual(parse('--global a --no-save b -race c', GUESSING), {
      options: [['--global', null], ['--no-save', null], ['-race', 'c']],
      operands: ['a', 'b'],
    });
  });
});

describe('findInstallCalls', () => {
  const syntax: InstallSyntax = {
    programs: /^pkg$/,
    pythonModule: 'pkg',
    installSubcommands: [['install'], ['module', 'install']],
    globalOptions: { withValue: new Set(['-D']), bundlesShortOptions: true },
    installOptions: { withValue: new Set(['-r']), bundlesShortOptions: true },
  };
  const calls = (script: string) => {
    const run = buildModel(`FROM debian:12\nRUN ${script}\n`).stages[0].instructions[1];
    return findInstallCalls(run.script!, syntax);
  };

  it('uses the global table before the subcommand and the install table after it', () => {
    const [call] = calls('pkg -D dir install -D -r repo a b');
    assert.deepEqual(call.packages.map((word) => word.value), ['a', 'b']);
    assert.deepEqual(call.subcommand.map((word) => word.value), ['install']);
    assert.equal(optionValue(call, '-r'), 'repo');
    assert.equal(optionValue(call, '-D'), '', 'the last -D is a flag after the subcommand');
    assert.equal(optionValue(call, '--missing'), null);
  });

  it('matches subcommand paths, and python -m launchers', () => {
    const found = calls('pkg module install m:1 && python3 -m pkg install a && python -u -mpkg install b && pkg list c');
    assert.deepEqual(
      found.map((call) => [call.subcommand.map((word) => word.value).join(' '), call.packages.map((word) => word.value)]),
      [
        ['module install', ['m:1']],
        ['install', ['a']],
        ['install', ['b']],
      ],
    );
  });

  it('finds nested calls, in document order', () => {
    const found = calls('if true; then pkg install a; fi; (pkg install b)');
    assert.deepEqual(found.map((call) => call.packages[0].value), ['a', 'b']);
  });

  it('reads a program pattern that lists names as those names exactly, and a real pattern as a pattern', () => {
    const install = (programs: RegExp, script: string) => {
      const run = buildModel(`FROM debian:12\nRUN ${script}\n`).stages[0].instructions[1];
      const listed: InstallSyntax = { ...syntax, programs, pythonModule: undefined };
      return findInstallCalls(run.script!, listed).map((call) => call.invocation.name);
    };
    const names = /^(pkg-3|pkg5|microdnf)$/;
    assert.deepEqual(install(names, 'pkg-3 install a && pkg4 install b && sudo microdnf install c && pkg5x install d'), ['pkg-3', 'microdnf']);
    assert.deepEqual(install(/^pkg\d?$/, 'pkg4 install a && pkg44 install b'), ['pkg4']);
    assert.deepEqual(install(/^PKG$/i, 'pkg install a'), ['pkg'], 'a flagged pattern is tested as written');
  });
});
