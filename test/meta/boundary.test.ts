// The architecture's boundary is enforced by lint, not by good intentions: prove the lint rule bites.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';

const repoRoot = join(__dirname, '..', '..');
const eslint = new ESLint({ cwd: repoRoot });

async function boundaryViolations(code: string, relativePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(repoRoot, relativePath) });
  return result.messages
    .filter((message) => message.ruleId === '@typescript-eslint/no-restricted-imports' || message.ruleId === 'no-restricted-globals')
    .map((message) => message.message);
}

describe('the analysis core stays pure (eslint boundary)', () => {
  const corePath = 'server/src/analysis/boundary-probe.ts';

  for (const moduleName of ['vscode-languageserver/node', 'vscode-languageserver', 'node:fs', 'fs/promises', 'child_process', 'https', 'node:net']) {
    it(`forbids importing ${moduleName} in the core`, async () => {
      const violations = await boundaryViolations(`import * as forbidden from '${moduleName}';\nexport const probe = forbidden;\n`, corePath);
      assert.equal(violations.length, 1, `expected one violation for ${moduleName}`);
      assert.match(violations[0], /pure core/);
    });
  }

  it('forbids the process global in the core', async () => {
    const violations = await boundaryViolations('export const home = process.env.HOME;\n', corePath);
    assert.equal(violations.length, 1);
  });

  it('allows type-only imports from the language server in the core', async () => {
    const code = "import type { Diagnostic } from 'vscode-languageserver';\nexport type Probe = Diagnostic;\n";
    assert.deepEqual(await boundaryViolations(code, corePath), []);
  });

  it('allows the same imports in the doors (lsp, cli)', async () => {
    const code = "import { readFileSync } from 'node:fs';\nexport const probe = readFileSync;\n";
    assert.deepEqual(await boundaryViolations(code, 'server/src/lsp/boundary-probe.ts'), []);
    assert.deepEqual(await boundaryViolations(code, 'server/src/cli/boundary-probe.ts'), []);
  });
});
