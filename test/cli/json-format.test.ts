// `--format json` is a public contract (version 1): check every field and its type.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CLEAN_DOCKERFILE, ensureBuilt, FLAWED_DOCKERFILE, makeWorkspace, runCli } from './cli-harness';

type Json = Record<string, unknown>;

function assertKeys(value: unknown, keys: readonly string[], where: string): asserts value is Json {
  assert.equal(typeof value, 'object', `${where} is an object`);
  assert.notEqual(value, null, `${where} is not null`);
  assert.deepEqual(Object.keys(value as Json).sort(), [...keys].sort(), `${where} has exactly ${keys.join(', ')}`);
}

function assertPosition(value: unknown, where: string): void {
  assertKeys(value, ['line', 'character'], where);
  for (const key of ['line', 'character']) {
    assert.ok(Number.isInteger(value[key]) && (value[key] as number) >= 0, `${where}.${key} is a 0-based integer`);
  }
}

function assertRange(value: unknown, where: string): void {
  assertKeys(value, ['start', 'end'], where);
  assertPosition(value.start, `${where}.start`);
  assertPosition(value.end, `${where}.end`);
}

function assertFinding(value: unknown, where: string): void {
  assertKeys(value, ['rule', 'code', 'aliases', 'severity', 'message', 'range', 'fixes'], where);
  assert.match(value.rule as string, /^[a-z0-9]+(-[a-z0-9]+)*$/, `${where}.rule is a kebab-case id`);
  assert.match(value.code as string, /^LW\d+$/, `${where}.code`);
  assert.ok(['error', 'warning', 'info', 'hint'].includes(value.severity as string), `${where}.severity`);
  assert.equal(typeof value.message, 'string');
  assert.ok((value.message as string).length > 0);
  assert.equal(typeof value.aliases, 'object');
  for (const [tool, name] of Object.entries(value.aliases as Json)) {
    assert.ok(['hadolint', 'buildkit', 'trivy', 'checkov'].includes(tool), `${where}.aliases.${tool}`);
    assert.equal(typeof name, 'string');
  }
  assertRange(value.range, `${where}.range`);
  assert.ok(Array.isArray(value.fixes));
  (value.fixes as unknown[]).forEach((fix, index) => {
    const at = `${where}.fixes[${index}]`;
    assertKeys(fix, ['title', 'safety', 'edits'], at);
    assert.equal(typeof fix.title, 'string');
    assert.ok(['safe', 'unsafe', 'suggestion'].includes(fix.safety as string), `${at}.safety`);
    assert.ok(Array.isArray(fix.edits) && fix.edits.length > 0, `${at}.edits is a non-empty array`);
    (fix.edits as unknown[]).forEach((edit, editIndex) => {
      assertKeys(edit, ['range', 'newText'], `${at}.edits[${editIndex}]`);
      assertRange(edit.range, `${at}.edits[${editIndex}].range`);
      assert.equal(typeof edit.newText, 'string');
    });
  });
}

function assertNullableNumber(value: unknown, where: string): void {
  assert.ok(value === null || (typeof value === 'number' && value >= 0), `${where} is null or a size in bytes`);
}

function assertStage(value: unknown, index: number, where: string): void {
  assertKeys(value, ['index', 'name', 'ships', 'base', 'line', 'estimate'], where);
  assert.equal(value.index, index);
  assert.ok(value.name === null || typeof value.name === 'string', `${where}.name`);
  assert.equal(typeof value.ships, 'boolean');
  assert.equal(typeof value.base, 'string');
  assert.ok(Number.isInteger(value.line) && (value.line as number) >= 0);
  assertKeys(value.estimate, ['bytes', 'low', 'high', 'basis'], `${where}.estimate`);
  const estimate = value.estimate;
  for (const key of ['bytes', 'low', 'high']) assertNullableNumber(estimate[key], `${where}.estimate.${key}`);
  assert.ok(['table', 'heuristic', 'unknown'].includes(estimate.basis as string), `${where}.estimate.basis`);
  if (estimate.basis === 'unknown') assert.equal(estimate.bytes, null, 'an unknown size has no bytes');
}

function assertReport(value: unknown): asserts value is { version: 1; files: Array<{ path: string; findings: Json[]; stages: Json[] }> } {
  assertKeys(value, ['version', 'files'], 'report');
  assert.equal(value.version, 1);
  assert.ok(Array.isArray(value.files));
  (value.files as unknown[]).forEach((file, fileIndex) => {
    const where = `files[${fileIndex}]`;
    assertKeys(file, ['path', 'findings', 'stages'], where);
    assert.equal(typeof file.path, 'string');
    assert.ok(Array.isArray(file.findings) && Array.isArray(file.stages));
    (file.findings as unknown[]).forEach((finding, index) => assertFinding(finding, `${where}.findings[${index}]`));
    (file.stages as unknown[]).forEach((stage, index) => assertStage(stage, index, `${where}.stages[${index}]`));
  });
}

describe('layerwise --format json', () => {
  let workspace: ReturnType<typeof makeWorkspace>;
  before(() => {
    ensureBuilt();
    workspace = makeWorkspace({ 'app/Dockerfile': FLAWED_DOCKERFILE, 'clean/Dockerfile': CLEAN_DOCKERFILE });
  });
  after(() => workspace.remove());

  it('prints one JSON document of the version 1 shape, findings included', () => {
    const result = runCli(['--format', 'json', 'app/Dockerfile', 'clean/Dockerfile'], { cwd: workspace.dir });
    assert.equal(result.code, 1);
    const report: unknown = JSON.parse(result.stdout);
    assertReport(report);
    assert.deepEqual(report.files.map((file) => file.path), ['app/Dockerfile', 'clean/Dockerfile']);
    const [flawed, clean] = report.files;
    assert.ok(flawed.findings.length > 0, 'the flawed file has findings');
    assert.ok(flawed.findings.some((finding) => (finding.fixes as unknown[]).length > 0), 'some finding carries a fix');
    assert.deepEqual(clean.findings, []);
  });

  it('describes every stage: names, which one ships, base and FROM line', () => {
    const result = runCli(['--format', 'json', 'clean/Dockerfile'], { cwd: workspace.dir });
    assert.equal(result.code, 0);
    const report: unknown = JSON.parse(result.stdout);
    assertReport(report);
    const stages = report.files[0].stages;
    assert.deepEqual(
      stages.map(({ index, name, ships, base, line }) => ({ index, name, ships, base, line })),
      [
        { index: 0, name: 'build', ships: false, base: 'golang:1.25-alpine', line: 0 },
        { index: 1, name: null, ships: true, base: 'scratch', line: 5 },
      ],
    );
  });

  it('ships the --target stage instead of the last one', () => {
    const result = runCli(['--format', 'json', '--target', 'build', 'clean/Dockerfile'], { cwd: workspace.dir });
    const report: unknown = JSON.parse(result.stdout);
    assertReport(report);
    assert.deepEqual(report.files[0].stages.map((stage) => stage.ships), [true, false]);
  });
});
