// The pieces a RUN layer is made of, before same-layer cleanup takes its share.
import type { BuildContextInfo } from '../engine-types';
import type { InstructionInfo } from '../model-types';
import { hasCacheMountOn } from '../rules/support/paths';
import type { Amount } from './amount';

export interface RunPart {
  /** For the hover: what this part is and where the number comes from. */
  label: string;
  /** null: unknown (nothing can be said about its size). */
  amount: Amount | null;
  /** Where it lands in the image; an `rm -rf` of this path (or a parent) in the same RUN removes it. */
  path: string | null;
  /** Other places the same output commonly lands (`dist`, `build`, `.next` for a web build). */
  aliases?: string[];
  /** A single artifact (a binary, a jar): copying any path inside it copies about all of it. */
  whole?: boolean;
  debianPackages?: string[];
  apkGroup?: string;
  apkNames?: string[];
  /** A package manager's download cache, removed by that tool's own clean command. */
  cacheOf?: 'npm' | 'yarn' | 'pip' | 'pnpm';
}

/** `apt: 3 new packages (…)` → `apt`: the label's part before its first colon (all of it without one). */
export function labelHead(label: string): string {
  const colon = label.indexOf(':');
  return colon < 0 ? label : label.slice(0, colon);
}

/** hasCacheMountOn, with the cheap test first: most RUNs have no flags, so no mount. */
export function cacheMounted(run: InstructionInfo, paths: readonly string[]): boolean {
  return run.flags.length > 0 && hasCacheMountOn(run, paths);
}

/** What the workspace says about dependencies, read from BuildContextInfo.manifests once per analysis. */
export interface WorkspaceHints {
  nodeModulesBytes: number | null;
  /** Packages in the Node lock file (package-lock.json, yarn.lock, pnpm-lock.yaml); null without one. */
  nodePackages: number | null;
  /** Requirements listed for pip (requirements*.txt, poetry.lock, Pipfile.lock) and whether they are pinned (a full list). */
  pythonRequirements: { count: number; locked: boolean } | null;
  /** Go modules in go.sum (distinct module paths). */
  goModules: number | null;
  /** Crates in Cargo.lock. */
  crates: number | null;
  /** Source bytes of the context outside node_modules, .git and build output; null when not listed. */
  sourceBytes: number | null;
}

/** What an analysis without a build context knows: nothing. */
const NO_HINTS: WorkspaceHints = Object.freeze({
  nodeModulesBytes: null,
  nodePackages: null,
  pythonRequirements: null,
  goModules: null,
  crates: null,
  sourceBytes: null,
});

export function workspaceHints(context: BuildContextInfo | undefined): WorkspaceHints {
  if (!context) return NO_HINTS;
  const manifests = context.manifests ?? [];
  const text = (pattern: RegExp) => manifests.find((manifest) => pattern.test(manifest.path))?.text ?? null;
  return {
    nodeModulesBytes: context.nodeModulesBytes ?? null,
    nodePackages: nodeLockPackages(text(/^package-lock\.json$/), text(/^yarn\.lock$/), text(/^pnpm-lock\.yaml$/)),
    pythonRequirements: pythonRequirements(manifests),
    goModules: countDistinct(text(/^go\.sum$/), /^(\S+) /gm) ?? goModRequires(text(/^go\.mod$/)),
    crates: countMatches(text(/^Cargo\.lock$/), /^\[\[package\]\]/gm),
    sourceBytes: sourceBytes(context),
  };
}

function countMatches(text: string | null, pattern: RegExp): number | null {
  return text === null ? null : (text.match(pattern) ?? []).length;
}

function countDistinct(text: string | null, pattern: RegExp): number | null {
  if (text === null) return null;
  return new Set([...text.matchAll(pattern)].map((match) => match[1])).size;
}

/** Modules a go.mod requires (one per line inside `require ( … )`, or `require x v`); null without go.mod. */
function goModRequires(goMod: string | null): number | null {
  if (goMod === null) return null;
  const block = [...goMod.matchAll(/^require\s*\(([^)]*)\)/gm)].flatMap((match) => match[1].split('\n').filter((line) => /^\s*\S+\s+v/.test(line)));
  const single = goMod.match(/^require\s+\S+\s+v\S+/gm) ?? [];
  return block.length + single.length;
}

function nodeLockPackages(npm: string | null, yarn: string | null, pnpm: string | null): number | null {
  if (npm !== null) return countMatches(npm, /"(?:[^"]*\/)?node_modules\/[^"]+":\s*\{/g);
  if (yarn !== null) return countMatches(yarn, /^"?[^\s#][^\n]*:\s*$/gm);
  if (pnpm !== null) return countMatches(pnpm, /^ {2}['/]?[^\s'].*:\s*$/gm);
  return null;
}

function pythonRequirements(manifests: ReadonlyArray<{ path: string; text: string }>): WorkspaceHints['pythonRequirements'] {
  const poetry = manifests.find((manifest) => /^(poetry|uv|pdm)\.lock$/.test(manifest.path));
  if (poetry) return { count: countMatches(poetry.text, /^\[\[package\]\]/gm) ?? 0, locked: true };
  const requirements = manifests.filter((manifest) => /^requirements[^/]*\.txt$/.test(manifest.path));
  if (requirements.length === 0) return null;
  const lines = requirements.flatMap((manifest) => manifest.text.split('\n')).map((line) => line.replace(/#.*/, '').trim());
  const packages = lines.filter((line) => line !== '' && !line.startsWith('-'));
  const pinned = packages.filter((line) => /==/.test(line));
  return { count: packages.length, locked: packages.length > 0 && pinned.length === packages.length };
}

const NOT_SOURCE = /^(node_modules|\.git|dist|build|target|\.next|out|vendor)\//;

function sourceBytes(context: BuildContextInfo | undefined): number | null {
  if (!context?.files) return null;
  return context.files.reduce((total, file) => total + (NOT_SOURCE.test(file.path) ? 0 : file.bytes), 0);
}
