// The model every rule shares: built once per analysis from one dockerfile-ast parse.
import type { Dockerfile, Instruction } from 'dockerfile-ast';
import type { Range } from './rule';
import type { RunScript } from './shell-types';

/**
 * ships: the final stage (or the `--target` one); base-of: another stage is FROM it;
 * copied-from: COPY --from / RUN --mount=from=… reads it; unused: nothing refers to it.
 */
export type StageRole = 'ships' | 'base-of' | 'copied-from' | 'unused';

export type PackageManager = 'apt' | 'apk' | 'dnf' | 'yum' | 'microdnf' | 'zypper' | 'none';

/** What is known about a base image, from the data table and from naming conventions. */
export interface ImageFacts {
  /** Family key the facts were found under, e.g. `node:20-slim`. */
  key: string | null;
  distro: string | null;
  packageManager: PackageManager | null;
  /** false for scratch, distroless (non-debug) and chiseled images; null when unknown. */
  hasShell: boolean | null;
  /** The image's default user (`root`, `nonroot`, `app`…); null when unknown. */
  defaultUser: string | null;
  /** A non-root user the image already defines (`node` in official node images, `nonroot` in distroless). */
  nonRootUser: string | null;
  isDistroless: boolean;
  isScratch: boolean;
  /** Uncompressed bytes (what `docker images` shows), null when unknown. */
  uncompressedBytes: number | null;
  compressedBytes: number | null;
  /** Where the size numbers came from. */
  source: string | null;
  /**
   * The image's own ENTRYPOINT starts as root and steps down to a service user (gosu, su-exec, setpriv)
   * before it starts the server (official redis, postgres…): the server does not run as root while the
   * Dockerfile keeps that ENTRYPOINT.
   */
  dropsPrivilegesInEntrypoint?: boolean;
  /**
   * The server's master process must start as root (it binds port 80, then serves from unprivileged
   * workers): a USER switch alone breaks the image (official nginx, httpd).
   */
  startsAsRootByDesign?: boolean;
  /** The repository of the variant built to run without root (`nginxinc/nginx-unprivileged`), when there is one. */
  unprivilegedVariant?: string;
}

export interface ImageRef {
  /** The text written after FROM (flags excluded). */
  raw: string;
  /** With ARG defaults substituted. */
  resolved: string;
  /** null for Docker Hub. */
  registry: string | null;
  /** e.g. `library/node` is reported as `node`; `gcr.io/distroless/static` → `distroless/static`. */
  repository: string;
  tag: string | null;
  digest: string | null;
  isScratch: boolean;
  /** True when a variable could not be resolved (no default): facts are then unknown. */
  hasUnresolvedVariables: boolean;
  range: Range;
}

export interface InstructionInfo {
  /** Upper-case keyword. For ONBUILD triggers this is the trigger's keyword and `onbuild` is true. */
  keyword: string;
  node: Instruction;
  /** The whole instruction, including continuation lines. */
  range: Range;
  /** The keyword only. */
  keywordRange: Range;
  stage: Stage | null;
  onbuild: boolean;
  /** Parsed shell for RUN (and shell-form CMD/ENTRYPOINT/HEALTHCHECK CMD); null otherwise. */
  script: RunScript | null;
  /** Flags like `--mount=type=cache,target=/var/cache/apt`, `--from=build`, `--chown=…`. */
  flags: InstructionFlag[];
}

export interface InstructionFlag {
  name: string;
  value: string | null;
  range: Range;
  nameRange: Range;
  valueRange: Range | null;
  /** key=value options inside the value (`type=cache,target=/x`), when it has any. */
  options: Record<string, string>;
}

export interface Stage {
  index: number;
  /** null for an unnamed stage. */
  name: string | null;
  nameRange: Range | null;
  from: InstructionInfo;
  base: ImageRef;
  /** Set when FROM names an earlier stage. */
  baseStage: Stage | null;
  /** Facts about the ultimate base image (followed through baseStage). */
  facts: ImageFacts;
  roles: StageRole[];
  /** This is the stage that is built (final, or `--target`). */
  ships: boolean;
  /** Its layers end up in the shipped image: the shipped stage and the stages it is (transitively) FROM. */
  shipsLayers: boolean;
  instructions: InstructionInfo[];
  range: Range;
}

export interface ParserDirectiveInfo {
  name: string;
  value: string;
  range: Range;
}

export interface DockerfileModel {
  text: string;
  lines: string[];
  /** Offsets of the start of each line (see text-edits.ts), computed once for every rule to share. */
  lineStarts: number[];
  /** The file's own line break, for fixes that write new lines. */
  lineEnding: '\r\n' | '\n';
  ast: Dockerfile;
  escapeCharacter: string;
  directives: ParserDirectiveInfo[];
  /** ARGs before the first FROM. */
  globalInstructions: InstructionInfo[];
  stages: Stage[];
  /** Every instruction in document order (global, stage, ONBUILD triggers flagged). */
  instructions: InstructionInfo[];
  /** The stage that ships (null when there is no FROM). */
  shippedStage: Stage | null;
}

export interface ModelOptions {
  /** Build target (`docker build --target`); defaults to the last stage. */
  target?: string;
}
