/** `cookie-audit diff a.json b.json [--json]`, and reading a --baseline report. */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { diffReports, isEmptyDiff, type ReportDiff } from '../../src/report/diff';
import type { AuditReport, ReportFinding } from '../../src/report/index';
import { validateReport } from '../../src/report/validate';
import { UsageError } from './args';
import { AuditError } from './timeout';

export const DIFF_USAGE = `usage: cookie-audit diff <before.json> <after.json> [--json]

Prints what changed between two audit reports: cookies added, removed or with changed attributes,
findings new, gone or more severe. Exit 0 when nothing changed, 1 when something did, 2 on errors.`;

export function readReport(path: string): AuditReport {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new AuditError(`cannot read the report ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const v = validateReport(data);
  if (!v.valid) throw new AuditError(`${path} is not a cookie audit report: ${v.errors[0] ?? 'schema errors'}`);
  return data as AuditReport;
}

function subject(f: ReportFinding): string {
  if (f.kind === 'cookie') return `${f.cookie.name} (${f.cookie.domain}${f.cookie.path})`;
  if (f.kind === 'header') return `${f.header.name || '(nameless)'} at ${f.header.url}`;
  return f.domain.domain;
}

export function diffLines(d: ReportDiff): string[] {
  const out: string[] = [];
  const c = d.cookies;
  out.push(`cookies: ${c.added.length} added, ${c.removed.length} removed, ${c.changed.length} changed`);
  for (const x of c.added) out.push(`  + ${x.name} (${x.domain}${x.path})`);
  for (const x of c.removed) out.push(`  - ${x.name} (${x.domain}${x.path})`);
  for (const x of c.changed) {
    const what = x.changes.map((ch) => `${ch.attribute} ${String(ch.from)} → ${String(ch.to)}`).join(', ');
    out.push(`  ~ ${x.name} (${x.domain}${x.path}): ${what}`);
  }
  const f = d.findings;
  out.push(`findings: ${f.added.length} new, ${f.removed.length} gone, ${f.worse.length} worse`);
  for (const x of f.added) out.push(`  + [${x.severity}] ${x.id} ${subject(x)}`);
  for (const x of f.worse) out.push(`  ! [${x.from.severity} → ${x.to.severity}] ${x.to.id} ${subject(x.to)}`);
  for (const x of f.removed) out.push(`  - [${x.severity}] ${x.id} ${subject(x)}`);
  return out;
}

export function runDiff(argv: readonly string[], out: (line: string) => void): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (err) {
    throw new UsageError(String(err instanceof Error ? err.message : err).split(/\. |\n/)[0]!);
  }
  if (parsed.values.help) {
    out(DIFF_USAGE);
    return 0;
  }
  if (parsed.positionals.length !== 2) throw new UsageError('diff needs two reports: cookie-audit diff <before.json> <after.json>');
  const d = diffReports(readReport(parsed.positionals[0]!), readReport(parsed.positionals[1]!));
  if (parsed.values.json) out(JSON.stringify(d, null, 2));
  else for (const line of diffLines(d)) out(line);
  return isEmptyDiff(d) ? 0 : 1;
}
