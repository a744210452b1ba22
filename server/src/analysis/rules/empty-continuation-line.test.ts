import { testRule } from '../testing/rule-tester';
import rule from './empty-continuation-line';

const MESSAGE = 'Empty continuation line in this RUN: remove it (or make it a # comment); BuildKit will reject it in a future release';

testRule(rule, {
  valid: [
    'FROM alpine:3.20\nRUN apk add --no-cache \\\n    gnupg \\\n    curl\n',
    { name: 'BuildKit: a comment line is not empty', code: 'FROM alpine:3.20\nEXPOSE \\\n# Port\n80\n' },
    { name: 'blank lines between instructions', code: 'FROM alpine:3.20\n\nRUN echo hi\n\n\nCMD ["sh"]\n' },
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
      name: 'escape=`, ONBUILD',
      code: '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nONBUILD RUN dir `\n\n    C:\\\n',
      errors: [{ line: 4 }],
      output: '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nONBUILD RUN dir `\n    C:\\\n',
    },
  ],
});
