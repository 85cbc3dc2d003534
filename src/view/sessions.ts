/**
 * The sessions a tab's pages show: the session model's result (analysis/sessions.ts) cut down to
 * what the popup and the panel render and can be sent over a port — no cookie values or digests,
 * each session with its own findings. Pure, so the read model and tests build the same list.
 */
import type { AuthMomentRecord } from '../analysis/auth-moments';
import type { SessionAnalysis, SessionStep, SessionSummary } from '../analysis/sessions';
import { sortFindings } from '../analysis/findings';
import type { Finding } from '../model/finding';

export interface TabSession {
  /** Stable within one log: the session model's id. */
  id: string;
  site: string;
  /** How findings and the UIs name it (`sessionid on shop.test`). */
  label: string;
  summary: SessionSummary;
  /** issued → login → rotated → sent N× → logout → ended, oldest first. */
  timeline: SessionStep[];
  /** This session's findings, most severe first. */
  findings: Finding[];
}

export type TabAuthMoment = Pick<AuthMomentRecord, 'kind' | 'time' | 'site' | 'url' | 'manual'>;

export interface TabSessions {
  sessions: TabSession[];
  /** Logins and logouts on the tab's sites, oldest first (markers on the panel's timeline). */
  authMoments: TabAuthMoment[];
}

export function tabSessions(analysis: SessionAnalysis, sites: ReadonlySet<string>): TabSessions {
  const sessions = analysis.sessions
    .filter((s) => sites.has(s.site))
    .map((s) => ({
      id: s.id,
      site: s.site,
      label: s.label,
      summary: s.summary,
      timeline: s.timeline,
      findings: sortFindings(analysis.findings.filter((f) => f.details?.['session'] === s.label)),
    }));
  const authMoments = analysis.moments
    .filter((m) => sites.has(m.site))
    .map(({ kind, time, site, url, manual }) => ({ kind, time, site, url, manual }))
    .sort((a, b) => a.time - b.time);
  return { sessions, authMoments };
}
