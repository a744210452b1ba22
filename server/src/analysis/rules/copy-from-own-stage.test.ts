import { testRule } from '../testing/rule-tester';
import rule from './copy-from-own-stage';

testRule(rule, {
  valid: [
    { name: 'hadolint: another stage', code: 'FROM alpine:3.20 AS build\nRUN touch /a\nFROM alpine:3.20\nCOPY --from=build /a /a\n' },
    { name: 'an unnamed stage copying from an image', code: 'FROM alpine:3.20\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n' },
    { name: 'ONBUILD names a stage of another build', code: 'FROM alpine:3.20 AS build\nONBUILD COPY --from=build /a /b\n' },
  ],
  invalid: [
    {
      name: 'hadolint: COPY --from its own alias',
      code: 'FROM debian:12 AS build\nCOPY --from=build some stuff\n',
      errors: [{ message: "COPY --from=build names this very stage, which is not built yet: name an earlier stage, or copy within the stage with RUN cp.", line: 2, column: 13, endColumn: 18 }],
    },
    {
      name: 'case-insensitive, by index, and through RUN --mount (CRLF)',
      code: 'FROM debian:12 AS Build\r\nCOPY --from=build /a /b\r\nCOPY --from=0 /a /b\r\nRUN --mount=from=BUILD,target=/x ls\r\n',
      errors: [{ line: 2 }, { line: 3 }, { message: /^RUN --mount=from=BUILD names this very stage/, line: 4, column: 18 }],
    },
  ],
});
