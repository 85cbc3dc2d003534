/**
 * The slice of header observations that findings need. The full observation record (tab, frame,
 * request id, initiator…) belongs to whoever records it; anything with these fields will do.
 */

/** A request that carried a `Cookie` header: only the names, never the values. */
export interface CookieSentObservation {
  kind: 'cookie-sent';
  url: string;
  time: number;
  cookieNames: readonly string[];
  /** Top-level site of the tab the request belonged to, when known. */
  topLevelSite?: string;
}

export type ObservedSetCookieOutcome =
  | { accepted: true }
  | {
      accepted: false;
      /** Reason code: ours, Chrome's `SetCookieBlockedReason` or a Firefox console key. */
      reason: string;
      detail?: string;
    };

/** One raw `Set-Cookie` line of a response and what the browser did with it. */
export interface SetCookieObservation {
  kind: 'set-cookie';
  url: string;
  time: number;
  /** The raw line. Values may be redacted; then pass `nameValueBytes` measured before redaction. */
  line: string;
  /** Index of the line among the response's Set-Cookie lines. */
  lineIndex?: number;
  nameValueBytes?: number;
  topLevelSite?: string;
  outcome: ObservedSetCookieOutcome;
}

export type FindingObservation = CookieSentObservation | SetCookieObservation;
