/**
 * Login and logout moments of an audit's --login script, handed to the extension as session marks
 * with their span, so its session audit judges the cookie changes made while the script ran —
 * however slow the login — and not those of a short window after "now".
 */
import type { ExtensionControl } from '../browser/extension';
import type { RequestOf } from '../../src/messaging/protocol';
import { AuditError } from './timeout';

export interface SessionMoment {
  kind: 'login' | 'logout';
  tabId: number;
  /** ms since the epoch: when the script started (the moment's requests follow it). */
  start: number;
  /** When the script had finished and every Set-Cookie line of its requests had its outcome. */
  end: number;
  /** The page's URL when the script finished. */
  url: string;
}

export function markRequest(moment: SessionMoment): RequestOf<'markSession'> {
  return { tabId: moment.tabId, kind: moment.kind, span: { start: moment.start, end: moment.end } };
}

/** Marks the moment in the extension's log; a refusal is an error, not a silently weaker audit. */
export async function markSessionMoment(control: ExtensionControl, moment: SessionMoment): Promise<void> {
  try {
    await control.send('markSession', markRequest(moment));
  } catch (err) {
    throw new AuditError(
      `the extension did not take the --login script's ${moment.kind} mark: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}
