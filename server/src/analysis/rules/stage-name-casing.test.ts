import { testRule } from '../testing/rule-tester';
import rule from './stage-name-casing';

testRule(rule, {
  valid: [
    { name: 'BuildKit: lower case', code: 'FROM alpine AS builder-base\n' },
    { name: 'an unnamed stage', code: 'FROM alpine:3.20\n' },
  ],
  invalid: [
    {
      name: 'BuildKit: BuilderBase',
      code: 'FROM alpine AS BuilderBase\n',
      errors: [{ message: "Write the stage name 'BuilderBase' in lower case ('builderbase'): stage names are compared without case anyway.", line: 1, column: 16, endColumn: 27 }],
      output: 'FROM alpine AS builderbase\n',
    },
    {
      name: 'renames FROM, COPY --from and RUN --mount=from references, not ONBUILD or images',
      code: [
        'FROM golang:1.22 AS Build',
        'FROM Build AS Test',
        'RUN --mount=type=bind,from=BUILD,target=/src go test ./...',
        'FROM scratch',
        'COPY --from=Build /app /app',
        'COPY --from=Test /report /report',
        'ONBUILD COPY --from=Build /x /x',
        '',
      ].join('\n'),
      errors: [{ line: 1, column: 21 }, { message: /'Test'/, line: 2 }],
      output: [
        'FROM golang:1.22 AS build',
        'FROM build AS test',
        'RUN --mount=type=bind,from=build,target=/src go test ./...',
        'FROM scratch',
        'COPY --from=build /app /app',
        'COPY --from=test /report /report',
        'ONBUILD COPY --from=Build /x /x',
        '',
      ].join('\n'),
    },
    {
      name: 'a reference written before the stage is another thing (an image) and stays; CRLF',
      code: 'FROM alpine:3.20\r\nCOPY --from=Tools /t /t\r\nFROM alpine:3.20 AS Tools\r\n',
      errors: [{ line: 3 }],
      output: 'FROM alpine:3.20\r\nCOPY --from=Tools /t /t\r\nFROM alpine:3.20 AS tools\r\n',
    },
  ],
});
