/**
 * CSV: one row per cookie with its classification and finding IDs (RFC 4180: CRLF, quoted fields,
 * every cell neutralised against formula injection by csvCell).
 */
import { csvRow } from './escape';
import type { AuditReport } from './types';

const COLUMNS = [
  'name',
  'domain',
  'hostOnly',
  'path',
  'secure',
  'httpOnly',
  'sameSite',
  'session',
  'expires',
  'size',
  'valueLength',
  'valueDigest',
  'storeId',
  'partitionKey',
  'registrableDomain',
  'thirdParty',
  'sessionId',
  'sessionIdWhy',
  'jwtAlg',
  'findings',
  'purpose',
  'purposeSource',
  'purposePlatform',
] as const;

/**
 * The first line is a one-cell record saying whether values are included (a spreadsheet shows it
 * as a title row); the header row follows.
 */
export function toCsv(report: AuditReport): string {
  const notice = report.valuesIncluded
    ? 'Cookie audit report: cookie values INCLUDED (treat this file as a secret)'
    : 'Cookie audit report: cookie values not included (redacted; length and digest only)';
  const header = report.valuesIncluded ? [...COLUMNS, 'value'] : [...COLUMNS];
  const rows = report.cookies.map((c) => {
    const cells: unknown[] = [
      c.name,
      c.domain,
      c.hostOnly,
      c.path,
      c.secure,
      c.httpOnly,
      c.sameSite,
      c.session,
      c.expires ?? '',
      c.size,
      c.valueLength,
      c.valueDigest,
      c.storeId,
      c.partitionKey ?? '',
      c.registrableDomain,
      c.thirdParty ?? '',
      c.sessionId.isSessionId,
      c.sessionId.why ?? '',
      typeof c.jwt?.header['alg'] === 'string' ? c.jwt.header['alg'] : '',
      c.findings.join(' '),
      c.purpose.category,
      c.purpose.source === 'rule' ? `rule: ${c.purpose.rule ?? ''}` : c.purpose.source,
      c.purpose.platform ?? '',
    ];
    if (report.valuesIncluded) cells.push(c.value ?? '');
    return csvRow(cells);
  });
  return [csvRow([notice]), csvRow(header), ...rows].join('\r\n') + '\r\n';
}
