// Random but Dockerfile-shaped text: real and made-up instructions, flags, quotes, variables,
// continuations, heredocs, parser directives (escape, syntax, check), suppressions, CRLF and lone CR,
// a BOM, unicode (astral, combining, RTL, lone surrogates), control and binary bytes, then a few
// random mutations (cut, duplicate, splice) so that half-typed states are covered too.
// Everything is drawn from a seeded PRNG: an input is reproduced from its seed alone.
import { createRandom, type Random } from '../../test/corpus/random';

const KEYWORDS = [
  'FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME',
  'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL',
];
const ODD_KEYWORDS = ['from', 'Run', 'cOpY', 'FRO', 'RUNN', 'ONBUILD ONBUILD', 'ONBUILD FROM', 'ÜSER', '\\', '-', '{'];
const IMAGES = [
  'alpine', 'alpine:3.20', 'alpine:latest', 'debian:bookworm-slim', 'ubuntu', 'node:22-slim', 'python:3.12',
  'gcr.io/distroless/static-debian12', 'scratch', 'golang:1.25 AS build', 'build', '${BASE}', '${BASE:-alpine}:${TAG}',
  'registry.example.com:5000/team/app@sha256:abc', 'mcr.microsoft.com/windows/servercore:ltsc2022', 'FROM', 'a b c', ':',
];
const FLAGS = [
  '--from=build', '--from=0', '--from=', '--chown=app:app', '--chmod=755', '--link', '--platform=$BUILDPLATFORM',
  '--mount=type=cache,target=/var/cache/apt', '--mount=type=secret,id=npm,target=/root/.npmrc', '--mount=from=build,target=/b',
  '--network=none', '--security=insecure', '--interval=30s', '--timeout=3s', '--', '--=', '-x', '--unknown-flag=1',
];
const COMMANDS = [
  'apt-get update', 'apt-get install -y curl', 'apt-get install -y --no-install-recommends git ca-certificates',
  'apt-get -y install python3', 'apt install vim', 'rm -rf /var/lib/apt/lists/*', 'apt-get clean', 'apk add curl',
  'apk add --no-cache bash', 'apk update', 'pip install flask', 'pip install --no-cache-dir -r req.txt', 'npm ci',
  'npm install -g yarn', 'curl -fsSL https://example.com/x.sh | sh', 'wget -qO- http://x | bash', 'useradd -m app',
  'chown -R app /app', 'cd /app', 'make', 'echo "$HOME"', "echo 'single $quoted'", 'dnf install -y gcc', 'yum clean all',
  'go build ./...', 'true', 'exit 1', '`date`', '$(id -u)', 'set -eux', 'export A=b', 'sudo su', 'x=$((1+2))',
];
const OPERATORS = [' && ', ' || ', '; ', ' | ', ' & ', ' && \\\n    ', ' \\\n && ', ';\\\n', ' ( ', ' ) ', ' { ', '; } '];
const WORDS = ['app', '/app', '.', './src', '*.txt', 'a b', '"quoted"', "'single'", '"unterminated', "'open", '$VAR', '${VAR}', '${VAR:-x}', '${', '\\$', '~', '""', "''"];
const COMMENTS = [
  '# a comment', '#', '# hadolint ignore=DL3009', '# hadolint ignore=DL3009,DL3015', '# layerwise ignore=LW101',
  '# layerwise ignore=all', '# layerwise ignore=', '# hadolint ignore', '# check=skip=JSONArgsRecommended', '#!/bin/sh',
];
const DIRECTIVES = ['# syntax=docker/dockerfile:1', '# escape=`', '# escape=\\', '# escape=', '# escape=xx', '# check=skip=all', '#syntax=x', '# directive=1'];
const UNICODE = ['é', 'e\u0301', '日本', '🐳', '\u{1F600}', '\u202E', '\u200B', '\uFEFF', '\uD800', '\uDC00', 'Ω', '\u00A0', '\u2028'];

interface Piece {
  (random: Random): string;
}

const word: Piece = (r) => (r.chance(0.05) ? r.pick(UNICODE) : r.pick(WORDS));
const flags: Piece = (r) => (r.chance(0.35) ? `${r.some(FLAGS, 2).join(' ')} ` : '');

function shellScript(r: Random): string {
  let script = r.pick(COMMANDS);
  const extra = r.int(0, 4);
  for (let i = 0; i < extra; i++) script += r.pick(OPERATORS) + r.pick(COMMANDS);
  return script;
}

function execForm(r: Random): string {
  const items = Array.from({ length: r.int(0, 4) }, () => JSON.stringify(r.chance(0.6) ? r.pick(COMMANDS).split(' ')[0] : word(r)));
  const body = items.join(r.chance(0.9) ? ', ' : ' ');
  if (r.chance(0.1)) return `[${body}`; // unterminated
  if (r.chance(0.05)) return `['${body}']`; // single quotes: not JSON
  return `[${body}]`;
}

