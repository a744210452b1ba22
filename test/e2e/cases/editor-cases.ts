// The table the editor suite checks, computed from the core and the snippet files when the suite is
// bundled (scripts/e2e/build-suite.mjs writes it beside the bundle as editor-cases.json):
//  - every fix of every rule, on the rule's own invalid doc examples, with the text the core says
//    the fix leaves;
//  - one file with several safe fixes, with the text the core's fix-all leaves;
//  - every contributed snippet, with the text VS Code inserts when every default is accepted.
// The suite then checks that the editor, through the packaged extension, does exactly the same.
import { analyze, applyFixes, fixAll } from '../../../server/src/analysis/engine';
import type { Finding, Range, Rule } from '../../../server/src/analysis/rule';
import { allRules } from '../../../server/src/analysis/rules/index';
import { applyTextEdits } from '../../../server/src/analysis/text-edits';
import { FRAGMENT_HOSTS } from '../../snippets/fragment-hosts';
import { loadSnippets, prefixOf } from '../../snippets/snippet-catalog';

export interface FixExpectation {
  title: string;
  /** The document text after this fix alone. */
  expected: string;
}

export interface FixCase {
  /** `<rule id> #<example index>`: what a failure names. */
  name: string;
  rule: string;
  code: string;
  /** A file name of its own in the workspace (several cases are open at once). */
  fileName: string;
  text: string;
  /** The finding's range, to pick the right diagnostic when the rule reports more than one. */
  range: Range;
  fixes: FixExpectation[];
}

export interface FixAllCase {
  text: string;
  /** What `applyFixes` (the engine behind `source.fixAll.layerwise`) leaves. */
  expected: string;
  /** The codes whose safe fixes the file exercises, to wait for before asking for the action. */
  codes: string[];
}

export interface SnippetCase {
  name: string;
  prefix: string;
  /** The document the snippet is typed into, with the cursor on the blank line `line`. */
  host: string;
  line: number;
  /** The host with the snippet expanded with its defaults on that line. */
  expected: string;
}

export interface EditorCases {
  fixes: FixCase[];
  /** Rules none of whose doc examples has a fix: nothing for the editor to apply. */
  rulesWithoutFixes: string[];
  /**
   * Rules that declare a fix (availability always/sometimes) but none of whose invalid examples gets
   * one: their fix is never tried in the editor until such an example is added.
   */
  fixesWithoutExample: string[];
  fixAll: FixAllCase;
  snippets: SnippetCase[];
}

/**
 * The editor runs with its default settings and a build context of its own, so examples that need
 * other analysis options (suppressions forbidden, a given .dockerignore, trusted registries) cannot be
 * reproduced there by opening the file alone. None of those rules has a fix today; should one get a
 * fix, this throws instead of silently leaving its case out.
 */
function needsOptionsTheEditorLacks(rule: Rule): boolean {
  return rule.docs.exampleOptions !== undefined;
}

function findingOf(rule: Rule, text: string): Finding | undefined {
  return analyze(text, { ...rule.docs.exampleOptions, estimateSizes: false }).findings.find((finding) => finding.rule === rule.id);
}

function fixCasesOf(rule: Rule): FixCase[] {
  return rule.docs.examples.invalid.flatMap((text, index): FixCase[] => {
    const finding = findingOf(rule, text);
    if (!finding || finding.fixes.length === 0) return [];
    if (needsOptionsTheEditorLacks(rule)) {
      throw new Error(`${rule.id}: its fixes need exampleOptions the editor suite cannot set up; add that setup to the suite`);
    }
    return [
      {
        name: `${rule.id} #${index}`,
        rule: rule.id,
        code: finding.code,
        fileName: `${rule.id}.${index}.dockerfile`,
        text,
        range: finding.range,
        fixes: finding.fixes.map((fix) => ({ title: fix.title, expected: applyTextEdits(text, fix.edits) })),
      },
    ];
  });
}

/** A file where several safe fixes apply at once, none overlapping another. */
const FIX_ALL_TEXT = [
  'FROM debian:bookworm-slim',
  'MAINTAINER ops@example.com',
  'RUN apt-get update',
  'RUN apt-get install -y curl',
  'ADD site/ /usr/share/nginx/html/',
  'WORKDIR app',
  'EXPOSE 8080/TCP',
  'CMD nginx -g "daemon off;"',
  '',
].join('\n');

function fixAllCase(): FixAllCase {
  const { findings } = analyze(FIX_ALL_TEXT, { estimateSizes: false });
  const safe = findings.filter((finding) => finding.fixes.some((fix) => fix.safety === 'safe'));
  const expected = applyFixes(FIX_ALL_TEXT, findings);
  if (safe.length < 3 || expected === FIX_ALL_TEXT) {
    throw new Error(`the fix-all file must exercise several safe fixes; it has ${safe.map((finding) => finding.rule).join(', ') || 'none'}`);
  }
  // The editor's action is one pass of applyFixes; with a file where one pass is all, it must also
  // equal what the CLI's --fix (fixAll, repeated passes) writes.
  if (fixAll(FIX_ALL_TEXT) !== expected) throw new Error('the fix-all file needs more than one pass; choose fixes that do not overlap');
  return { text: FIX_ALL_TEXT, expected, codes: [...new Set(safe.map((finding) => finding.code))] };
}

const FRAGMENT_SLOT = '{{snippet}}';

/** A whole Dockerfile goes into an empty file; a fragment into the blank line of its host's stage. */
function snippetCases(): SnippetCase[] {
  return loadSnippets().map((snippet) => {
    const prefix = prefixOf(snippet);
    const fragmentHost = snippet.isFragment ? FRAGMENT_HOSTS[prefix] : undefined;
    if (snippet.isFragment && !fragmentHost) throw new Error(`fragment snippet ${prefix} has no host in test/snippets/fragment-hosts.ts`);
    const lines = fragmentHost ? fragmentHost.dockerfile.split('\n') : [FRAGMENT_SLOT];
    const line = lines.indexOf(FRAGMENT_SLOT);
    const withLine = (text: string) => lines.map((hostLine, index) => (index === line ? text : hostLine)).join('\n');
    return { name: snippet.name, prefix, host: withLine(''), line, expected: withLine(snippet.expanded) };
  });
}

export function buildEditorCases(): EditorCases {
  const fixes = allRules.flatMap(fixCasesOf);
  const withFixes = new Set(fixes.map((fixCase) => fixCase.rule));
  const withoutFixes = allRules.filter((rule) => !withFixes.has(rule.id));
  return {
    fixes,
    rulesWithoutFixes: withoutFixes.map((rule) => rule.id),
    fixesWithoutExample: withoutFixes.filter((rule) => rule.fix.availability !== 'never').map((rule) => rule.id),
    fixAll: fixAllCase(),
    snippets: snippetCases(),
  };
}
