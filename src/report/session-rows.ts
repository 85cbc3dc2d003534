/** The Sessions table's columns and cells, shared by the HTML and Markdown renderers. */
import type { FindingId } from '../model/finding';
import type { ReportSession } from './types';

export const SESSION_COLUMNS = [
  'Session',
  'Kind',
  'Issued',
  'Login',
  'Renewed at login',
  'Logout',
  'Ended by',
  'Sent',
  'Over HTTP',
  'In URL',
  'Restored',
  'Findings',
] as const;

/** Header findings about a session, not a Set-Cookie line: their subject names the header or parameter. */
const SESSION_HEADER_FINDINGS: ReadonlySet<FindingId> = new Set(['authorization-over-http', 'session-id-in-url']);

export function isSessionHeaderFinding(id: FindingId): boolean {
  return SESSION_HEADER_FINDINGS.has(id);
}

const yn = (b: boolean | null): string => (b === null ? '?' : b ? 'yes' : 'no');

function moment(m: ReportSession['login']): string {
  if (!m) return '—';
  return `${m.at} ${m.url ?? '(marked by hand)'}`;
}

export function sessionName(s: ReportSession): string {
  if (s.cookie) return `${s.cookie.name} — ${s.cookie.domain}${s.cookie.path}`;
  return `Authorization ${s.scheme ?? ''}`.trim();
}

export function sessionCells(s: ReportSession): string[] {
  return [
    sessionName(s),
    s.framework ? `${s.kind} (${s.framework})` : s.kind,
    s.issuedAt,
    moment(s.login),
    yn(s.rotatedAtLogin),
    moment(s.logout),
    s.endedBy ?? 'still alive',
    String(s.sentCount),
    yn(s.sentOverHttp),
    yn(s.inUrl),
    yn(s.restored),
    s.findings.join(' '),
  ];
}
