import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DockerfileParser, Run } from 'dockerfile-ast';
import fc from 'fast-check';
import type { Position, Range } from './rule';
import { parseScript, type RunScript, type ScriptSource, type ShellCommand, type ShellWord } from './shell';
import { lineStarts, offsetAt } from './text-edits';

const SCRIPT_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT']);

/** The ScriptSource of the n-th RUN/CMD/ENTRYPOINT of a Dockerfile, found with dockerfile-ast. */
function scriptSource(dockerfile: string, options: { instruction?: number; withHeredocs?: boolean } = {}): ScriptSource {
  const starts = lineStarts(dockerfile);
  const offset = (position: Position) => offsetAt(dockerfile, starts, position);
  const document = DockerfileParser.parse(dockerfile);
  const instruction = document.getInstructions().filter((i) => SCRIPT_KEYWORDS.has(i.getKeyword()))[options.instruction ?? 0];
  assert.ok(instruction, 'the snippet has that instruction');
  const args = instruction.getArgumentsRange();
  const start = args ? offset(args.start) : offset(instruction.getRange().end);
  const heredocs =
    instruction instanceof Run && options.withHeredocs !== false
      ? instruction.getHeredocs().flatMap((heredoc) => {
          const content = heredoc.getContentRange();
          return content ? [{ name: heredoc.getName(), contentStart: offset(content.start), contentEnd: offset(content.end) }] : [];
        })
      : [];
  return {
    text: dockerfile,
    lineStarts: starts,
    start,
    end: args ? offset(args.end) : start,
    escapeCharacter: document.getEscapeCharacter(),
    heredocs,
  };
}

function parse(dockerfile: string, options?: { instruction?: number; withHeredocs?: boolean }): RunScript {
  return parseScript(scriptSource(dockerfile, options));
}

function range(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}

/** One line per command: separator, `↳` when nested, the words' values, redirections in braces. */
function outline(script: RunScript): string[] {
  return script.commands.map((command: ShellCommand) =>
    [
      command.separator ?? '',
      command.nested ? '↳' : '',
      ...command.assignments.map((word) => word.value),
      command.program?.value ?? '',
      ...command.args.map((word) => word.value),
      ...command.redirections.map((word) => `{${word.value}}`),
    ]
      .filter((part) => part !== '')
      .join(' '),
  );
}

function values(words: ShellWord[]): string[] {
  return words.map((word) => word.value);
}

/** The document text a range covers. */
function textAt(text: string, starts: number[], at: Range): string {
  return text.slice(offsetAt(text, starts, at.start), offsetAt(text, starts, at.end));
}

const APT_SCRIPT = [
  'FROM debian:12',
  'RUN apt-get update \\',
  '    # refresh the lists first',
  '',
  '    && apt-get install -y curl \\',
  '    && rm -rf /var/lib/apt/lists/*',
  'USER app',
].join('\n');

