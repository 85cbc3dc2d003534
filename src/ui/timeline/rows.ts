/**
 * The timeline's rows: one per request that sent cookies, one per Set-Cookie line of a response,
 * and one per cookie change that no Set-Cookie line already explains (script writes, expiries,
 * evictions). Flattening here keeps the virtualized list at a fixed row height and lets filters
 * work on plain fields. Pure: the caller passes the log slices and the page's first-party site.
 */
import type { CookieChangeEvent, HeaderObservation, SetCookieOutcome, SetCookieRecord } from '../../model/events';

export type RowKind = 'request' | 'set-cookie' | 'script' | 'expired' | 'evicted' | 'change';
export const ROW_KINDS: readonly RowKind[] = ['request', 'set-cookie', 'script', 'expired', 'evicted', 'change'];

export type RowParty = 'first' | 'third' | 'unknown';

export interface TimelineRow {
  /** Unique within a timeline: `r<obs>`, `s<obs>.<line>`, `c<change>`. */
  id: string;
  time: number;
  /** Tie-break inside one millisecond: log ids grow in recording order. */
  seq: number;
  kind: RowKind;
  /** Cookie names the row is about (a request may send many). */
  names: string[];
  /** Registrable domain of the URL or of the cookie. */
  domain: string;
  party: RowParty;
  url?: string;
  outcome?: SetCookieOutcome;
  reason?: string;
  /** The (redacted) Set-Cookie line. */
  line?: string;
  /** The cookie's identity, when the row is tied to one cookie. */
  cookieKey?: string;
  /** Finding IDs of a Set-Cookie line (from the findings engine, when the caller supplies it). */
  findings: readonly string[];
  /** Whether the row carries a problem worth the "findings only" filter. */
  flagged: boolean;
  /** Lower-cased text the free-text search looks in. */
  haystack: string;
  observation?: HeaderObservation;
  setCookie?: SetCookieRecord;
  change?: CookieChangeEvent;
  /** On a response's last Set-Cookie row: how many further lines were not recorded. */
  omitted?: number;
}

function partyOf(domain: string, topLevelSite: string | undefined): RowParty {
  if (!topLevelSite || !domain) return 'unknown';
  return domain === topLevelSite ? 'first' : 'third';
}

/** Changes a Set-Cookie row already tells about (its outcome), or that are half of a replacement. */
function explained(c: CookieChangeEvent, linked: boolean): boolean {
  if (c.cause === 'overwrite' && c.removed) return true;
  return linked;
}

function changeKind(c: CookieChangeEvent): RowKind {
  if (c.cause === 'evicted') return 'evicted';
  if (c.cause === 'expired') return 'expired';
  if (c.source === 'script') return 'script';
  return 'change';
}

function isHttpScheme(o: HeaderObservation): boolean {
  return o.scheme === 'http' || o.url.startsWith('http:');
}

export interface BuildInput {
  observations: readonly HeaderObservation[];
  changes: readonly CookieChangeEvent[];
  /** Registrable domain of the inspected page: decides first/third party. */
  topLevelSite?: string | undefined;
  /** Finding IDs of one Set-Cookie line; without it only rejections and warnings flag a line. */
  lineFindings?: (o: HeaderObservation, s: SetCookieRecord, index: number) => readonly string[];
}

/** What row building needs besides the events themselves. */
export interface RowContext {
  topLevelSite?: string | undefined;
  lineFindings?: BuildInput['lineFindings'];
}

/** The changes the response lines of an observation link (the rows they make need no row of their own). */
export function linkedChangeIds(o: HeaderObservation): number[] {
  if (o.kind === 'request') return [];
  const ids: number[] = [];
  for (const s of o.setCookies ?? []) if (s.changeEventId !== undefined) ids.push(s.changeEventId);
  return ids;
}

