/**
 * The report's `sessions` array and its findings, from the same session model the UIs use
 * (analysis/sessions.ts). Without values, every URL is redacted first (parameter values become
 * `{length:digest}`): a log recorded with values on must not leak them into a default report.
 */
import { analyzeSessions, redactUrl, type SessionSummary } from '../analysis/index';
import type { Finding } from '../model/finding';
import { valueDigest } from './digest';
import type { ReportContext, SessionLog } from './types';

export interface ReportSessions {
  sessions: SessionSummary[];
  findings: Finding[];
}

export function reportSessions(log: SessionLog | undefined, ctx: ReportContext): ReportSessions {
  if (!log) return { sessions: [], findings: [] };
  const key = ctx.digestKey ?? '';
  const describe = (v: string) => ({ valueLength: new TextEncoder().encode(v).length, valueDigest: valueDigest(v, key) });
  const observations = ctx.valuesIncluded
    ? log.observations
    : log.observations.map((o) => ({
        ...o,
        url: redactUrl(o.url, describe),
        ...(o.initiator === undefined ? {} : { initiator: redactUrl(o.initiator, describe) }),
      }));
  const changes = ctx.valuesIncluded ? log.changes : log.changes.map(({ value: _v, ...c }) => c);
  const { sessions, findings } = analyzeSessions({ changes, observations, marks: log.marks, now: ctx.generatedAt });
  return { sessions: sessions.map((s) => s.summary), findings };
}
