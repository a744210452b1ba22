import { testRule } from '../testing/rule-tester';
import rule from './onbuild-forbidden-trigger';

testRule(rule, {
  valid: ['FROM alpine:3.20\nONBUILD COPY . /app/\nONBUILD RUN make\n', { name: 'plain FROM and MAINTAINER', code: 'FROM alpine:3.20\nMAINTAINER me\nFROM alpine:3.20\n' }],
  invalid: [
    {
      name: 'hadolint: FROM',
      code: 'FROM alpine:3.20\nONBUILD FROM debian:12-slim\n',
      errors: [{ message: 'ONBUILD cannot trigger FROM: the build fails. Remove it, or move it out of ONBUILD', line: 2, column: 9, endColumn: 13 }],
    },
    {
      name: 'hadolint: ONBUILD and MAINTAINER; CRLF',
      code: 'FROM alpine:3.20\r\nONBUILD ONBUILD RUN echo hi\r\nonbuild maintainer me\r\n',
      errors: [{ line: 2, column: 9, message: /trigger ONBUILD/ }, { line: 3, column: 9, message: /trigger MAINTAINER/ }],
    },
    {
      name: 'before the first FROM too',
      code: 'ONBUILD FROM alpine:3.20\nFROM alpine:3.20\n',
      errors: [{ line: 1, column: 9 }],
    },
  ],
});
