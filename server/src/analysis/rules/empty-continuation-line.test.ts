import { testRule } from '../testing/rule-tester';
import rule from './empty-continuation-line';

const MESSAGE = 'Empty continuation line in this RUN: remove it (or make it a # comment); BuildKit will reject it in a future release';

testRule(rule, {
  valid: [
    'FROM alpine:3.20\nRUN apk add --no-cache \\\n    gnupg \\\n    curl\n',
    { name: 'BuildKit: a comment line is not empty', code: 'FROM alpine:3.20\nEXPOSE \\\n# Port\n80\n' },
    { name: 'blank lines between instructions', code: 'FROM alpine:3.20\n\nRUN echo hi\n\n\nCMD ["sh"]\n' },
    { name: 'a file ending in a dangling continuation has no empty line after it', code: 'FROM debian:12\nRUN a \\\n' },
    { name: 'a dangling continuation at the end of a CRLF file', code: 'FROM debian:12\r\nRUN a \\\r\n' },
    { name: 'no report (and no throw) where the parser cannot scan the instruction for heredocs', code: 'FROM alpine:3.20\nONBUILD \\\r# x\nWORKDIR app\n' },
    { name: 'a line of a no-break space is text to the parser, not an empty line', code: 'FROM alpine:3.20 \\\n\u00A0\n   \nRUN echo hi\n' },
    { name: 'blank lines in a heredoc body are content', code: 'FROM alpine:3.20\nRUN <<EOF\necho one\n\necho two\nEOF\nCOPY <<EOF /etc/motd\nhello\n\nworld\nEOF\n' },
  ],
  invalid: [
    {
      name: 'BuildKit example: one finding per instruction, every empty line removed',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache \\\n\n    gnupg \\\n\n    curl\n',
      errors: [{ message: MESSAGE, line: 3, column: 1 }],
      output: 'FROM alpine:3.20\nRUN apk add --no-cache \\\n    gnupg \\\n    curl\n',
    },
    {
      name: 'BuildKit: EXPOSE; whitespace-only lines count; CRLF',
      code: 'FROM alpine:3.20\r\nEXPOSE \\\r\n   \r\n80\r\n',
      errors: [{ line: 3, message: /in this EXPOSE/ }],
      output: 'FROM alpine:3.20\r\nEXPOSE \\\r\n80\r\n',
    },
    {
      name: 'a blank line after a dangling continuation at the end of the file',
      code: 'FROM debian:12\nRUN a \\\n   \n',
      errors: [{ line: 3, message: MESSAGE }],
      output: 'FROM debian:12\nRUN a \\\n',
    },
    {
      name: 'escape=`, ONBUILD',
      code: '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nONBUILD RUN dir `\n\n    C:\\\n',
      errors: [{ line: 4 }],
      output: '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nONBUILD RUN dir `\n    C:\\\n',
    },
  ],
});