describe('parseScript: shell form', () => {
  it('splits continued lines at && and skips comment and empty lines inside the instruction', () => {
    const script = parse(APT_SCRIPT);
    assert.equal(script.form, 'shell');
    assert.equal(script.incomplete, false);
    assert.deepEqual(outline(script), ['apt-get update', '&& apt-get install -y curl', '&& rm -rf /var/lib/apt/lists/*']);
    const [update, install, remove] = script.commands;
    assert.deepEqual(update.range, range(1, 4, 1, 18));
    assert.deepEqual(update.program?.range, range(1, 4, 1, 11));
    assert.equal(update.separatorRange, null);
    assert.deepEqual(install.range, range(4, 7, 4, 30));
    assert.deepEqual(install.separatorRange, range(4, 4, 4, 6));
    assert.deepEqual(install.args[2].range, range(4, 26, 4, 30));
    assert.deepEqual(remove.range, range(5, 7, 5, 34));
    assert.deepEqual(remove.args[1].range, range(5, 14, 5, 34));
    assert.deepEqual(script.range, range(1, 4, 5, 34));
  });

  it('keeps the exact document text of a word joined across a continuation', () => {
    const script = parse('FROM a\nRUN apt-get ins\\\ntall -y \\\n  curl\n');
    const word = script.commands[0].args[0];
    assert.deepEqual(values(script.commands[0].args), ['install', '-y', 'curl']);
    assert.equal(word.raw, 'ins\\\ntall');
    assert.deepEqual(word.range, range(1, 12, 2, 4));
  });

  it('records ||, ;, |, |& and & separators with their ranges', () => {
    const script = parse('FROM a\nRUN a || b; c | d & e |& f');
    assert.deepEqual(outline(script), ['a', '|| b', '; c', '| d', '& e', '| f']);
    assert.deepEqual(
      script.commands.map((command) => command.separatorRange),
      [null, range(1, 6, 1, 8), range(1, 10, 1, 11), range(1, 14, 1, 15), range(1, 18, 1, 19), range(1, 22, 1, 24)],
    );
  });

  it('removes quotes and resolves escapes in values, keeping raw text and flags', () => {
    const script = parse(`FROM a\nRUN echo "hello world" 'single  $HOME' "$HOME/x" a\\ b "esc\\"aped" mixed"quo"'ted' \${V:-d}`);
    const args = script.commands[0].args;
    assert.deepEqual(values(args), ['hello world', 'single  $HOME', '$HOME/x', 'a b', 'esc"aped', 'mixedquoted', '${V:-d}']);
    assert.deepEqual(args.map((word) => word.quoted), [true, true, true, true, true, true, false]);
    assert.deepEqual(args.map((word) => word.hasExpansion), [false, false, true, false, false, false, true]);
    assert.equal(args[0].raw, '"hello world"');
    assert.deepEqual(args[0].range, range(1, 9, 1, 22));
    assert.equal(args[1].raw, "'single  $HOME'");
  });

  it('treats # at the start of a word as a comment, also across Docker-joined lines', () => {
    assert.deepEqual(outline(parse('FROM a\nRUN echo a#b # note && rm x')), ['echo a#b']);
    // Docker joins the lines first, so the shell comment swallows the continued line too.
    assert.deepEqual(outline(parse('FROM a\nRUN echo a # note \\\n  && echo b\n')), ['echo a']);
  });

  it('parses the commands inside $(…), backticks and <(…) as nested commands that run first', () => {
    const script = parse('FROM a\nRUN echo "v=$(cat /etc/version | tr -d .)" && ls');
    assert.deepEqual(outline(script), ['↳ cat /etc/version', '| ↳ tr -d .', 'echo v=$(cat /etc/version | tr -d .)', '&& ls']);
    assert.deepEqual(script.commands[0].range, range(1, 14, 1, 30));
    assert.deepEqual(script.commands[1].range, range(1, 33, 1, 40));
    assert.equal(script.commands[2].args[0].hasExpansion, true);
    assert.deepEqual(outline(parse('FROM a\nRUN ln -s "$(dirname $(which python3))" /py')), [
      '↳ which python3',
      '↳ dirname $(which python3)',
      'ln -s $(dirname $(which python3)) /py',
    ]);
    assert.deepEqual(outline(parse('FROM a\nRUN echo `uname -m` $((1 + 2)) && diff <(ls a) b')), [
      '↳ uname -m',
      'echo `uname -m` $((1 + 2))',
      '↳ ls a',
      '&& diff <(ls a) b',
    ]);
  });

  it('finds the commands of if, for, while and case bodies, but not the keywords', () => {
    const dockerfile = [
      'FROM a',
      'RUN if [ -f /x ]; then \\',
      '      apt-get update; \\',
      '    else \\',
      '      echo missing; \\',
      '    fi && for p in a b; do pip install "$p"; done',
    ].join('\n');
    assert.deepEqual(outline(parse(dockerfile)), ['↳ [ -f /x ]', '; ↳ apt-get update', '; ↳ echo missing', '&& ↳ pip install $p']);
    const loops = 'FROM a\nRUN while read -r l; do echo "$l"; done < list; case "$ARCH" in amd64|x86_64) A=x;; *) A=y;; esac; echo $A';
    const script = parse(loops);
    assert.deepEqual(outline(script), ['↳ read -r l', '; ↳ echo $l', '; ↳ A=x', '↳ A=y', '; echo $A']);
    assert.equal(script.commands[2].program, null);
    assert.equal(script.incomplete, false);
  });

  it('finds the commands of subshells, groups and functions', () => {
    const script = parse('FROM a\nRUN (cd /src && make) > /dev/null 2>&1; { echo a; echo b; } | tee log; f() { rm -f x; }; f');
    assert.deepEqual(outline(script), ['↳ cd /src', '&& ↳ make', '; ↳ echo a', '; ↳ echo b', '| tee log', '↳ rm -f x', '; f']);
    assert.equal(script.incomplete, false);
  });

  it('reads [[ … ]] as one command whose && and < are test operators', () => {
    assert.deepEqual(outline(parse('FROM a\nRUN [[ -f a && "$x" < b ]] && echo ok')), ['[[ -f a && $x < b ]]', '&& echo ok']);
  });

  it('puts redirections in redirections, operator and target as one word', () => {
    const script = parse('FROM a\nRUN make install > /dev/null 2>&1 && cat < in.txt >> out.log && ./run &>/tmp/log 2>/dev/null');
    const [make, cat, run] = script.commands;
    assert.deepEqual(values(make.args), ['install']);
    assert.deepEqual(values(make.redirections), ['>/dev/null', '2>&1']);
    assert.deepEqual(make.redirections.map((word) => word.raw), ['> /dev/null', '2>&1']);
    assert.deepEqual(make.redirections[0].range, range(1, 17, 1, 28));
    assert.deepEqual(make.range, range(1, 4, 1, 33));
    assert.deepEqual(values(cat.redirections), ['<in.txt', '>>out.log']);
    assert.deepEqual(values(run.redirections), ['&>/tmp/log', '2>/dev/null']);
    assert.deepEqual(run.args, []);
  });

  it('reads leading VAR=value words as assignments', () => {
    const script = parse('FROM a\nRUN DEBIAN_FRONTEND=noninteractive A="x y" B= apt-get install -y tzdata FOO=bar');
    const [command] = script.commands;
    assert.deepEqual(values(command.assignments), ['DEBIAN_FRONTEND=noninteractive', 'A=x y', 'B=']);
    assert.deepEqual(command.assignments[0].range, range(1, 4, 1, 34));
    assert.deepEqual(command.program?.range, range(1, 46, 1, 53));
    assert.deepEqual(values(command.args), ['install', '-y', 'tzdata', 'FOO=bar']);
    assert.deepEqual(command.range, range(1, 4, 1, 79));
  });

  it('starts after the flags of the instruction', () => {
    const script = parse('FROM a\nRUN --mount=type=cache,target=/root/.cache pip install x');
    assert.deepEqual(script.range, range(1, 43, 1, 56));
    assert.deepEqual(script.commands[0].range, range(1, 43, 1, 56));
  });

  it('marks what it does not understand as incomplete, without throwing', () => {
    for (const script of ['echo "open', "echo 'open", 'a &&', '&& a', 'echo $(ls', 'if true; then echo', 'fi', 'echo >', 'a )']) {
      assert.equal(parse(`FROM a\nRUN ${script}`).incomplete, true, script);
    }
    for (const script of ['a;', 'a &', 'a &&\\\n b', 'echo "a # b"', 'true']) {
      assert.equal(parse(`FROM a\nRUN ${script}`).incomplete, false, script);
    }
  });
});

