/** How the popup and the panel name a session and say its state: in words, not colour alone. */
import type { SessionSummary } from '../../analysis/sessions';
import { t } from '../../platform/i18n';

export function sessionName(s: SessionSummary): string {
  if (s.cookie) return s.cookie.name;
  return `Authorization ${s.scheme ?? ''}`.trim();
}

/** What tests find a session by: `name@path`, or `Authorization <scheme>`. */
export function sessionKey(s: SessionSummary): string {
  return s.cookie ? `${s.cookie.name}@${s.cookie.path}` : sessionName(s);
}

/** `yes` / `no` / `unknown` (no login or logout seen): the data attribute tests read. */
export type Verdict = 'yes' | 'no' | 'unknown';

export const renewedAtLogin = (s: SessionSummary): Verdict => (s.rotatedAtLogin === null ? 'unknown' : s.rotatedAtLogin ? 'yes' : 'no');

export const clearedAtLogout = (s: SessionSummary): Verdict => (s.logout === null ? 'unknown' : s.endedBy === 'logout' ? 'yes' : 'no');

export function verdictText(v: Verdict): string {
  if (v === 'unknown') return `– ${t('ui_sessions_notSeen')}`;
  return v === 'yes' ? `✓ ${t('ui_sessions_yes')}` : `✗ ${t('ui_sessions_no')}`;
}

export function stateText(s: SessionSummary): string {
  return s.endedBy === null ? t('ui_sessions_alive') : t('ui_sessions_endedHow', t(`ui_sessions_ended_${s.endedBy}`));
}
