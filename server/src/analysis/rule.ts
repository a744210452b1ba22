// The shape of a rule, a finding and a fix. Pure types plus defineRule(); no runtime dependencies.
import type { BuildContextInfo } from './engine-types';
import type { DockerfileModel, InstructionInfo, Stage } from './model';

/** 0-based, as in LSP. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/**
 * safe: applied by fix-all and `--fix`; unsafe: offered one by one, bulk only with `--unsafe-fixes`;
 * suggestion: shown, never bulk-applied.
 */
export type FixSafety = 'safe' | 'unsafe' | 'suggestion';

export interface Fix {
  title: string;
  safety: FixSafety;
  edits: TextEdit[];
}

/** Names of the same check in other tools, used for suppressions, config files and docs. */
export interface RuleAliases {
  hadolint?: string;
  buildkit?: string;
  trivy?: string;
  checkov?: string;
}

export type RuleCategory = 'size' | 'security' | 'correctness' | 'reproducibility' | 'style';

export interface Finding {
  rule: string;
  code: string;
  aliases: RuleAliases;
  severity: Severity;
  message: string;
  range: Range;
  fixes: Fix[];
  /** The rule's documentation page. */
  docsUrl: string;
}

export interface RuleDocs {
  /** One sentence, shown in the README table. */
  summary: string;
  /** Why it matters, in Markdown. */
  rationale: string;
  /** Executed by a meta test: each invalid example gives exactly one finding of this rule, each valid one none. */
  examples: { invalid: string[]; valid: string[] };
  /** Where this rule deliberately differs from its aliases (for example, judging shipped stages only). */
  differences?: string;
  /** Analysis options the examples run with, for a rule that acts only under a setting. */
  exampleOptions?: {
    allowSuppressions?: boolean;
    /** The build context, for rules about `.dockerignore` (they stay silent when it is unknown). */
    buildContext?: BuildContextInfo;
    /** Rule options, for a rule that is off unless configured (trusted registries). */
    ruleOptions?: RuleOptions;
  };
}

export interface RuleFixInfo {
  availability: 'always' | 'sometimes' | 'never';
  safety: FixSafety;
  /** Required when availability is not 'always': why there is no (safe) fix. */
  reason?: string;
}

/** shipped-stages: the stages whose layers end up in the shipped image (see Stage.shipsLayers). */
export type RuleScope = 'shipped-stages' | 'all-stages';

export interface Report {
  range: Range;
  message: string;
  fixes?: Fix[];
}

export interface RuleOptions {
  /** Registries trusted by the user; empty means "not configured". */
  trustedRegistries?: string[];
  [key: string]: unknown;
}

export interface RuleContext {
  readonly model: DockerfileModel;
  readonly options: RuleOptions;
  /** What the caller read from the build context; absent when unknown (rules about the context then stay silent). */
  readonly buildContext?: BuildContextInfo;
  report(report: Report): void;
}

type InstructionVisitor = (instruction: InstructionInfo, stage: Stage) => void;

/**
 * Handlers keyed by upper-case instruction keyword (RUN, FROM, COPY…), called in document order for
 * each instruction in the stages the rule's scope selects. `stage` is called once per selected stage
 * before its instructions, `stageEnd` after them, `end` once after everything. Instructions before
 * the first FROM (global ARGs) are given to `global` only.
 */
export interface RuleVisitor {
  [keyword: Uppercase<string>]: InstructionVisitor | undefined;
  stage?: (stage: Stage) => void;
  stageEnd?: (stage: Stage) => void;
  global?: (instruction: InstructionInfo) => void;
  end?: () => void;
}

export interface RuleDefinition {
  /** kebab-case; equals the file name and the docs page name. */
  id: string;
  /** Stable LW code, never reused. */
  code: string;
  aliases: RuleAliases;
  category: RuleCategory;
  severity: Severity;
  appliesTo: RuleScope;
  docs: RuleDocs;
  fix: RuleFixInfo;
  create(context: RuleContext): RuleVisitor;
}

export type Rule = Readonly<RuleDefinition>;

export function defineRule(definition: RuleDefinition): Rule {
  if (definition.fix.availability !== 'always' && !definition.fix.reason) {
    throw new Error(`rule ${definition.id}: a fix that is not always available needs a reason`);
  }
  return Object.freeze(definition);
}

export const DOCS_BASE_URL = 'https://github.com/layerwise/layerwise/blob/main/docs/rules/';

export function docsUrlFor(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}
