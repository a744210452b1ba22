import { testRule } from '../testing/rule-tester';
import rule from './maintainer-deprecated';

testRule(rule, {
  valid: ['FROM alpine:3.20\nLABEL org.opencontainers.image.authors="moby@example.com"\n'],
  invalid: [
    {
      name: 'a lower-case file gets a lower-case LABEL',
      code: 'from alpine:3.20\nmaintainer moby@example.com\n',
      errors: [{ line: 2 }],
      output: 'from alpine:3.20\nlabel org.opencontainers.image.authors="moby@example.com"\n',
    },
    {
      name: 'BuildKit example',
      code: 'FROM alpine:3.20\nMAINTAINER moby@example.com\n',
      errors: [{ message: 'MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors="…"', line: 2, column: 1, endColumn: 11 }],
      output: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="moby@example.com"\n',
    },
    {
      name: 'quotes and dollars are escaped so the label keeps the text',
      code: 'FROM alpine:3.20\nmaintainer Jane "JD" Doe <jane$@example.com>\n',
      errors: [{ line: 2 }],
      output: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane \\"JD\\" Doe <jane\\$@example.com>"\n',
    },
    {
      name: 'escape=` and CRLF',
      code: '# escape=`\r\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\r\nMAINTAINER "Team" C:\\ops\r\n',
      errors: [{ line: 3 }],
      output: '# escape=`\r\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\r\nLABEL org.opencontainers.image.authors="`"Team`" C:\\ops"\r\n',
    },
    {
      name: 'inside an unterminated heredoc the line is script text: reported, not rewritten (fuzz seed 11233)',
      code: " FROM --chown=app:app ubuntu\nRUN << eot sh -e\napt-get -y install python3 || npm install -g yarn ) set -eux\nMAINTAINER 'open\n && wget -qO- http://x | bash ( apk add curl & apt-get install -y curl; x=$((1+2))\n",
      errors: [{ line: 4 }],
      output: null,
    },
    {
      name: 'before the first FROM too',
      code: 'MAINTAINER ops@example.com\nFROM alpine:3.20\n',
      errors: [{ line: 1 }],
      output: 'LABEL org.opencontainers.image.authors="ops@example.com"\nFROM alpine:3.20\n',
    },
  ],
});