describe('parseScript: exec form', () => {
  it('decodes the JSON strings and builds one command from them', () => {
    const script = parse('FROM a\nRUN ["apt-get", "install", "-y", "curl"]');
    assert.equal(script.form, 'exec');
    assert.deepEqual(values(script.execArgs), ['apt-get', 'install', '-y', 'curl']);
    assert.deepEqual(script.execArgs[0].range, range(1, 5, 1, 14));
    assert.equal(script.execArgs[0].raw, '"apt-get"');
    assert.deepEqual(script.execArgs[3].range, range(1, 33, 1, 39));
    assert.deepEqual(outline(script), ['apt-get install -y curl']);
    assert.deepEqual(script.commands[0].range, range(1, 5, 1, 39));
  });

  it('decodes escapes and follows continuation lines', () => {
    const script = parse('FROM a\nCMD ["sh", "-c", \\\n  "echo \\"hi\\" \\u0041"]\n');
    assert.deepEqual(values(script.execArgs), ['sh', '-c', 'echo "hi" A']);
    assert.deepEqual(script.execArgs[2].range, range(2, 2, 2, 22));
  });

  it('falls back to shell form when the JSON is not an array of strings', () => {
    const script = parse('FROM a\nRUN ["apt-get", install]');
    assert.equal(script.form, 'shell');
    assert.deepEqual(outline(script), ['[apt-get, install]']);
    assert.equal(parse('FROM a\nRUN [1, 2]').form, 'shell');
    assert.equal(parse('FROM a\nRUN ["a"] && b').form, 'shell');
    assert.equal(parse('FROM a\nRUN []').form, 'exec');
  });
});

