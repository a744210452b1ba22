// The table of fixes and snippets that scripts/e2e/build-suite.mjs computed from the core and wrote
// beside this bundle (see test/e2e/cases/editor-cases.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EditorCases } from '../cases/editor-cases';

export type { EditorCases, FixCase, FixExpectation, SnippetCase } from '../cases/editor-cases';

export function loadEditorCases(): EditorCases {
  const file = join(__dirname, 'editor-cases.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as EditorCases;
  } catch (error) {
    throw new Error(`${file} is missing or broken: bundle the suite with scripts/e2e/build-suite.mjs (${String(error)})`);
  }
}
