import fc from 'fast-check';
import { analyze } from './server/src/analysis/engine';
import { verifyFix } from './server/src/analysis/testing/verify-fix';
const MINE = new Set(['copy-from-unknown-stage','copy-from-own-stage','duplicate-stage-name','reserved-stage-name','stage-name-casing','from-as-casing','consistent-instruction-casing','undefined-arg-in-from','undefined-variable','invalid-default-arg-in-from','env-self-reference','constant-platform-flag','redundant-target-platform']);
const FROMS = ['FROM debian:12', 'FROM alpine:3.20 AS Base', 'FROM base', 'from node:20-slim as Build', 'FROM scratch', 'FROM --platform=$TARGETPLATFORM alpine:3.20 AS x', 'FROM --platform=linux/amd64 debian:12', 'FROM ${IMG}', 'ARG TAG\nFROM busybox:${TAG}', 'FROM Build AS test'];
const LINES = [...FROMS, 'RUN apt-get update', 'run echo hi', 'Run echo', 'COPY --from=Base /a /b', 'COPY --from=build /a /b', 'COPY --from=buidl /a /b', 'RUN --mount=from=BUILD,target=/x ls', 'ENV A=1 B=$A', 'ENV A=1 \\\n    B=$A C=$B', 'ENV PATH=$PAHT:/x', 'ARG V=1', 'COPY $V /x', 'WORKDIR $APP_HOEM', 'ENV APP_HOME=/app', 'ONBUILD RUN make', 'onbuild copy . /x', 'USER app', 'CMD ["/app"]', '', '# c'];
const dockerfile = fc.record({ first: fc.constantFrom(...FROMS), lines: fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 9 }), eol: fc.constantFrom('\n', '\r\n'), backtick: fc.boolean() })
  .map(({ first, lines, eol, backtick }) => { const body = [first, ...lines].join('\n'); const text = backtick ? `# escape=\`\n${body.replace(/\\\n/g, '`\n')}` : body; return `${text}\n`.replace(/\n/g, eol); });
let checked = 0;
fc.assert(fc.property(dockerfile, (text) => {
  const result = analyze(text, { estimateSizes: false });
  if (result.internalErrors.length) throw new Error(JSON.stringify(result.internalErrors));
  for (const f of result.findings) if (MINE.has(f.rule)) for (const fix of f.fixes) { verifyFix(text, f, fix); checked++; }
}), { numRuns: 400, seed: 7 });
console.log('fixes verified', checked);
