import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CLEAN_DOCKERFILE, ensureBuilt, FLAWED_DOCKERFILE, makeWorkspace, runCli } from './cli-harness';

interface JsonFinding {
  rule: string;
  code: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number } };
  fixes: Array<{ safety: string }>;
}

describe('layerwise stylish output', () => {
  let workspace: ReturnType<typeof makeWorkspace>;
  const run = (...args: string[]) => runCli(args, { cwd: workspace.dir });

  before(() => {
    ensureBuilt();
    workspace = makeWorkspace({ 'app/Dockerfile': FLAWED_DOCKERFILE, 'clean/Dockerfile': CLEAN_DOCKERFILE });
  });
  after(() => workspace.remove());

  it('lists each finding under its file as line:col severity message CODE (rule), 1-based', () => {
    const findings = (JSON.parse(run('--format', 'json', 'app/Dockerfile').stdout) as { files: Array<{ findings: JsonFinding[] }> })
      .files[0].findings;
    const output = run('app/Dockerfile').stdout;
    const lines = output.split('\n');
    assert.equal(lines[0], 'app/Dockerfile');
    for (const finding of findings) {
      const position = `${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
      const line = lines.find((candidate) => candidate.includes(finding.message) && candidate.includes(`${finding.code} (${finding.rule})`));
      assert.ok(line, `a line for ${finding.code}: ${finding.message}`);
      assert.match(line, new RegExp(`^\\s+${position}\\s+${finding.severity}\\s`));
      if (finding.fixes.some((fix) => fix.safety === 'safe')) assert.match(line, /\[fix\]$/);
    }
  });

  it('shows the stages of every file with their estimated size and role', () => {
    const output = run('clean/Dockerfile').stdout;
    assert.match(output, /^clean\/Dockerfile\n {2}no problems\n/);
    assert.match(output, /\n {2}Stages\n/);
    assert.match(output, /FROM golang:1\.25-alpine AS build \(line 1\) ([≈≥] [\d.]+ [KMG]?B est\.|size unknown) · copied-from/);
    assert.match(output, /FROM scratch \(line 6\) ([≈≥] [\d.]+ [KMG]?B est\.|size unknown) · ships/);
  });

  it('ends with a summary that counts problems, files and fixable findings', () => {
    const findings = (JSON.parse(run('--format', 'json', 'app/Dockerfile', 'clean/Dockerfile').stdout) as {
      files: Array<{ findings: JsonFinding[] }>;
    }).files.flatMap((file) => file.findings);
    const output = run('app/Dockerfile', 'clean/Dockerfile').stdout;
    const noun = findings.length === 1 ? 'problem' : 'problems';
    assert.match(output, new RegExp(`✖ ${findings.length} ${noun} \\(.*\\) in 2 files\\n`));
    const fixable = findings.filter((finding) => finding.fixes.some((fix) => fix.safety === 'safe')).length;
    if (fixable > 0) assert.match(output, new RegExp(`${fixable} fixable with --fix`));
  });

  it('says so when everything is clean', () => {
    assert.match(run('clean/Dockerfile').stdout, /✔ no problems in 1 file\n$/);
  });

  it('prints no color codes when stdout is not a terminal', () => {
    const output = run('app/Dockerfile').stdout;
    assert.ok(!output.includes('\u001b['), 'no ANSI escape in piped output');
  });

  it('prints a per-stage size table with --sizes', () => {
    const output = run('--sizes', 'clean/Dockerfile').stdout;
    assert.match(output, /\n {2}Sizes\n/);
    assert.match(output, /#\s+stage\s+base\s+line\s+role\s+estimate/);
    assert.match(output, /\n {4}0\s+build\s+golang:1\.25-alpine\s+1\s+copied-from\s+/);
    assert.match(output, /\n {4}1\s+-\s+scratch\s+6\s+ships\s+/);
  });
});
