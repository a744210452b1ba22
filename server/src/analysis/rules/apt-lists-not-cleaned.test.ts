import { testRule } from '../testing/rule-tester';
import rule from './apt-lists-not-cleaned';

const COST = /keeps ~20 MB of apt lists in this layer/;

testRule(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /tmp/* /var/lib/apt/lists/*\n',
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists\n',
    'FROM debian:trixie\nRUN apt-get update && apt-get install -y curl && apt-get dist-clean\n',
    'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl\n',
    'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt,sharing=locked \\\n    apt-get update && apt-get install -y curl\n',
    { name: 'install without update fetches no lists', code: 'FROM debian:12\nRUN apt-get install -y ./local.deb\n' },
    {
      name: 'a builder stage may keep its lists',
      code: 'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nRUN gcc -o /app main.c\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\n',
    },
    { name: 'ONBUILD triggers run in the child image', code: 'FROM debian:12\nONBUILD RUN apt-get update\n' },
    { name: 'heredoc with cleanup', code: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nrm -rf /var/lib/apt/lists/*\nEOF\n' },
  ],
  invalid: [
    {
      name: 'update and install in separate RUNs are merged, with the cleanup',
      code: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\n',
      errors: [{ message: COST, line: 2, column: 5, endLine: 2, endColumn: 19 }],
      output:
        'FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl \\\n    && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'update and install in one RUN get the cleanup appended',
      code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y curl\nCMD ["curl"]\n',
      errors: [{ message: '`apt-get update` keeps ~20 MB of apt lists in this layer; remove them in the same RUN (`rm -rf /var/lib/apt/lists/*`)' }],
      output: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*\nCMD ["curl"]\n',
    },
    {
      name: 'the file’s `&& \\` style is kept',
      code: 'FROM debian:12\nRUN apt-get update && \\\n  apt-get install -y curl\n',
      errors: [{ line: 2 }],
      output: 'FROM debian:12\nRUN apt-get update && \\\n  apt-get install -y curl && \\\n  rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'a cleanup in a later RUN saves nothing and is folded in',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\nCOPY app /app\nRUN rm -rf /var/lib/apt/lists/*\n',
      errors: [{ message: /the cleanup on line 4 runs in a later layer and saves nothing/, line: 2 }],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*\nCOPY app /app\n',
    },
    {
      name: 'update, install and a later cleanup become one RUN; a comment between moves above it',
      code: 'FROM debian:12\nRUN apt-get update\n# tools\nRUN apt-get install -y curl && curl --version\nRUN echo built && rm -rf /var/lib/apt/lists/*\n',
      errors: [{ line: 2 }],
      output:
        'FROM debian:12\n# tools\nRUN apt-get update \\\n    && apt-get install -y curl \\\n    && curl --version \\\n    && rm -rf /var/lib/apt/lists/*\nRUN echo built\n',
    },
    {
      name: '`apt update` through sudo',
      code: 'FROM ubuntu:24.04\nRUN sudo apt update && sudo apt install -y curl\n',
      errors: [{ message: /^`apt update` keeps/, line: 2, column: 5 }],
      output: 'FROM ubuntu:24.04\nRUN sudo apt update && sudo apt install -y curl \\\n    && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'escape=` writes backtick continuations',
      code: '# escape=`\nFROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n',
      errors: [{ line: 3 }],
      output: '# escape=`\nFROM debian:12\nRUN apt-get update `\n    && apt-get install -y curl `\n    && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'CRLF line endings are kept',
      code: 'FROM debian:12\r\nRUN apt-get update\r\nRUN apt-get install -y curl\r\n',
      errors: [{ line: 2 }],
      output: 'FROM debian:12\r\nRUN apt-get update \\\r\n    && apt-get install -y curl \\\r\n    && rm -rf /var/lib/apt/lists/*\r\n',
    },
    {
      name: 'a stage the shipped stage is built on ships its layers',
      code: 'FROM debian:12 AS base\nRUN apt-get update && apt-get install -y curl\n\nFROM base\nCOPY app /app\n',
      errors: [{ line: 2 }],
      output: 'FROM debian:12 AS base\nRUN apt-get update && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*\n\nFROM base\nCOPY app /app\n',
    },
    {
      name: 'heredoc: reported, not rewritten',
      code: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n',
      errors: [{ line: 3, column: 1 }],
      output: null,
    },
    {
      name: 'exec form: reported, not rewritten',
      code: 'FROM debian:12\nRUN ["apt-get", "update"]\nRUN apt-get install -y curl\n',
      errors: [{ line: 2 }],
      output: null,
    },
    {
      name: 'no fix when a later RUN still installs from the lists',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN apt-get install -y git\n',
      errors: [{ line: 2 }],
      output: null,
    },
    {
      name: 'no fix when the install does not follow the update',
      code: 'FROM debian:12\nRUN apt-get update\nCOPY app /app\nRUN apt-get install -y curl\n',
      errors: [{ line: 2 }],
      output: null,
    },
    {
      name: 'a stage built FROM this one installing without update blocks the fix',
      code: 'FROM debian:12 AS base\nRUN apt-get update && apt-get install -y curl\nFROM base\nRUN apt-get install -y git\n',
      errors: [{ line: 2 }],
      output: null,
    },
  ],
});
