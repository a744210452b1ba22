// The CLI's side of `.hadolint.yaml`: `--config PATH` for every file, or else the file found next to
// each Dockerfile or in the current folder (hadolint's own first place to look). Each file is read
// once per run; its warnings go to stderr once, and a file that cannot be used is an error (exit 2),
// as it is for hadolint.
import { resolve } from 'node:path';
import type { FailureThreshold, HadolintConfig } from '../analysis/hadolint-config';
import type { Severity } from '../analysis/rule';
import { describeProblems, hadolintConfigCandidates, loadHadolintConfig, type LoadedHadolintConfig } from '../config/hadolint-file';
import { InputError } from './discover';

/** Without a threshold from the command line or a configuration file, any finding fails the run. */
export const DEFAULT_FAILURE_THRESHOLD: FailureThreshold = 'hint';

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

/** hadolint's rule: a finding fails the run when its severity is at or above the threshold. */
export function meetsThreshold(severity: Severity, threshold: FailureThreshold): boolean {
  return threshold !== 'none' && SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold];
}

interface WarningSink {
  writeErr(text: string): void;
}

export class HadolintConfigLookup {
  private readonly loaded = new Map<string, LoadedHadolintConfig | null>();

  constructor(
    private readonly explicitPath: string | undefined,
    private readonly io: WarningSink,
  ) {}

  /** The configuration for a Dockerfile (null: standard input), or null when there is none. */
  forFile(dockerfilePath: string | null): HadolintConfig | null {
    if (this.explicitPath !== undefined) {
      const loaded = this.load(resolve(this.explicitPath));
      if (!loaded) throw new InputError(`cannot read --config ${this.explicitPath}: no such file`);
      return this.usable(loaded);
    }
    const cwd = process.cwd();
    const candidates = hadolintConfigCandidates(dockerfilePath ?? resolve(cwd, 'Dockerfile'), cwd);
    for (const candidate of candidates) {
      const loaded = this.load(candidate);
      if (loaded) return this.usable(loaded);
    }
    return null;
  }

  private load(path: string): LoadedHadolintConfig | null {
    if (!this.loaded.has(path)) {
      const loaded = loadHadolintConfig(path);
      this.loaded.set(path, loaded);
      if (loaded?.result.ok) for (const line of describeProblems(loaded)) this.io.writeErr(`layerwise: warning: ${line}\n`);
    }
    return this.loaded.get(path) ?? null;
  }

  private usable(loaded: LoadedHadolintConfig): HadolintConfig {
    if (loaded.result.ok) return loaded.result.config;
    throw new InputError(`invalid configuration:\n${describeProblems(loaded).map((line) => `  ${line}`).join('\n')}`);
  }
}
