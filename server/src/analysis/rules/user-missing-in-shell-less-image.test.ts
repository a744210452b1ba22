import { testRule } from '../testing/rule-tester';
import rule from './user-missing-in-shell-less-image';

const DISTROLESS = 'gcr.io/distroless/static-debian12';

testRule(rule, {
  valid: [
    { name: 'distroless users', code: `FROM ${DISTROLESS}\nUSER nonroot\nUSER nobody:nobody\nUSER root\n` },
    { name: 'numeric UIDs need no lookup', code: 'FROM scratch\nCOPY app /app\nUSER 10001:10001\n' },
    { name: 'a name in an image with a shell (useradd can create it)', code: 'FROM debian:12-slim\nRUN useradd app\nUSER app\n' },
    { name: 'distroless :debug has a shell', code: `FROM ${DISTROLESS}:debug\nUSER app\n` },
    { name: 'an image we know nothing about', code: 'FROM example.com/custom/runtime:1\nUSER app\n' },
    { name: 'chiseled images have app', code: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled\nUSER app\n' },
    { name: 'Chainguard images have nonroot', code: 'FROM cgr.dev/chainguard/static:latest\nUSER nonroot\n' },
    {
      name: 'an /etc/passwd copied in from a build stage',
      code: 'FROM alpine:3.20 AS users\nRUN adduser -D -u 10001 app\nFROM scratch\nCOPY --from=users /etc/passwd /etc/passwd\nUSER app\n',
    },
    { name: 'a root filesystem added', code: 'FROM scratch\nADD rootfs.tar.gz /\nUSER app\n' },
    { name: 'a user given by a variable', code: `FROM ${DISTROLESS}\nARG RUN_AS=app\nUSER $RUN_AS\n` },
    { name: 'build stages are not judged', code: `FROM ${DISTROLESS} AS unused\nUSER app\nFROM ${DISTROLESS}\nUSER nonroot\n` },
    { name: 'ONBUILD USER runs in the child image', code: `FROM ${DISTROLESS}\nONBUILD USER app\nUSER nonroot\n` },
  ],
  invalid: [
    {
      code: `FROM ${DISTROLESS}\nCOPY app /app\nUSER appuser\nENTRYPOINT ["/app"]\n`,
      errors: [
        {
          message: `${DISTROLESS} has no user "appuser" in its /etc/passwd and no shell to create one: use a user it has (nonroot, nobody) or a numeric UID such as 65532:65532`,
          line: 3,
          column: 6,
          endColumn: 13,
        },
      ],
      output: `FROM ${DISTROLESS}\nCOPY app /app\nUSER nonroot\nENTRYPOINT ["/app"]\n`,
    },
    {
      name: 'scratch has no /etc/passwd: a numeric UID',
      code: 'FROM scratch\nCOPY app /app\nUSER app:app\n',
      errors: [{ message: 'scratch has no user "app" in its /etc/passwd and no shell to create one: use a numeric UID such as 65532:65532', line: 3, column: 6, endColumn: 13 }],
      output: 'FROM scratch\nCOPY app /app\nUSER 65532:65532\n',
    },
    {
      name: 'scratch: a named group fails too',
      code: 'FROM scratch\nUSER 1000:app\n',
      errors: [{ message: /^scratch has no group "app"/ }],
      output: 'FROM scratch\nUSER 65532:65532\n',
    },
    {
      name: 'chiseled: app is the user it has',
      code: 'FROM mcr.microsoft.com/dotnet/runtime-deps:8.0-jammy-chiseled\nUSER dotnet\n',
      errors: [{ message: /use a user it has \(app\)/ }],
      output: 'FROM mcr.microsoft.com/dotnet/runtime-deps:8.0-jammy-chiseled\nUSER app\n',
    },
    {
      name: 'multi-stage: the stage built on a distroless stage',
      code: `FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM ${DISTROLESS} AS base\nCOPY --from=build /app /app\nFROM base\nUSER web\n`,
      errors: [{ line: 6 }],
      output: `FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM ${DISTROLESS} AS base\nCOPY --from=build /app /app\nFROM base\nUSER nonroot\n`,
    },
    {
      name: 'CRLF',
      code: `FROM ${DISTROLESS}\r\nUSER app\r\n`,
      errors: [{ line: 2, column: 6, endColumn: 9 }],
      output: `FROM ${DISTROLESS}\r\nUSER nonroot\r\n`,
    },
  ],
});
