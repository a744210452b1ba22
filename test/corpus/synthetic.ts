// Long Dockerfiles built at run time (never committed): a synthetic file of N lines made of
// realistic instruction groups, and the pathological "many Dockerfiles pasted into one" file.
import { createRandom, type Random } from './random';
import { realisticCorpus } from './realistic';

/** A new stage starts about every this many lines, as in a big generated CI Dockerfile. */
const LINES_PER_STAGE = 250;

type Block = (random: Random, stageIndex: number) => string[];

const BLOCKS: readonly Block[] = [
  (r) => [
    'RUN apt-get update \\',
    ` && apt-get install -y --no-install-recommends ${r.pick(['curl', 'git', 'jq', 'gnupg'])} ${r.pick(['tzdata', 'unzip', 'make'])} \\`,
    ' && rm -rf /var/lib/apt/lists/*',
  ],
  (r) => [`RUN apt-get install -y ${r.pick(['curl', 'wget', 'vim', 'less'])}`],
  (r) => [`COPY ${r.pick(['src', 'lib', 'config', 'assets'])}/ /app/${r.pick(['src', 'lib', 'etc'])}/`],
  (r) => [`ENV ${r.pick(['APP', 'LOG', 'CACHE'])}_${r.int(0, 999)}=${r.pick(['on', 'off', '/var/cache', '1'])}`],
  (r) => [`# step ${r.int(0, 99999)}: ${r.pick(['install tools', 'copy sources', 'warm the cache', 'TODO tidy up'])}`],
  (r) => [`ADD ${r.pick(['vendor.tar.gz', 'https://example.com/a.tgz', 'data/'])} /opt/`],
  (r) => [`RUN ${r.pick(['make', 'npm run build', 'go build ./...', 'pip install -r requirements.txt'])} && echo done-${r.int(0, 999)}`],
  () => ['RUN <<EOF', 'set -e', 'echo building', 'ls -la /app', 'EOF'],
  (r) => [`LABEL build.step="${r.int(0, 9999)}" \\`, `      build.owner="team-${r.pick(['a', 'b', 'c'])}"`],
  (r) => [`ARG VERSION_${r.int(0, 99)}=1.${r.int(0, 20)}.${r.int(0, 9)}`],
  (r) => [`RUN ["sh", "-c", "echo ${r.pick(['a', 'b', 'c'])}"]`, 'WORKDIR /app'],
  (r) => [`RUN apk add ${r.pick(['curl', 'git', 'bash'])}`, `USER ${r.pick(['root', 'nobody', '1000'])}`],
];

function fromLine(random: Random, stageIndex: number): string {
  if (stageIndex === 0) return 'FROM debian:bookworm-slim AS stage0';
  const base = random.chance(0.3) ? `stage${stageIndex - 1}` : random.pick(['alpine:3.20', 'node:22-slim', 'ubuntu', 'python:3.12-slim']);
  return `FROM ${base} AS stage${stageIndex}`;
}

/** A Dockerfile of exactly `lines` lines (plus a trailing newline), deterministic for a seed. */
export function syntheticDockerfile(lines: number, seed = 7): string {
  const random = createRandom(seed);
  const out: string[] = [];
  let stageIndex = 0;
  while (out.length < lines) {
    if (out.length >= stageIndex * LINES_PER_STAGE) {
      if (stageIndex > 0) out.push('');
      out.push(fromLine(random, stageIndex));
      stageIndex++;
      continue;
    }
    out.push(...random.pick(BLOCKS)(random, stageIndex));
  }
  // Cut at a line that does not leave an instruction open (a continuation or a heredoc body).
  let end = lines;
  while (end > 1 && (/\\$/.test(out[end - 1]) || isInsideHeredoc(out, end))) end--;
  return `${out.slice(0, end).join('\n')}\n`;
}

function isInsideHeredoc(lines: readonly string[], end: number): boolean {
  let open = false;
  for (let i = 0; i < end; i++) {
    if (lines[i] === 'RUN <<EOF') open = true;
    else if (lines[i] === 'EOF') open = false;
  }
  return open;
}

/** The Dockerfiles that concatenatedDockerfiles(bytes) pastes together, one string each. */
export function concatenatedDockerfileParts(bytes: number): string[] {
  const unit = realisticCorpus(1, 3)
    .map((file) => file.text.replace(/\r\n/g, '\n'))
    // An escape directive only counts at the top of a file; keep it out of the middle.
    .filter((text) => !text.startsWith('# escape'));
  const unitLength = unit.reduce((sum, text) => sum + text.length + 1, 0);
  const copies = Math.max(1, Math.ceil(bytes / unitLength));
  return Array.from({ length: copies }, () => unit).flat();
}

/** Realistic Dockerfiles pasted one after another until the text reaches `bytes` (what a user may open by mistake). */
export function concatenatedDockerfiles(bytes: number): string {
  return concatenatedDockerfileParts(bytes).join('\n');
}
