// Sample documents and the in-process engine's answer for them: protocol tests check that the
// server door reports exactly what the core computes, without hard-coding rule results.
import type { Diagnostic } from 'vscode-languageserver/node';
import { analyze } from '../../server/src/analysis/engine';
import type { Severity } from '../../server/src/analysis/rule';
import { analyzeOptionsFrom } from '../../server/src/lsp/document-analysis';
import { parseSettings } from '../../server/src/lsp/settings';

/** The problems users really have: `latest`, apt lists left behind, split RUNs, ADD, root. */
export const PROBLEMATIC_DOCKERFILE = [
  'FROM node:latest',
  'RUN apt-get update',
  'RUN apt-get install -y curl',
  'ADD . /app',
  'CMD ["node", "/app/server.js"]',
  '',
].join('\n');

export const MULTI_STAGE_DOCKERFILE = [
  'FROM golang:1.22 AS build',
  'WORKDIR /src',
  'COPY . .',
  'RUN CGO_ENABLED=0 go build -o /out/app .',
  '',
  'FROM scratch',
  'COPY --from=build /out/app /app',
  'USER 65532',
  'ENTRYPOINT ["/app"]',
  '',
].join('\n');

const LSP_SEVERITY: Record<Severity, number> = { error: 1, warning: 2, info: 3, hint: 4 };

export interface DiagnosticSummary {
  code: string;
  message: string;
  severity: number;
  line: number;
  character: number;
}

export function messageText(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

export function summarize(diagnostics: readonly Diagnostic[]): DiagnosticSummary[] {
  return diagnostics.map((diagnostic) => ({
    code: String(diagnostic.code),
    message: messageText(diagnostic),
    severity: diagnostic.severity ?? 0,
    line: diagnostic.range.start.line,
    character: diagnostic.range.start.character,
  }));
}

/** What the server should publish for `text` under these `layerwise` settings, computed in this process. */
export function expectedSummary(text: string, settings: unknown = {}): DiagnosticSummary[] {
  return analyze(text, analyzeOptionsFrom(parseSettings(settings))).findings.map((finding) => ({
    code: finding.code,
    message: finding.message,
    severity: LSP_SEVERITY[finding.severity],
    line: finding.range.start.line,
    character: finding.range.start.character,
  }));
}

/** A deterministic generator (mulberry32), so a failing garbage input can be reproduced. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Any UTF-16 code units, lone surrogates and NULs included, sprinkled with Dockerfile syntax. */
export function garbageText(length: number, seed: number): string {
  const random = seededRandom(seed);
  const fragments = ['FROM ', 'RUN ', '\\\n', '<<EOF\n', '"', "'", '\r\n', '# escape=`\n', '--mount=', '\uFEFF'];
  let text = '';
  while (text.length < length) {
    text +=
      random() < 0.1
        ? fragments[Math.floor(random() * fragments.length)]
        : String.fromCharCode(Math.floor(random() * 0x10000));
  }
  return text;
}