function heredoc(r: Random, eol: string): string {
  const name = r.pick(['EOF', 'END', 'eot', 'X']);
  const opener = r.pick([`<<${name}`, `<<-${name}`, `<<'${name}'`, `<<"${name}"`, `<< ${name}`]);
  const lines = Array.from({ length: r.int(0, 4) }, () => (r.chance(0.2) ? `\t${shellScript(r)}` : shellScript(r)));
  const closer = r.chance(0.85) ? (opener.startsWith('<<-') && r.chance(0.5) ? `\t${name}` : name) : '';
  const target = r.chance(0.3) ? ` ${r.pick(['/etc/app.conf', 'python3', 'sh -e'])}` : '';
  return [`${opener}${target}`, ...lines, closer].join(eol);
}

function instruction(r: Random, eol: string, forcedKeyword?: string): string {
  const keyword = forcedKeyword ?? (r.chance(0.08) ? r.pick(ODD_KEYWORDS) : r.pick(KEYWORDS));
  const upper = keyword.toUpperCase();
  let body: string;
  if (upper === 'FROM') body = `${flags(r)}${r.pick(IMAGES)}${r.chance(0.3) ? ` AS ${r.pick(['build', 'runtime', 'x', ''])}` : ''}`;
  else if (upper === 'RUN' || upper === 'ONBUILD RUN') {
    const form = r.int(0, 9);
    body = `${flags(r)}${form < 6 ? shellScript(r) : form < 8 ? execForm(r) : heredoc(r, eol)}`;
  } else if (['CMD', 'ENTRYPOINT', 'SHELL', 'HEALTHCHECK'].includes(upper)) body = `${flags(r)}${r.chance(0.5) ? execForm(r) : shellScript(r)}`;
  else if (['COPY', 'ADD'].includes(upper)) {
    body = `${flags(r)}${r.chance(0.1) ? heredoc(r, eol) : Array.from({ length: r.int(0, 3) }, () => word(r)).join(' ')}`;
  } else if (['ENV', 'ARG', 'LABEL'].includes(upper)) {
    body = Array.from({ length: r.int(0, 3) }, () => `${r.pick(['A', 'B_2', 'PATH', 'x', '', '1'])}${r.pick(['=', ' ', '=='])}${word(r)}`).join(' ');
  } else if (upper === 'USER') body = r.pick(['root', '0', '0:0', 'app', '1000:1000', 'nobody', '$USER', '', 'root # later']);
  else body = Array.from({ length: r.int(0, 3) }, () => word(r)).join(' ');
  return `${r.chance(0.1) ? r.pick([' ', '\t', '  ']) : ''}${keyword}${r.chance(0.95) ? ' ' : r.pick(['\t', '', '  '])}${body}`;
}

function line(r: Random, eol: string): string {
  const roll = r.int(0, 99);
  if (roll < 70) return instruction(r, eol);
  if (roll < 80) return r.pick(COMMENTS);
  if (roll < 86) return r.pick(['', ' ', '\t', '   ']);
  if (roll < 92) return `${instruction(r, eol)} ${r.pick(['\\', '`'])}${r.chance(0.2) ? ' ' : ''}`; // a continuation into the next line
  if (roll < 96) return Array.from({ length: r.int(1, 20) }, () => String.fromCharCode(r.int(0, 255))).join(''); // binary bytes
  return Array.from({ length: r.int(1, 6) }, () => r.pick(UNICODE)).join('');
}

function mutate(r: Random, text: string): string {
  if (text.length === 0) return text;
  const at = r.int(0, text.length - 1);
  const length = r.int(1, Math.min(40, text.length - at));
  switch (r.int(0, 3)) {
    case 0:
      return text.slice(0, at) + text.slice(at + length); // cut
    case 1:
      return text.slice(0, at) + text.slice(at, at + length).repeat(2) + text.slice(at + length); // duplicate
    case 2:
      return text.slice(0, at) + r.pick(['\\', '"', "'", '`', '\n', '\r', '\r\n', '<<', '${', '[', '#', '\0']) + text.slice(at); // splice
    default:
      return text.slice(0, at); // truncated, as while typing
  }
}

/** One random Dockerfile-shaped input, fully determined by `seed`. */
export function dockerfileShapedText(seed: number): string {
  const r = createRandom(seed);
  const eol = r.chance(0.75) ? '\n' : r.chance(0.8) ? '\r\n' : '\r';
  const lines: string[] = [];
  if (r.chance(0.25)) lines.push(...r.some(DIRECTIVES, 2));
  if (r.chance(0.85)) lines.push(instruction(r, eol, 'FROM'));
  const count = r.int(0, r.chance(0.1) ? 120 : 25);
  for (let i = 0; i < count; i++) lines.push(line(r, eol));
  // Mixed line ends: one file may hold all three.
  let text = lines.map((content) => content + (r.chance(0.03) ? r.pick(['\n', '\r\n', '\r']) : eol)).join('');
  if (r.chance(0.05)) text = `\uFEFF${text}`;
  const mutations = r.chance(0.5) ? r.int(1, 4) : 0;
  for (let i = 0; i < mutations; i++) text = mutate(r, text);
  return text;
}
