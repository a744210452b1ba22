// Runs the bundled CLI (dist/cli.js) as a user would, in throwaway folders.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const repoRoot = join(__dirname, '..', '..');
export const cliPath = join(repoRoot, 'dist', 'cli.js');
export const apiPath = join(repoRoot, 'dist', 'api.js');

/** Builds dist/ once when it is missing (`npm test` builds it first, so this only helps single-file runs). */
export function ensureBuilt(): void {
  if (existsSync(cliPath) && existsSync(apiPath)) return;
  const build = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliRunOptions {
  cwd: string;
  input?: string;
  env?: Record<string, string | undefined>;
}

export function runCli(args: readonly string[], options: CliRunOptions): CliRun {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: options.cwd,
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env },
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A temporary folder with the given files (relative path → content); remove() deletes it. */
export function makeWorkspace(files: Record<string, string>): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'layerwise-cli-'));
  for (const [relativePath, content] of Object.entries(files)) {
    const path = join(dir, relativePath);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Dockerfiles whose verdict does not depend on the details of any one rule's wording:
 * CLEAN ships a static binary on scratch as a non-root user with pinned bases;
 * FLAWED has the problems every Dockerfile linter reports (untagged base, ADD of a local file,
 * apt lists left behind, root user).
 */
export const CLEAN_DOCKERFILE = [
  'FROM golang:1.25-alpine AS build',
  'WORKDIR /src',
  'COPY main.go ./',
  'RUN CGO_ENABLED=0 go build -o /out/app main.go',
  '',
  'FROM scratch',
  'COPY --from=build /out/app /app',
  'USER 65532:65532',
  'ENTRYPOINT ["/app"]',
  '',
].join('\n');

export const FLAWED_DOCKERFILE = [
  'FROM debian',
  'RUN apt-get update',
  'RUN apt-get install -y --no-install-recommends curl',
  'ADD app.sh /usr/local/bin/app.sh',
  'CMD ["/usr/local/bin/app.sh"]',
  '',
].join('\n');
