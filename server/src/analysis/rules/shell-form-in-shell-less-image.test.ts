import { testRule } from '../testing/rule-tester';
import rule from './shell-form-in-shell-less-image';

const DISTROLESS = 'gcr.io/distroless/static-debian12:nonroot';

testRule(rule, {
  valid: [
    { name: 'exec form', code: `FROM ${DISTROLESS}\nENTRYPOINT ["/app"]\nCMD ["serve"]\nHEALTHCHECK CMD ["/app", "health"]\n` },
    { name: 'images with a shell', code: 'FROM node:20-slim\nRUN npm ci\nCMD node server.js\n' },
    { name: 'distroless :debug has busybox', code: 'FROM gcr.io/distroless/base-debian12:debug\nRUN echo hi\nCMD /app\n' },
    { name: 'a SHELL instruction names a shell the author put there', code: `FROM ${DISTROLESS}\nCOPY --from=busybox:1.36 /bin/busybox /busybox/busybox\nSHELL ["/busybox/busybox", "sh", "-c"]\nRUN echo hi\n` },
    { name: 'a root filesystem added to scratch', code: 'FROM scratch\nADD rootfs.tar.xz /\nCMD bash\n' },
    { name: 'a shell copied in', code: 'FROM scratch\nCOPY --from=busybox:1.36 /bin/sh /bin/sh\nRUN /app migrate\n' },
    { name: 'CMD of a stage that does not ship', code: `FROM ${DISTROLESS} AS tools\nCMD /app\nFROM alpine:3.20\nCOPY --from=tools /app /app\nCMD ["/app"]\n` },
    { name: 'ONBUILD triggers are not judged', code: `FROM ${DISTROLESS}\nONBUILD RUN /app init\n` },
    { name: 'a heredoc with a shebang runs its interpreter', code: 'FROM gcr.io/distroless/python3-debian12\nRUN <<EOF\n#!/usr/bin/python3\nprint(1)\nEOF\n' },
    { name: 'an unknown base', code: 'ARG BASE\nFROM $BASE\nCMD /app\n' },
  ],
  invalid: [
    {
      name: 'no fix for a shell keyword (`time` times a pipeline in the shell)',
      code: `FROM ${DISTROLESS}\nRUN time /app init\n`,
      errors: [{ line: 2 }],
      output: null,
    },
    {
      code: `FROM ${DISTROLESS}\nCOPY app /app\nENTRYPOINT /app serve\n`,
      errors: [
        {
          message: `${DISTROLESS} has no shell, so shell-form ENTRYPOINT cannot start: use exec form ["/app", "serve"]`,
          line: 3,
          column: 1,
          endColumn: 11,
        },
      ],
      output: `FROM ${DISTROLESS}\nCOPY app /app\nENTRYPOINT ["/app", "serve"]\n`,
    },
    {
      name: 'RUN fails the build, in any stage; scratch',
      code: 'FROM scratch AS data\nRUN /busybox mkdir /data\nFROM alpine:3.20\nCOPY --from=data /data /data\nUSER 1000\n',
      errors: [{ message: 'scratch has no shell, so shell-form RUN fails the build: use exec form ["/busybox", "mkdir", "/data"]', line: 2 }],
      output: 'FROM scratch AS data\nRUN ["/busybox", "mkdir", "/data"]\nFROM alpine:3.20\nCOPY --from=data /data /data\nUSER 1000\n',
    },
    {
      name: 'no fix when the command needs a shell',
      code: `FROM ${DISTROLESS}\nCMD /app --port=$PORT && echo done\n`,
      errors: [{ message: `${DISTROLESS} has no shell, so shell-form CMD cannot start: use exec form (a JSON array) or do this in a build stage` }],
      output: null,
    },
    {
      name: 'no fix for a command sent to the background',
      code: `FROM ${DISTROLESS}\nRUN /app init &\n`,
      errors: [{ line: 2 }],
      output: null,
    },
    {
      name: 'HEALTHCHECK with options; chiseled',
      code: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled\nHEALTHCHECK --interval=30s CMD /app/healthcheck --quiet\n',
      errors: [{ line: 2, column: 1, endColumn: 12 }],
      output: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled\nHEALTHCHECK --interval=30s CMD ["/app/healthcheck", "--quiet"]\n',
    },
    {
      name: 'a HEALTHCHECK calling curl gets no fix (the image has no curl either)',
      code: `FROM ${DISTROLESS}\nHEALTHCHECK CMD curl -f http://localhost/\n`,
      errors: [{ line: 2 }],
      output: null,
    },
    {
      name: 'the stage FROM a distroless stage; heredoc RUN',
      code: `FROM ${DISTROLESS} AS base\nFROM base\nRUN <<EOF\n/app init\nEOF\n`,
      errors: [{ line: 3 }],
      output: null,
    },
    {
      name: 'CRLF and continuation lines',
      code: `FROM ${DISTROLESS}\r\nCMD /app \\\r\n    serve\r\n`,
      errors: [{ line: 2 }],
      output: `FROM ${DISTROLESS}\r\nCMD ["/app", "serve"]\r\n`,
    },
  ],
});
