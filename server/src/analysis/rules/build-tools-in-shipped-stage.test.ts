import { testRule } from '../testing/rule-tester';
import rule from './build-tools-in-shipped-stage';

const PY_APP = 'WORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\nCMD ["python", "app.py"]\n';

testRule(rule, {
  valid: [
    {
      name: 'the toolchain is in a builder stage',
      code: 'FROM python:3.12-slim AS builder\nRUN apt-get update && apt-get install -y --no-install-recommends gcc && rm -rf /var/lib/apt/lists/*\nRUN pip wheel -w /wheels psycopg2\n\nFROM python:3.12-slim\nCOPY --from=builder /wheels /wheels\nCMD ["python"]\n',
    },
    {
      name: 'apk --virtual group removed in the same RUN',
      code: 'FROM python:3.12-alpine\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev && pip install --no-cache-dir psycopg2 && apk del .build-deps\nCMD ["python", "app.py"]\n',
    },
    {
      name: 'apt purge of the same packages in the same RUN',
      code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc make && make -C /src && apt-get purge -y gcc make && rm -rf /var/lib/apt/lists/*\nCMD ["/usr/local/bin/app"]\n',
    },
    {
      name: 'official-image pattern: apt-mark auto + purge --auto-remove',
      code: 'FROM debian:bookworm-slim\nRUN savedAptMark="$(apt-mark showmanual)"; apt-get update; apt-get install -y --no-install-recommends gcc libc6-dev; make; apt-mark auto \'.*\' > /dev/null; apt-mark manual $savedAptMark; apt-get purge -y --auto-remove; rm -rf /var/lib/apt/lists/*\nCMD ["app"]\n',
    },
    { name: 'a build-environment image (no CMD)', code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential cmake && rm -rf /var/lib/apt/lists/*\n' },
    { name: 'an interactive tool image (CMD bash)', code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends gcc && rm -rf /var/lib/apt/lists/*\nCMD ["bash"]\n' },
    { name: 'a development image', code: 'FROM node:20\nRUN apt-get update && apt-get install -y --no-install-recommends make && rm -rf /var/lib/apt/lists/*\nCMD ["npm", "run", "dev"]\n' },
    { name: 'runtime libraries are not toolchains', code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 udev ca-certificates && rm -rf /var/lib/apt/lists/*\nCMD ["app"]\n' },
    { name: 'ONBUILD triggers run in the child image', code: 'FROM debian:bookworm-slim\nONBUILD RUN apt-get update && apt-get install -y gcc\nCMD ["app"]\n' },
    { name: 'only the --target stage ships', code: 'FROM debian:bookworm-slim AS dev\nRUN apt-get install -y gcc\nCMD ["app"]\nFROM debian:bookworm-slim AS prod\nCMD ["app"]\n', options: { target: 'prod' } },
  ],
  invalid: [
    {
      name: 'the new lines follow the file\'s keyword case, AS follows its own FROM (no LW345/LW346 finding)',
      code: 'FROM debian:bookworm-slim\nrun apt-get update && apt-get install -y --no-install-recommends build-essential && rm -rf /var/lib/apt/lists/*\nworkdir /src\ncmd ["/src/app"]\n',
      errors: [{ line: 2 }],
      output: 'FROM debian:bookworm-slim AS builder\nrun apt-get update && apt-get install -y --no-install-recommends build-essential && rm -rf /var/lib/apt/lists/*\nworkdir /src\n\nfrom debian:bookworm-slim\nworkdir /src\ncopy --from=builder /src /src\ncmd ["/src/app"]\n',
    },
    {
      name: 'single-stage python with gcc and headers: split suggested, site-packages copied along',
      code: `FROM python:3.12\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && rm -rf /var/lib/apt/lists/*\n${PY_APP}`,
      errors: [{ message: '`gcc`, `libpq-dev` are only needed to build: install them in a builder stage and copy the result into a small runtime stage (multi-stage build)', line: 2, column: 66, endColumn: 69 }],
      output:
        'FROM python:3.12 AS builder\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && rm -rf /var/lib/apt/lists/*\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n\nFROM python:3.12-slim\nWORKDIR /app\nCOPY --from=builder /app /app\nCOPY --from=builder /usr/local/lib/python3.12/site-packages /usr/local/lib/python3.12/site-packages\nCOPY --from=builder /usr/local/bin /usr/local/bin\nCMD ["python", "app.py"]\n',
    },
    {
      name: 'one finding per stage, on the first toolchain package; a named stage keeps its name on the runtime stage',
      code: 'FROM debian:bookworm-slim AS app\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential && rm -rf /var/lib/apt/lists/*\nRUN apt-get update && apt-get install -y --no-install-recommends cmake && rm -rf /var/lib/apt/lists/*\nWORKDIR /src\nENV MODE=release\n# serve\nEXPOSE 8080\nCMD ["/src/app"]\n',
      errors: [{ message: /^`build-essential` is only needed to build/, line: 2 }],
      output:
        'FROM debian:bookworm-slim AS builder\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential && rm -rf /var/lib/apt/lists/*\nRUN apt-get update && apt-get install -y --no-install-recommends cmake && rm -rf /var/lib/apt/lists/*\nWORKDIR /src\nENV MODE=release\n\nFROM debian:bookworm-slim AS app\nENV MODE=release\nWORKDIR /src\nCOPY --from=builder /src /src\n# serve\nEXPOSE 8080\nCMD ["/src/app"]\n',
    },
    {
      name: 'alpine build-base without a removal; no WORKDIR, so no fix',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache build-base\nCOPY . /src\nRUN make -C /src\nCMD ["/src/app"]\n',
      errors: [{ message: /^`build-base` is only needed/, line: 2, column: 24 }],
      output: null,
    },
    {
      name: 'dnf Development Tools group',
      code: 'FROM rockylinux:9\nRUN dnf groupinstall -y "Development Tools" && dnf clean all\nCMD ["/app"]\n',
      errors: [{ message: /^the Development Tools group are only needed/ }],
      output: null,
    },
    {
      name: 'in a stage the shipped one is built FROM: reported, no fix',
      code: 'FROM debian:bookworm-slim AS base\nRUN apt-get update && apt-get install -y --no-install-recommends gcc && rm -rf /var/lib/apt/lists/*\nFROM base\nWORKDIR /app\nCMD ["/app/run"]\n',
      errors: [{ line: 2 }],
      output: null,
    },
    {
      name: 'CRLF and a USER the runtime image has',
      code: 'FROM node:20\r\nRUN apt-get update && apt-get install -y --no-install-recommends g++ && rm -rf /var/lib/apt/lists/*\r\nWORKDIR /app\r\nUSER node\r\nCMD ["node", "index.js"]\r\n',
      errors: [{ line: 2 }],
      output:
        'FROM node:20 AS builder\r\nRUN apt-get update && apt-get install -y --no-install-recommends g++ && rm -rf /var/lib/apt/lists/*\r\nWORKDIR /app\r\nUSER node\r\n\r\nFROM node:20-slim\r\nWORKDIR /app\r\nCOPY --from=builder /app /app\r\nUSER node\r\nCMD ["node", "index.js"]\r\n',
    },
    {
      name: 'escape=` and no final newline',
      code: '# escape=`\nFROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends `\n    gcc && rm -rf /var/lib/apt/lists/*\nWORKDIR /app\nCMD ["python", "app.py"]',
      errors: [{ line: 4, column: 5 }],
      output:
        '# escape=`\nFROM python:3.12-slim AS builder\nRUN apt-get update && apt-get install -y --no-install-recommends `\n    gcc && rm -rf /var/lib/apt/lists/*\nWORKDIR /app\n\nFROM python:3.12-slim\nWORKDIR /app\nCOPY --from=builder /app /app\nCOPY --from=builder /usr/local/lib/python3.12/site-packages /usr/local/lib/python3.12/site-packages\nCOPY --from=builder /usr/local/bin /usr/local/bin\nCMD ["python", "app.py"]',
    },
    {
      name: 'heredoc RUN',
      code: 'FROM debian:bookworm-slim\nRUN <<EOF\napt-get update\napt-get install -y --no-install-recommends gcc\nEOF\nCMD ["/app"]\n',
      errors: [{ line: 4 }],
      output: null,
    },
    {
      name: 'a named USER the runtime image lacks: no fix',
      code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc && useradd -r app && rm -rf /var/lib/apt/lists/*\nWORKDIR /app\nUSER app\nCMD ["/app/run"]\n',
      errors: [{ line: 2 }],
      output: null,
    },
  ],
});