/** An observation's rows: its request row, or one per Set-Cookie line; `changeOf` finds a line's linked change. */
export function observationRows(
  o: HeaderObservation,
  ctx: RowContext,
  changeOf: (id: number) => CookieChangeEvent | undefined,
): TimelineRow[] {
  const party = partyOf(o.registrableDomain, o.topLevelSite ?? ctx.topLevelSite);
  if (o.kind === 'request') {
    const names = o.cookieNames ?? [];
    if (names.length === 0) return [];
    return [
      {
        id: `r${o.id}`,
        time: o.time,
        seq: o.id,
        kind: 'request',
        names: [...names],
        domain: o.registrableDomain,
        party,
        url: o.url,
        findings: [],
        // What the findings engine reports for a Cookie header: sent-over-http and third-party.
        flagged: isHttpScheme(o) || party === 'third',
        haystack: `${o.method} ${o.url} ${names.join(' ')}`.toLowerCase(),
        observation: o,
      },
    ];
  }
  return (o.setCookies ?? []).map((s, i) => {
    const change = s.changeEventId === undefined ? undefined : changeOf(s.changeEventId);
    const findings = ctx.lineFindings ? ctx.lineFindings(o, s, i) : [];
    const row: TimelineRow = {
      id: `s${o.id}.${i}`,
      time: o.time,
      seq: o.id,
      kind: 'set-cookie',
      names: [s.name],
      domain: o.registrableDomain,
      party,
      url: o.url,
      outcome: s.outcome,
      line: s.line,
      findings,
      flagged: findings.length > 0 || s.outcome === 'rejected' || (s.warnings?.length ?? 0) > 0 || party === 'third',
      haystack: `${o.url} ${s.line} ${s.outcome} ${s.reason ?? ''}`.toLowerCase(),
      observation: o,
      setCookie: s,
    };
    if (s.reason !== undefined) row.reason = s.reason;
    if (change) row.cookieKey = change.cookieKey;
    if (o.setCookiesOmitted && i === o.setCookies!.length - 1) row.omitted = o.setCookiesOmitted;
    return row;
  });
}

/** A change's row, or undefined when a Set-Cookie row already tells about it (`linked`: a line links it). */
export function changeRow(c: CookieChangeEvent, ctx: RowContext, linked: boolean): TimelineRow | undefined {
  if (explained(c, linked)) return undefined;
  const kind = changeKind(c);
  return {
    id: `c${c.id}`,
    time: c.time,
    seq: c.id,
    kind,
    names: [c.name],
    domain: c.registrableDomain,
    party: partyOf(c.registrableDomain, ctx.topLevelSite),
    cookieKey: c.cookieKey,
    findings: [],
    flagged: kind === 'evicted',
    haystack: `${c.name} ${c.domain}${c.path} ${c.cause} ${c.removed ? 'removed' : 'set'}`.toLowerCase(),
    change: c,
  };
}

/** The timeline's order: oldest first, log ids break ties inside one millisecond, then row ids. */
export function compareRows(a: Pick<TimelineRow, 'time' | 'seq' | 'id'>, b: Pick<TimelineRow, 'time' | 'seq' | 'id'>): number {
  return a.time - b.time || a.seq - b.seq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Rows oldest first (the list shows the newest last). The reference the incremental builder is tested against. */
export function buildRows(input: BuildInput): TimelineRow[] {
  const rows: TimelineRow[] = [];
  const linked = new Set<number>();
  const changeById = new Map<number, CookieChangeEvent>();
  for (const c of input.changes) changeById.set(c.id, c);
  const ctx: RowContext = { topLevelSite: input.topLevelSite, lineFindings: input.lineFindings };
  for (const o of input.observations) {
    for (const id of linkedChangeIds(o)) linked.add(id);
    rows.push(...observationRows(o, ctx, (id) => changeById.get(id)));
  }
  for (const c of input.changes) {
    const row = changeRow(c, ctx, linked.has(c.id));
    if (row) rows.push(row);
  }
  return rows.sort(compareRows);
}

/** What a change row did, for its label and `data-outcome`. */
export function changeOutcome(c: CookieChangeEvent): 'stored' | 'deleted' | 'expired' | 'evicted' {
  if (!c.removed) return 'stored';
  if (c.cause === 'evicted') return 'evicted';
  if (c.cause === 'expired') return 'expired';
  return 'deleted';
}