describe('parseScript: heredocs', () => {
  const HEREDOC_SCRIPT = [
    'FROM a',
    'RUN <<EOF',
    'set -e',
    'apt-get update && apt-get install -y curl',
    'cat <<CONF > /etc/x.conf',
    'key=value',
    'CONF',
    'EOF',
    'RUN echo after',
  ].join('\n');

  it('parses a heredoc given to the shell as the script, with document ranges', () => {
    const script = parse(HEREDOC_SCRIPT);
    assert.equal(script.form, 'heredoc');
    assert.equal(script.incomplete, false);
    assert.deepEqual(outline(script), ['set -e', 'newline apt-get update', '&& apt-get install -y curl', 'newline cat {<<CONF} {>/etc/x.conf}']);
    assert.deepEqual(script.commands[0].range, range(2, 0, 2, 6));
    assert.deepEqual(script.commands[1].separatorRange, range(2, 6, 3, 0));
    assert.deepEqual(script.commands[2].range, range(3, 18, 3, 41));
    assert.deepEqual(script.heredocs, [
      { name: 'EOF', content: 'set -e\napt-get update && apt-get install -y curl\ncat <<CONF > /etc/x.conf\nkey=value\nCONF', contentRange: range(2, 0, 6, 4) },
    ]);
  });

  it('finds the same bodies without the heredoc ranges from dockerfile-ast', () => {
    assert.deepEqual(parse(HEREDOC_SCRIPT, { withHeredocs: false }), parse(HEREDOC_SCRIPT));
  });

  it('does not parse a heredoc that is the stdin of another program', () => {
    const script = parse('FROM a\nRUN python3 <<EOF\nimport sys\nprint(sys.version)\nEOF\n');
    assert.equal(script.form, 'shell');
    assert.deepEqual(outline(script), ['python3 {<<EOF}']);
    assert.deepEqual(script.heredocs, [{ name: 'EOF', content: 'import sys\nprint(sys.version)', contentRange: range(2, 0, 3, 18) }]);
  });

  it('parses a heredoc read by a shell from stdin as nested commands after that shell', () => {
    const script = parse('FROM a\nRUN bash -ex -o pipefail <<EOF && echo done\napt-get update\nrm -rf /var/lib/apt/lists/*\nEOF\n');
    assert.equal(script.form, 'shell');
    assert.deepEqual(outline(script), ['bash -ex -o pipefail {<<EOF}', '↳ apt-get update', 'newline ↳ rm -rf /var/lib/apt/lists/*', '&& echo done']);
    assert.deepEqual(script.commands[1].range, range(2, 0, 2, 14));
    assert.deepEqual(outline(parse('FROM a\nRUN bash -c "echo $0" <<EOF\napt-get update\nEOF\n')), ['bash -c echo $0 {<<EOF}']);
    assert.deepEqual(outline(parse('FROM a\nRUN sh setup.sh <<EOF\napt-get update\nEOF\n')), ['sh setup.sh {<<EOF}']);
  });

  it('does not parse a heredoc script for another interpreter as shell', () => {
    const script = parse('FROM a\nRUN <<EOF\n#!/usr/bin/env python3\nprint("hi")\nEOF\n');
    assert.equal(script.form, 'heredoc');
    assert.deepEqual(script.commands, []);
    assert.deepEqual(outline(parse('FROM a\nRUN <<EOF\n#!/bin/bash\necho hi\nEOF\n')), ['echo hi']);
  });

  it('strips tabs before the delimiter of <<-', () => {
    const script = parse('FROM a\nRUN <<-EOT\n\techo one\n\tEOT\nRUN b');
    assert.equal(script.incomplete, false);
    assert.deepEqual(outline(script), ['echo one']);
    assert.deepEqual(script.commands[0].range, range(2, 1, 2, 9));
  });

  it('reads several (quoted) heredocs of one line in order', () => {
    const dockerfile = "FROM a\nRUN <<\"A\" cat > /a && cat <<'B' > /b\nx $y\nA\nb\nB\n";
    for (const withHeredocs of [true, false]) {
      const script = parse(dockerfile, { withHeredocs });
      assert.deepEqual(outline(script), ['cat {<<A} {>/a}', '&& cat {<<B} {>/b}']);
      assert.deepEqual(script.heredocs, [
        { name: 'A', content: 'x $y', contentRange: range(2, 0, 2, 4) },
        { name: 'B', content: 'b', contentRange: range(4, 0, 4, 1) },
      ]);
      assert.equal(script.incomplete, false);
    }
  });

  it('reads an unterminated heredoc to the end of the file and marks it incomplete', () => {
    for (const withHeredocs of [true, false]) {
      const script = parse('FROM a\nRUN <<EOF\napt-get update\n', { withHeredocs });
      assert.equal(script.form, 'heredoc');
      assert.equal(script.incomplete, true);
      assert.deepEqual(outline(script), ['apt-get update']);
      assert.deepEqual(script.heredocs[0].contentRange, range(2, 0, 3, 0));
    }
    assert.equal(parseScript({ ...scriptSource('FROM a\nRUN cat <<EOF'), heredocs: [] }).incomplete, true);
  });
});

