/**
 * Netscape cookies.txt, as curl (`-b file`) and wget read it: seven TAB-separated fields per line,
 * `#HttpOnly_` before the domain of HttpOnly cookies (curl's extension), expiry 0 for session
 * cookies. Only meaningful with values, so it refuses a report made without them.
 */
import type { AuditReport, ReportCookie } from './types';

/** The format has no escaping: a TAB or line break in a field would shift or split the record. */
const UNSAFE = /[\t\r\n]/;

function line(c: ReportCookie): string {
  const domain = (c.httpOnly ? '#HttpOnly_' : '') + (c.hostOnly ? c.domain : `.${c.domain}`);
  const expiry = c.expires === null ? 0 : Math.floor(Date.parse(c.expires) / 1000);
  const bool = (b: boolean): string => (b ? 'TRUE' : 'FALSE');
  return [domain, bool(!c.hostOnly), c.path, bool(c.secure), String(expiry), c.name, c.value ?? ''].join('\t');
}

export function toNetscape(report: AuditReport): string {
  if (!report.valuesIncluded) throw new Error('cookies.txt needs cookie values: build the report with values included');
  const out = [
    '# Netscape HTTP Cookie File (cookie values included: treat this file as a secret)',
    `# Generated ${report.generatedAt} by ${report.generator.name} ${report.generator.version}`,
  ];
  let skipped = 0;
  for (const c of report.cookies) {
    if (UNSAFE.test(c.name) || UNSAFE.test(c.value ?? '') || UNSAFE.test(c.path)) skipped++;
    else out.push(line(c));
  }
  if (skipped > 0)
    out.push(`# ${skipped} cookie(s) left out: a TAB or line break in the name, value or path cannot be written in this format`);
  return out.join('\n') + '\n';
}
