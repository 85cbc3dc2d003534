/**
 * Login and logout moments of an audit's --login script, handed to the extension so its session
 * audit can tell "renewed at login" and "cleared at logout" from the rest of the log.
 */
import type { ExtensionControl } from '../browser/extension';

export interface SessionMoment {
  kind: 'login' | 'logout';
  tabId: number;
  /** ms since the epoch: when the script started (the moment's requests follow it). */
  start: number;
  end: number;
  /** The page's URL when the script finished. */
  url: string;
}

/** The protocol message the background takes a user's login/logout mark with. */
export const MARK_MESSAGE = 'markSessionMoment';

/**
 * Sends the moment to the extension. Returns whether the background took it: a build whose
 * protocol has no such message answers with an error, and the moment then stays in the command's
 * own output only.
 */
export async function markSessionMoment(control: ExtensionControl, moment: SessionMoment): Promise<boolean> {
  try {
    await control.send(MARK_MESSAGE, moment);
    return true;
  } catch {
    return false;
  }
}
