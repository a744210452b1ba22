// Inputs and outputs of one analysis: what the server, the CLI and the API all call.
import type { DockerfileModel } from './model-types';
import type { Finding, RuleOptions, Severity } from './rule';
import type { StageRole } from './model-types';
import type { SizeEstimate, StageEstimate } from './size/types';

/** Per-rule setting: a severity, or 'off'. Keys may be a rule id, an LW code or an alias (DL3009, JSONArgsRecommended). */
export type RuleSetting = Severity | 'off';

/**
 * What the door (server or CLI) read from the build context for the core, which reads no files itself.
 * Absent means "unknown": rules about the context stay silent and COPY sizes are heuristic.
 */
export interface BuildContextInfo {
  /** The .dockerignore that applies (`<Dockerfile>.dockerignore` first, then `.dockerignore`); null when there is none. */
  dockerignore: string | null;
  /** Files of the context as POSIX paths relative to its root, with sizes in bytes; absent when not read. */
  files?: Array<{ path: string; bytes: number }>;
  /** True when the listing stopped early (huge context): sizes are then lower bounds. */
  truncated?: boolean;
  /**
   * Small dependency manifests and lock files of the context root (package-lock.json, requirements.txt,
   * go.sum, Cargo.lock…), read even when .dockerignore excludes them: they sharpen the install estimates.
   */
  manifests?: Array<{ path: string; text: string }>;
  /** Bytes of an existing node_modules folder at the context root (even when .dockerignore excludes it). */
  nodeModulesBytes?: number;
}

/**
 * A base image's size the door learnt elsewhere (the editor's opt-in registry lookup): the sum of its
 * layer blobs, what a pull transfers. The core does no network; it only uses what it is given.
 */
export interface ExtraBaseImage {
  compressedBytes: number;
  /** Where the number came from, for the breakdown ("registry-1.docker.io manifest, linux/amd64"). */
  source: string;
}

export interface AnalyzeOptions {
  /** The build context, when the caller could read it. */
  buildContext?: BuildContextInfo;
  /** Build target (`--target`); defaults to the last stage. */
  target?: string;
  rules?: Record<string, RuleSetting>;
  /**
   * Rule settings imported from another tool's configuration (`.hadolint.yaml`), same keys as `rules`.
   * `rules` win over them, rule by rule.
   */
  importedRules?: Record<string, RuleSetting>;
  ruleOptions?: RuleOptions;
  /**
   * false: suppression comments are not honoured, and each one is reported by the rule
   * `suppression-not-allowed` (LW501) instead.
   */
  allowSuppressions?: boolean;
  /** Skip the size estimate (the editor asks for it only when the lens is on). */
  estimateSizes?: boolean;
  /**
   * Sizes of base images the table does not know, keyed by the base image as written with ARG
   * defaults substituted (StageSummary.base). The table wins where it knows the image.
   */
  extraBaseImages?: Record<string, ExtraBaseImage>;
}

export interface StageSummary {
  index: number;
  name: string | null;
  ships: boolean;
  roles: StageRole[];
  /** The base image as written, ARG defaults substituted. */
  base: string;
  /** 0-based line of the FROM. */
  line: number;
  estimate: SizeEstimate;
}

export interface AnalysisResult {
  findings: Finding[];
  stages: StageSummary[];
  /** Full per-layer estimates (for the hover/breakdown); empty when sizes were not asked for. */
  estimates: StageEstimate[];
  model: DockerfileModel;
  /** Rules that threw (a bug in Layerwise, never in the user's file); their findings are missing. */
  internalErrors: Array<{ rule: string; message: string }>;
}

export interface ApplyFixesOptions {
  /** Also apply fixes marked unsafe. Suggestions are never bulk-applied. */
  unsafe?: boolean;
}
