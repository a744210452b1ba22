import { testRule } from '../testing/rule-tester';
import rule from './healthcheck-tool-missing';

const DISTROLESS = 'gcr.io/distroless/static-debian12:nonroot';

testRule(rule, {
  valid: [
    { name: 'the application probes itself', code: `FROM ${DISTROLESS}\nHEALTHCHECK CMD ["/app", "healthcheck"]\n` },
    { name: 'slim and alpine images may install curl', code: 'FROM node:20-slim\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nFROM alpine:3.20\nHEALTHCHECK CMD ["wget", "-q", "--spider", "http://localhost/"]\n' },
    { name: 'distroless :debug has busybox wget', code: 'FROM gcr.io/distroless/base-debian12:debug\nHEALTHCHECK CMD ["wget", "-q", "--spider", "http://localhost/"]\n' },
    { name: 'a static curl copied in', code: `FROM ${DISTROLESS}\nCOPY --from=ghcr.io/tarampampam/curl:8.7.1 /bin/curl /bin/curl\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\n` },
    { name: 'HEALTHCHECK NONE', code: `FROM ${DISTROLESS}\nHEALTHCHECK NONE\n` },
    { name: 'a stage that does not ship', code: `FROM ${DISTROLESS} AS probe\nHEALTHCHECK CMD ["curl", "http://x/"]\nFROM alpine:3.20\n` },
  ],
  invalid: [
    {
      code: `FROM ${DISTROLESS}\nHEALTHCHECK --interval=10s CMD ["curl", "-f", "http://localhost:8080/health"]\n`,
      errors: [
        {
          message: `${DISTROLESS} has no curl (nor a shell), so this healthcheck always fails: probe with a command the image has, such as your application's own health subcommand`,
          line: 2,
          column: 33,
          endColumn: 39,
        },
      ],
      output: null,
    },
    {
      name: 'shell form, wget by path; scratch',
      code: 'FROM scratch\nCOPY app /app\nHEALTHCHECK CMD /usr/bin/wget -qO- http://localhost/ || exit 1\n',
      errors: [{ message: /^scratch has no wget/, line: 3, column: 17, endColumn: 30 }],
      output: null,
    },
    {
      name: 'chiseled; CRLF',
      code: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled\r\nHEALTHCHECK CMD ["curl", "http://localhost:8080/"]\r\n',
      errors: [{ line: 2, column: 18 }],
      output: null,
    },
  ],
});
