import { testRule } from '../testing/rule-tester';
import rule from './misplaced-parser-directive';

const IGNORED = 'This syntax directive is read as a plain comment: directives must come first, before any instruction, blank line or other comment';

testRule(rule, {
  valid: [
    '# syntax=docker/dockerfile:1\n# check=skip=JSONArgsRecommended\n\n# Build the API image\nFROM alpine:3.20\n',
    { name: 'spaces and any casing are allowed', code: '#syntax = docker/dockerfile:1\n#  ESCAPE=`\n# Check=error=true\nFROM alpine:3.20\n' },
    { name: 'a directive-like line inside a heredoc or a continuation is not a comment', code: 'FROM alpine:3.20\nRUN <<EOF\n# syntax=not-a-directive\nEOF\nRUN echo a \\\n# check=skip=all\n  b\n' },
    { name: 'other key=value comments are plain comments', code: 'FROM alpine:3.20\n# version=1.0\n' },
  ],
  invalid: [
    {
      name: 'after a comment that is not a directive',
      code: '# Build the API image\n# syntax=docker/dockerfile:1\nFROM alpine:3.20\n',
      errors: [{ message: IGNORED, line: 2, column: 1, endColumn: 29 }],
      output: '# syntax=docker/dockerfile:1\n# Build the API image\nFROM alpine:3.20\n',
    },
    {
      name: 'after a blank line; after an unknown directive; CRLF',
      code: '# foo=bar\r\n# check=error=true\r\n\r\n#syntax=docker/dockerfile:1\r\nFROM alpine:3.20\r\n',
      errors: [{ line: 2, message: /^This check directive/ }, { line: 4 }],
      output: '# check=error=true\r\n#syntax=docker/dockerfile:1\r\n# foo=bar\r\n\r\nFROM alpine:3.20\r\n',
    },
    {
      name: 'after an instruction, with one of that name already set: no fix',
      code: '# syntax=docker/dockerfile:1\nFROM alpine:3.20\n# syntax=docker/dockerfile:1.7\n',
      errors: [{ line: 3, message: /^This syntax directive is read as a plain comment/ }],
      output: null,
    },
    {
      name: 'after a byte order mark: the moved line goes after the mark',
      code: '\uFEFF# Build the API image\n# syntax=docker/dockerfile:1\nFROM alpine:3.20\n',
      errors: [{ line: 2, message: IGNORED }],
      output: '\uFEFF# syntax=docker/dockerfile:1\n# Build the API image\nFROM alpine:3.20\n',
    },
    {
      name: 'below the directives already at the top, which stay where parsers read them (escape above all)',
      code: '\uFEFF# escape=`\nFROM alpine:3.20\nRUN echo `\n  hi\n# check=skip=all \\$\n',
      errors: [{ line: 5, message: /^This check directive/ }],
      output: '\uFEFF# escape=`\n# check=skip=all \\$\nFROM alpine:3.20\nRUN echo `\n  hi\n',
    },
    {
      name: 'a valid late escape directive in a file without continuations is moved',
      code: '# Windows image\n# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY app C:\\app\n',
      errors: [{ line: 2, message: /^This escape directive/ }],
      output: '# escape=`\n# Windows image\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY app C:\\app\n',
    },
    {
      name: 'a late escape directive with an invalid character: at the top it would stop the build, no fix',
      code: '\r# escape=xx\nFROM alpine:3.20\n',
      errors: [{ line: 2, message: /^This escape directive/ }],
      output: null,
    },
    {
      name: 'a late escape directive in a file with continuations: moving it would regroup the lines, no fix',
      code: 'FROM alpine:3.20\nRUN echo a \\\n  b\n# escape=`\n',
      errors: [{ line: 4, message: /^This escape directive/ }],
      output: null,
    },
    {
      name: 'BuildKit stops on a repeated directive',
      code: '# syntax=docker/dockerfile:1\n# syntax=docker/dockerfile:1.7\nFROM alpine:3.20\n',
      errors: [{ line: 2, message: 'The syntax directive is already set above: BuildKit allows one per file and stops the build' }],
      output: null,
    },
    {
      name: 'an invalid escape character',
      code: '# escape=|\nFROM alpine:3.20\n',
      errors: [{ line: 1, message: 'Invalid escape character "|": only \\ and ` are allowed, the build fails' }],
      output: null,
    },
  ],
});
