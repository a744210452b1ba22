import { testRule } from '../testing/rule-tester';
import rule from './pipe-without-pipefail';

const MESSAGE = 'A failure before this `|` is ignored: the pipeline succeeds when its last command does. Set pipefail (SHELL ["/bin/bash", "-o", "pipefail", "-c"] or `set -o pipefail &&`)';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\nRUN curl -fsSL https://example.com/install.sh -o /tmp/i.sh && sh /tmp/i.sh\n',
    { name: 'hadolint: a SHELL with pipefail', code: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN wget -O - https://some.site | wc -l > /number\n' },
    { name: 'hadolint: a non-POSIX shell', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["pwsh", "-c"]\nRUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value\n' },
    { name: 'set -o pipefail in the RUN before the pipe', code: 'FROM alpine:3.20\nRUN set -euo pipefail && wget -qO- https://example.com | tar x\n' },
    { name: 'a SHELL in the stage it is built on', code: 'FROM debian:12-slim AS base\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM base\nRUN curl -fsSL https://example.com | sh\n' },
    { name: '|| is not a pipe', code: 'FROM debian:12-slim\nRUN test -f /x || touch /x\n' },
    { name: 'shell-less images, heredocs and ONBUILD are not judged', code: 'FROM debian:12-slim\nRUN <<EOF\ncurl -fsSL https://example.com | sh\nEOF\nONBUILD RUN curl -fsSL https://example.com | sh\nFROM gcr.io/distroless/static-debian12\nRUN a | b\n' },
  ],
  invalid: [
    {
      name: 'the SHELL goes above the ignore comment written for the RUN, which keeps applying to it (fuzz seed 17254)',
      code: "FROM build\n# hadolint ignore=DL3009,DL3015\nRUN echo 'single $quoted' && curl -fsSL https://example.com/x.sh | sh;\\\napt-get -y install python3\n",
      errors: [{ line: 3 }],
      output:
        "FROM build\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n# hadolint ignore=DL3009,DL3015\nRUN echo 'single $quoted' && curl -fsSL https://example.com/x.sh | sh;\\\napt-get -y install python3\n",
    },
    {
      name: 'a comment between the lines of the RUN before stays where it is; blank lines are kept',
      code: 'FROM debian:12-slim\nRUN apt-get update && \\\n# keep\n    apt-get install -y --no-install-recommends curl\n\n# fetch\nRUN curl -fsSL https://example.com/x.sh | sh\n',
      errors: [{ line: 7 }],
      output:
        'FROM debian:12-slim\nRUN apt-get update && \\\n# keep\n    apt-get install -y --no-install-recommends curl\n\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n# fetch\nRUN curl -fsSL https://example.com/x.sh | sh\n',
    },
    {
      name: 'a lower-case file gets a lower-case SHELL',
      code: 'from debian:12-slim\nrun curl -fsSL https://example.com/tool.tgz | tar -xz -C /usr/local/bin\n',
      errors: [{ line: 2 }],
      output: 'from debian:12-slim\nshell ["/bin/bash", "-o", "pipefail", "-c"]\nrun curl -fsSL https://example.com/tool.tgz | tar -xz -C /usr/local/bin\n',
    },
    {
      name: 'hadolint example; Debian gets a bash SHELL suggestion',
      code: 'FROM debian:12-slim\nRUN wget -O - https://some.site | wc -l > /number\n',
      errors: [{ message: MESSAGE, line: 2, column: 33, endColumn: 34 }],
      output: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN wget -O - https://some.site | wc -l > /number\n',
    },
    {
      name: 'Alpine gets set -o pipefail (busybox ash supports it)',
      code: 'FROM alpine:3.20\nRUN wget -qO- https://example.com/x.tgz | tar xz -C /opt\n',
      errors: [{ line: 2 }],
      output: 'FROM alpine:3.20\nRUN set -o pipefail && wget -qO- https://example.com/x.tgz | tar xz -C /opt\n',
    },
    {
      name: 'hadolint: a SHELL without pipefail does not help; set after the pipe does not count',
      code: 'FROM debian:12-slim\nSHELL ["/bin/sh", "-c"]\nRUN a | b && set -o pipefail\n',
      errors: [{ line: 3 }],
      output: 'FROM debian:12-slim\nSHELL ["/bin/sh", "-c"]\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b && set -o pipefail\n',
    },
    {
      name: 'an unknown base image: reported without a fix; CRLF',
      code: 'FROM example.com/custom/base:1\r\nRUN a | b\r\n',
      errors: [{ line: 2, column: 7 }],
      output: null,
    },
  ],
});
