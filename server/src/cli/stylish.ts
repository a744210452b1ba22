// The human reporter: findings grouped per file (eslint-style), each file's stages with their
// estimated size, then a summary of problems and of what --fix could do.
import type { StageSummary } from '../analysis/engine-types';
import type { Finding, Severity } from '../analysis/rule';
import { padEnd, padStart, visibleLength, type Palette } from './colors';
import type { FileResult } from './file-result';
import { describeEstimate } from './size-text';
import { renderSizeTable } from './sizes';

export interface StylishOptions {
  palette: Palette;
  /** Show the per-stage table with layers instead of the one-line-per-stage block. */
  sizes: boolean;
  /** --fix ran: the summary then speaks of what remains. */
  fixRan: boolean;
}

const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

function severityLabel(severity: Severity, palette: Palette): string {
  switch (severity) {
    case 'error':
      return palette.red('error');
    case 'warning':
      return palette.yellow('warning');
    case 'info':
      return palette.blue('info');
    case 'hint':
      return palette.dim('hint');
  }
}

/** The best fix a user can apply in bulk: safe with --fix, unsafe with --fix --unsafe-fixes. */
function fixMarker(finding: Finding, palette: Palette): string {
  const safeties = new Set(finding.fixes.map((fix) => fix.safety));
  if (safeties.has('safe')) return palette.green('[fix]');
  if (safeties.has('unsafe')) return palette.yellow('[unsafe fix]');
  if (safeties.has('suggestion')) return palette.dim('[suggestion]');
  return '';
}

function findingLines(findings: readonly Finding[], palette: Palette): string[] {
  const rows = findings.map((finding) => ({
    position: `${finding.range.start.line + 1}:${finding.range.start.character + 1}`,
    severity: severityLabel(finding.severity, palette),
    message: finding.message.replace(/\s*\r?\n\s*/g, ' '),
    rule: palette.dim(`${finding.code} (${finding.rule})`),
    marker: fixMarker(finding, palette),
  }));
  const positionWidth = Math.max(0, ...rows.map((row) => row.position.length));
  const severityWidth = Math.max(0, ...rows.map((row) => visibleLength(row.severity)));
  return rows.map((row) =>
    [
      '  ' + padStart(palette.dim(row.position), positionWidth),
      padEnd(row.severity, severityWidth),
      row.message,
      row.rule,
      row.marker,
    ]
      .filter((part) => part !== '')
      .join('  '),
  );
}

function stageLine(stage: StageSummary, palette: Palette): string {
  const name = stage.name === null ? '' : ` AS ${stage.name}`;
  const roles = stage.roles.length > 0 ? stage.roles.join(', ') : stage.ships ? 'ships' : 'unused';
  const estimate = describeEstimate(stage.estimate);
  const roleText = stage.ships ? palette.bold(roles) : palette.dim(roles);
  return `    FROM ${stage.base}${name} ${palette.dim(`(line ${stage.line + 1})`)} ${estimate} · ${roleText}`;
}

function stageBlock(file: FileResult, options: StylishOptions): string[] {
  if (file.stages.length === 0) return [];
  if (options.sizes) return ['', ...renderSizeTable(file.stages, file.estimates, options.palette)];
  return ['', '  ' + options.palette.bold('Stages'), ...file.stages.map((stage) => stageLine(stage, options.palette))];
}

function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${count} ${count === 1 ? word : pluralWord}`;
}

function summaryLines(files: readonly FileResult[], options: StylishOptions): string[] {
  const { palette } = options;
  const findings = files.flatMap((file) => file.findings);
  const lines: string[] = [];
  const fixedCount = files.filter((file) => file.fixed).length;
  if (options.fixRan) lines.push(palette.green(`Fixed ${plural(fixedCount, 'file')}.`));
  const fileCount = plural(files.length, 'file');
  if (findings.length === 0) {
    lines.push(palette.green(`✔ no problems in ${fileCount}`));
    return lines;
  }
  const counts = SEVERITY_ORDER.map((severity) => ({
    severity,
    count: findings.filter((finding) => finding.severity === severity).length,
  }))
    .filter(({ severity, count }) => count > 0 || severity === 'error' || severity === 'warning')
    .map(({ severity, count }) => plural(count, severity, severity === 'info' ? 'infos' : `${severity}s`));
  const headline = `✖ ${plural(findings.length, 'problem')} (${counts.join(', ')}) in ${fileCount}`;
  lines.push(findings.some((finding) => finding.severity === 'error') ? palette.red(palette.bold(headline)) : palette.yellow(palette.bold(headline)));

  const safe = findings.filter((finding) => finding.fixes.some((fix) => fix.safety === 'safe')).length;
  const unsafeOnly = findings.filter(
    (finding) => !finding.fixes.some((fix) => fix.safety === 'safe') && finding.fixes.some((fix) => fix.safety === 'unsafe'),
  ).length;
  const hints: string[] = [];
  if (safe > 0) hints.push(`${safe} fixable with --fix`);
  if (unsafeOnly > 0) hints.push(`${unsafeOnly} more with --fix --unsafe-fixes`);
  if (hints.length > 0) lines.push(`  ${hints.join('; ')}`);
  return lines;
}

export function renderStylish(files: readonly FileResult[], options: StylishOptions): string {
  const { palette } = options;
  const lines: string[] = [];
  for (const file of files) {
    lines.push(palette.underline(file.path) + (file.fixed ? palette.green(' (fixed)') : ''));
    if (file.findings.length === 0) lines.push(palette.green('  no problems'));
    else lines.push(...findingLines(file.findings, palette));
    lines.push(...stageBlock(file, options), '');
  }
  lines.push(...summaryLines(files, options));
  return lines.join('\n') + '\n';
}
