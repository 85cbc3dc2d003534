/** The table the audit command prints after a run (pure: a report in, lines out). */
import { SEVERITIES } from '../../src/model/finding';
import type { AuditReport, ReportFinding } from '../../src/report/index';

const TOP = 10;

function subjectOf(f: ReportFinding): string {
  if (f.kind === 'cookie') return `${f.cookie.name} (${f.cookie.domain})`;
  if (f.kind === 'header') return `${f.header.name || '(nameless)'} at ${f.header.url}`;
  return f.domain.domain;
}

export function summaryLines(report: AuditReport): string[] {
  const s = report.summary;
  const rows: Array<[string, string]> = [
    ['cookies', String(s.cookies)],
    ['session / persistent', `${s.session} / ${s.persistent}`],
    ['third-party', String(s.thirdParty)],
    ['sessions (session-ID cookies)', String(s.sessionIds)],
    ['rejected Set-Cookie lines', String(s.rejected)],
    ['findings', SEVERITIES.map((sev) => `${s.findings[sev]} ${sev}`).join(', ')],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const out = rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`);
  const order = (f: ReportFinding) => SEVERITIES.indexOf(f.severity);
  const top = [...report.findings]
    .filter((f) => f.severity !== 'info')
    .sort((a, b) => order(a) - order(b))
    .slice(0, TOP);
  if (top.length > 0) {
    out.push('', `  top findings:`);
    for (const f of top) out.push(`    ${`[${f.severity}]`.padEnd(8)} ${f.id.padEnd(28)} ${subjectOf(f)}`);
  }
  return out;
}
