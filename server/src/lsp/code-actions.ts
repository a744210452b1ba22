// Code actions: one quick fix per fix of each Layerwise diagnostic in the request, the quick fixes
// that write an ignore comment for it (instruction, stage, file), and the `source.fixAll.layerwise`
// action that applies every safe fix (editor.codeActionsOnSave) — never a suppression.
import {
  CodeActionKind,
  TextDocumentEdit,
  type CodeAction,
  type CodeActionContext,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { applyFixes } from '../analysis/engine';
import suppressionNotAllowed from '../analysis/rules/suppression-not-allowed';
import { suppressionFixesIn, type SuppressionLayout } from '../analysis/suppression-edits';
import type { Finding, Fix } from '../analysis/rule';
import { DIAGNOSTIC_SOURCE, readDiagnosticData } from './diagnostics';
import type { DocumentAnalysis } from './document-analysis';
import { suppressionLayoutFor } from './portable-analysis';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.layerwise`;
export const PROVIDED_CODE_ACTION_KINDS = [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND];
export const FIX_ALL_TITLE = 'Fix all safe Layerwise problems';
/** A finding about a forbidden suppression is not itself offered a suppression. */
const SUPPRESSION_NOT_ALLOWED_CODE = suppressionNotAllowed.code;

export interface CodeActionSupport {
  /** The client understands versioned `documentChanges` (then a stale edit is refused). */
  documentChanges: boolean;
}

/** A requested kind selects its sub-kinds: `source` and `source.fixAll` both select ours. */
function requested(context: CodeActionContext, kind: string): boolean {
  if (!context.only || context.only.length === 0) return true;
  return context.only.some((wanted) => kind === wanted || kind.startsWith(`${wanted}.`));
}

/**
 * @param offerSuppressions whether to add the quick fixes that write a suppression comment (false
 *   where suppressions are not allowed: they would silence nothing).
 */
export function codeActionsFor(
  document: TextDocument,
  analysis: DocumentAnalysis,
  context: CodeActionContext,
  support: CodeActionSupport,
  offerSuppressions = true,
): CodeAction[] {
  if (analysis.kind !== 'analysed') return [];
  const findings = analysis.result.findings;
  const actions: CodeAction[] = [];
  if (requested(context, CodeActionKind.QuickFix)) {
    let layout: SuppressionLayout | undefined;
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      // A diagnostic that no longer exists gets nothing, so no edit meets other text.
      const finding = findingFor(diagnostic, document.version, findings);
      if (!finding) continue;
      actions.push(...quickFixes(document, diagnostic, finding.fixes, support));
      if (!offerSuppressions) continue;
      layout ??= suppressionLayoutFor(analysis.result, document.getText());
      actions.push(...suppressionActions(document, diagnostic, finding, layout, support));
    }
  }
  if (requested(context, FIX_ALL_KIND)) {
    const fixAll = fixAllAction(document, findings, support);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}

function quickFixes(document: TextDocument, diagnostic: Diagnostic, fixes: Fix[], support: CodeActionSupport) {
  const preferred = fixes.find((fix) => fix.safety === 'safe');
  return fixes.map(
    (fix): CodeAction => ({
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: fix === preferred,
      edit: workspaceEdit(document, fix.edits, support),
    }),
  );
}

/** Ignore-comment quick fixes for the finding of a diagnostic. */
function suppressionActions(
  document: TextDocument,
  diagnostic: Diagnostic,
  finding: Finding,
  layout: SuppressionLayout,
  support: CodeActionSupport,
) {
  if (diagnostic.code === SUPPRESSION_NOT_ALLOWED_CODE) return [];
  return suppressionFixesIn(finding, layout).map(
    (fix): CodeAction => ({
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: workspaceEdit(document, fix.edits, support),
    }),
  );
}

function sameFinding(diagnostic: Diagnostic, finding: Finding): boolean {
  return finding.code === diagnostic.code && finding.message === diagnostic.message && sameRange(finding.range, diagnostic.range);
}

/**
 * The finding of a diagnostic in the analysis of the document's current version: the one its `data`
 * names when the diagnostic was published for this version, otherwise the one with the same code,
 * message and range; none when the diagnostic no longer exists.
 */
export function findingFor(diagnostic: Diagnostic, version: number, findings: readonly Finding[]): Finding | undefined {
  const data = readDiagnosticData(diagnostic.data);
  const named = data && data.version === version ? findings[data.index] : undefined;
  if (named && sameFinding(diagnostic, named)) return named;
  return findings.find((finding) => sameFinding(diagnostic, finding));
}

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

function fixAllAction(document: TextDocument, findings: readonly Finding[], support: CodeActionSupport) {
  if (!findings.some((finding) => finding.fixes.some((fix) => fix.safety === 'safe'))) return null;
  const text = document.getText();
  const fixed = applyFixes(text, findings);
  if (fixed === text) return null;
  const action: CodeAction = {
    title: FIX_ALL_TITLE,
    kind: FIX_ALL_KIND,
    edit: workspaceEdit(document, [minimalEdit(document, text, fixed)], support),
  };
  return action;
}

/** One edit covering only what changed, so the editor keeps the cursor and folding elsewhere. */
export function minimalEdit(document: TextDocument, before: string, after: string): TextEdit {
  let prefix = 0;
  const shorter = Math.min(before.length, after.length);
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < shorter - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  // Never cut a CRLF or a surrogate pair in half: positions inside them are ambiguous.
  if (prefix > 0 && splitsPair(before, prefix)) prefix--;
  if (suffix > 0 && splitsPair(before, before.length - suffix)) suffix--;
  return {
    range: { start: document.positionAt(prefix), end: document.positionAt(before.length - suffix) },
    newText: after.slice(prefix, after.length - suffix),
  };
}

function splitsPair(text: string, offset: number): boolean {
  const previous = text.charCodeAt(offset - 1);
  const next = text.charCodeAt(offset);
  const crlf = previous === 13 && next === 10;
  const surrogates = previous >= 0xd800 && previous <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
  return crlf || surrogates;
}

function workspaceEdit(document: TextDocument, edits: TextEdit[], support: CodeActionSupport): WorkspaceEdit {
  if (support.documentChanges) {
    return { documentChanges: [TextDocumentEdit.create({ uri: document.uri, version: document.version }, edits)] };
  }
  return { changes: { [document.uri]: edits } };
}