describe('parseScript: line endings and escape characters', () => {
  it('gives the same ranges with CRLF line endings', () => {
    const crlf = APT_SCRIPT.replace(/\n/g, '\r\n');
    assert.deepEqual(parse(crlf), parse(APT_SCRIPT));
    const word = parse('FROM a\r\nRUN apt-get ins\\\r\ntall\r\n').commands[0].args[0];
    assert.equal(word.value, 'install');
    assert.equal(word.raw, 'ins\\\r\ntall');
    assert.deepEqual(word.range, range(1, 12, 2, 4));
    const heredoc = parse('FROM a\r\nRUN <<EOF\r\necho a\r\necho b\r\nEOF\r\n');
    assert.deepEqual(outline(heredoc), ['echo a', 'newline echo b']);
    assert.deepEqual(heredoc.commands[1].separatorRange, range(2, 6, 3, 0));
    assert.equal(heredoc.heredocs[0].content, 'echo a\r\necho b');
  });

  it('uses the backtick for continuations with # escape=` and keeps backslashes in paths', () => {
    const dockerfile = [
      '# escape=`',
      'FROM mcr.microsoft.com/windows/servercore:ltsc2022',
      'RUN powershell -Command `',
      '    New-Item -ItemType Directory C:\\app ; `',
      '    Copy-Item C:\\src\\* C:\\app',
      'RUN cmd /S /C dir C:\\',
      'RUN echo "done"',
    ].join('\n');
    const script = parse(dockerfile);
    assert.deepEqual(outline(script), ['powershell -Command New-Item -ItemType Directory C:\\app', '; Copy-Item C:\\src\\* C:\\app']);
    assert.deepEqual(script.commands[0].args[4].range, range(3, 33, 3, 39));
    assert.deepEqual(outline(parse(dockerfile, { instruction: 1 })), ['cmd /S /C dir C:\\']);
  });
});

describe('parseScript: robustness', () => {
  function rawSource(text: string): ScriptSource {
    return { text, lineStarts: lineStarts(text), start: Math.min(4, text.length), end: text.length, escapeCharacter: '\\', heredocs: [] };
  }

  /** Every word's raw is the document text of its range, inside the script. */
  function assertConsistent(script: RunScript, text: string): void {
    const words = script.commands.flatMap((c) => [...c.assignments, ...(c.program ? [c.program] : []), ...c.args, ...c.redirections]);
    const starts = lineStarts(text);
    for (const word of [...words, ...script.execArgs]) assert.equal(textAt(text, starts, word.range), word.raw);
  }

  it('never throws on random text and keeps raw and ranges consistent', () => {
    const pieces = ['a', ' ', '"', "'", '\\', '\n', '\r\n', '$(', '${', ')', '(', '`', '&&', '|', ';', ';;', '<<EOF', '<<-X', 'EOF', '#', '{', '}', 'if', 'then', 'fi', 'case', 'in', 'esac', '[', ']', ',', '=', '>', '2>&1', '\t'];
    const shellish = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((parts) => `RUN ${parts.join('')}`);
    fc.assert(
      fc.property(fc.oneof(shellish, fc.string({ unit: 'binary', maxLength: 200 })), (text) => {
        const script = parseScript(rawSource(text));
        assertConsistent(script, text);
      }),
      { numRuns: 300 },
    );
  });

  // Speed is measured by `npm run bench`, not asserted here: timings in unit tests flake on busy machines.
  it('survives absurd sources and deep nesting', () => {
    const text = 'RUN echo hi';
    assert.doesNotThrow(() => parseScript({ ...rawSource(text), start: 50, end: -3, escapeCharacter: '' }));
    assert.doesNotThrow(() => parseScript({ ...rawSource(text), heredocs: [{ name: 'x', contentStart: 99, contentEnd: -1 }] }));
    for (const unit of ['(', '$(', '`', 'if ', '{ ', '! ', '<<', '"', "'", '\\']) {
      const source = rawSource(`RUN ${unit.repeat(100_000 / unit.length)}`);
      const script = parseScript(source);
      assertConsistent(script, source.text);
    }
  });

  it('parses a 100 KB script completely', () => {
    const line = 'apt-get install -y --no-install-recommends "pkg" $(echo x) > /dev/null \\\n  && ';
    const source = rawSource(`RUN ${line.repeat(100_000 / line.length)}true\n`);
    const script = parseScript(source);
    assert.equal(script.commands.length, 2 * Math.floor(100_000 / line.length) + 1);
    assert.equal(script.incomplete, false);
  });
});
