// The rule registry and the rules' own documentation, checked: every rule file is registered, its
// metadata is complete and unique, and its doc examples do what they claim (with every rule running),
// including the fixes they offer.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { analyze } from '../../server/src/analysis/engine';
import type { Rule, RuleAliases } from '../../server/src/analysis/rule';
import { allRules } from '../../server/src/analysis/rules/index';
import { verifyAllFixes } from '../../server/src/analysis/testing/verify-fix';

const rulesDir = join(__dirname, '..', '..', 'server', 'src', 'analysis', 'rules');

function ruleFiles(): string[] {
  return readdirSync(rulesDir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && entry.name !== 'index.ts')
    .map((entry) => entry.name.slice(0, -'.ts'.length))
    .sort();
}

/** The module's default export, through the CommonJS wrapper a loader may add. */
async function defaultExportOf(name: string): Promise<unknown> {
  const namespace = (await import(pathToFileURL(join(rulesDir, `${name}.ts`)).href)) as { default?: unknown };
  const value = namespace.default;
  if (value && typeof value === 'object' && 'default' in value && !('id' in value)) return (value as { default: unknown }).default;
  return value;
}

function countOf(rule: Rule, code: string): number {
  const result = analyze(code, { ...rule.docs.exampleOptions, estimateSizes: false });
  assert.deepEqual(result.internalErrors, [], 'no rule may throw on a doc example');
  return result.findings.filter((finding) => finding.rule === rule.id).length;
}

describe('rule registry', () => {
  it('registers every rule file, as its default export', async () => {
    const files = ruleFiles();
    assert.ok(files.length > 0, 'no rule files found');
    for (const name of files) {
      const exported = await defaultExportOf(name);
      assert.ok(allRules.includes(exported as Rule), `rules/${name}.ts is not in allRules (run npm run generate)`);
    }
    assert.equal(allRules.length, files.length, 'allRules has entries without a rule file');
  });

  it('names each rule after its file, in kebab-case', () => {
    const files = new Set(ruleFiles());
    for (const rule of allRules) {
      assert.match(rule.id, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, `${rule.id} is not kebab-case`);
      assert.ok(files.has(rule.id), `${rule.id} has no file rules/${rule.id}.ts`);
    }
  });

  it('gives each rule a unique LW code, and keeps the registry sorted by code', () => {
    const codes = allRules.map((rule) => rule.code);
    for (const code of codes) assert.match(code, /^LW\d{3}$/);
    assert.equal(new Set(codes).size, codes.length, `duplicate codes: ${codes.join(', ')}`);
    assert.deepEqual(codes, [...codes].sort(), 'allRules must be sorted by code');
  });

  // BuildKit checks that one of their names covers several of our rules, which then all share it.
  const sharedAliases: Record<string, readonly string[]> = {
    'buildkit:multipleinstructionsdisallowed': ['multiple-cmd', 'multiple-entrypoint', 'multiple-healthcheck'],
  };

  it('never gives two rules the same alias of one tool, but for the known shared BuildKit checks', () => {
    const owners = new Map<string, string>();
    for (const rule of allRules) {
      for (const [tool, alias] of Object.entries(rule.aliases) as Array<[keyof RuleAliases, string | undefined]>) {
        if (!alias) continue;
        const key = `${tool}:${alias.toLowerCase()}`;
        if (sharedAliases[key]) {
          assert.ok(sharedAliases[key].includes(rule.id), `${rule.id} is not one of the rules ${alias} covers`);
          continue;
        }
        assert.ok(!owners.has(key), `${tool} alias ${alias} is used by ${owners.get(key)} and ${rule.id}`);
        owners.set(key, rule.id);
      }
    }
  });

  it('documents every rule and explains every missing fix', () => {
    for (const rule of allRules) {
      assert.ok(rule.docs.summary.trim().length > 0, `${rule.id}: empty summary`);
      assert.ok(rule.docs.rationale.trim().length > 0, `${rule.id}: empty rationale`);
      assert.ok(rule.docs.examples.invalid.length > 0, `${rule.id}: no invalid example`);
      assert.ok(rule.docs.examples.valid.length > 0, `${rule.id}: no valid example`);
      if (rule.fix.availability !== 'always') assert.ok(rule.fix.reason?.trim(), `${rule.id}: a fix that is not always available needs a reason`);
    }
  });
});

describe('rule doc examples (all rules running)', () => {
  for (const rule of allRules) {
    describe(`${rule.code} ${rule.id}`, () => {
      rule.docs.examples.invalid.forEach((example, index) => {
        it(`invalid example #${index + 1} gives exactly one finding, and its fixes verify`, () => {
          assert.equal(countOf(rule, example), 1, `example:\n${example}`);
          verifyAllFixes(example);
        });
      });
      rule.docs.examples.valid.forEach((example, index) => {
        it(`valid example #${index + 1} gives no finding, and its fixes verify`, () => {
          assert.equal(countOf(rule, example), 0, `example:\n${example}`);
          verifyAllFixes(example);
        });
      });
    });
  }
});
