/**
 * Links each recorded `Set-Cookie` line to the `cookies.onChanged` event it caused, and decides
 * the outcome of lines that caused none. Pure: time is a parameter, no browser API.
 *
 * Why both directions: the browser stores a response's cookies after `onHeadersReceived` is
 * dispatched, but the two events reach the background through different channels, so either
 * may arrive first. Lines and unmatched changes both wait up to `windowMs` for their partner.
 */

export interface PendingLine {
  observationId: number;
  index: number;
  name: string;
  /** Canonical domain (lower case, no leading dot) the evaluation predicts. */
  domain: string;
  path: string;
  /** The line deletes the cookie (expiry already past). */
  deletes: boolean;
  /** What the analysis core predicts when no change arrives. */
  predictedReason?: string | undefined;
  /** Cookie store the request belongs to, when the browser says (Firefox). */
  storeId?: string | undefined;
}

export interface ObservedChange {
  changeId: number;
  name: string;
  /** As the cookies API reports it (leading dot for domain cookies). */
  domain: string;
  path: string;
  removed: boolean;
  cause: string;
  storeId: string;
  /** The change id of the overwrite-removal this add completes (set by the correlator). */
  replaces?: number;
}

export type LineOutcome = 'stored' | 'updated' | 'deleted';

export interface Link {
  observationId: number;
  index: number;
  changeId: number;
  outcome: LineOutcome;
  /** The overwrite-removal that preceded the linked add: same writer, same source. */
  replacedChangeId?: number;
}

/** A line whose window ran out without a change: the caller checks the cookie jar to decide. */
export interface Unmatched {
  line: PendingLine;
}

const keyOf = (name: string, domain: string, path: string): string =>
  `${name}\u0000${domain.replace(/^\./, '').toLowerCase()}\u0000${path}`;

interface Waiting<T> {
  item: T;
  deadline: number;
}

export class Correlator {
  private readonly lines = new Map<string, Array<Waiting<PendingLine>>>();
  private readonly changes = new Map<string, Array<Waiting<ObservedChange>>>();
  /** Keys whose cookie was just removed by an overwrite: the following add is an update. */
  private readonly overwritten = new Map<string, { deadline: number; changeId: number }>();

  private waiting = 0;
  /** Lines and changes dropped to stay within `maxWaiting` (their link, not their record, is lost). */
  shedLines = 0;
  shedChanges = 0;

  /** `maxWaiting`: lines and changes held at most; a flood beyond it sheds the oldest waiting. */
  constructor(
    private readonly windowMs = 2_000,
    private readonly maxWaiting = 10_000,
  ) {}

  get shed(): number {
    return this.shedLines + this.shedChanges;
  }

  /** A Set-Cookie line was seen. Returns a link when a change for it already arrived. */
  addLine(line: PendingLine, now: number): Link | undefined {
    const key = keyOf(line.name, line.domain, line.path);
    const waiting = this.changes.get(key);
    const idx = waiting?.findIndex((w) => this.fits(line, w.item)) ?? -1;
    if (waiting && idx >= 0) {
      const [w] = waiting.splice(idx, 1);
      if (waiting.length === 0) this.changes.delete(key);
      this.waiting--;
      return this.link(line, w!.item, key);
    }
    push(this.lines, key, { item: line, deadline: now + this.windowMs });
    this.grew();
    return undefined;
  }

  /**
   * A cookie changed. Returns a link when a waiting line explains it; `undefined` means it waits
   * (a later line may claim it) — `expire` reports it as unexplained when its window ends.
   */
  addChange(change: ObservedChange, now: number): Link | undefined {
    const key = keyOf(change.name, change.domain, change.path);
    if (change.removed && change.cause === 'overwrite') {
      // First half of a replace: Chromium and Firefox report the old cookie removed with cause
      // "overwrite", then the new one added with cause "explicit".
      this.overwritten.set(key, { deadline: now + this.windowMs, changeId: change.changeId });
      return undefined;
    }
    const replaced = change.removed ? undefined : this.overwritten.get(key);
    if (replaced) {
      this.overwritten.delete(key);
      change = { ...change, replaces: replaced.changeId };
    }
    const waiting = this.lines.get(key);
    const idx = waiting?.findIndex((w) => this.fits(w.item, change)) ?? -1;
    if (waiting && idx >= 0) {
      const [w] = waiting.splice(idx, 1);
      if (waiting.length === 0) this.lines.delete(key);
      this.waiting--;
      return this.link(w!.item, change, key);
    }
    push(this.changes, key, { item: change, deadline: now + this.windowMs });
    this.grew();
    return undefined;
  }

  /** Ends the windows that ran out: lines never matched, and changes no line explained. */
  expire(now: number): { lines: PendingLine[]; changes: ObservedChange[] } {
    const lines = drain(this.lines, now);
    const changes = drain(this.changes, now);
    for (const [k, w] of this.overwritten) if (w.deadline <= now) this.overwritten.delete(k);
    this.waiting -= lines.length + changes.length;
    return { lines, changes };
  }

  /** Everything still waiting, e.g. to settle before the worker suspends. */
  pending(): number {
    return this.waiting;
  }

  /**
   * Over the bound, drops the older of the two maps' first waiting items (a key's list is in
   * arrival order, and keys iterate in first-insertion order: close to oldest overall).
   */
  private grew(): void {
    this.waiting++;
    while (this.waiting > this.maxWaiting) {
      const line = firstOf(this.lines);
      const change = firstOf(this.changes);
      const fromLines = line !== undefined && (change === undefined || line.deadline <= change.deadline);
      if (!(fromLines ? shift(this.lines) : shift(this.changes))) break;
      if (fromLines) this.shedLines++;
      else this.shedChanges++;
      this.waiting--;
    }
    if (this.overwritten.size > this.maxWaiting) {
      const oldest = this.overwritten.keys().next();
      if (!oldest.done) this.overwritten.delete(oldest.value);
    }
  }

  private fits(line: PendingLine, change: ObservedChange): boolean {
    if (line.storeId !== undefined && line.storeId !== change.storeId) return false;
    if (line.deletes) return change.removed;
    return !change.removed;
  }

  private link(line: PendingLine, change: ObservedChange, key: string): Link {
    // An add that arrived before its overwrite-removal was noted (events crossed) still counts.
    const late = change.removed || change.replaces !== undefined ? undefined : this.overwritten.get(key);
    if (late) this.overwritten.delete(key);
    const replaced = change.replaces ?? late?.changeId;
    const outcome: LineOutcome = change.removed ? 'deleted' : replaced !== undefined ? 'updated' : 'stored';
    const link: Link = { observationId: line.observationId, index: line.index, changeId: change.changeId, outcome };
    if (replaced !== undefined) link.replacedChangeId = replaced;
    return link;
  }
}

function push<T>(map: Map<string, Array<Waiting<T>>>, key: string, w: Waiting<T>): void {
  const list = map.get(key);
  if (list) list.push(w);
  else map.set(key, [w]);
}

function firstOf<T>(map: Map<string, Array<Waiting<T>>>): Waiting<T> | undefined {
  const first = map.values().next();
  return first.done ? undefined : first.value[0];
}

function shift<T>(map: Map<string, Array<Waiting<T>>>): boolean {
  const first = map.entries().next();
  if (first.done) return false;
  const [key, list] = first.value;
  list.shift();
  if (list.length === 0) map.delete(key);
  return true;
}

function drain<T>(map: Map<string, Array<Waiting<T>>>, now: number): T[] {
  const out: T[] = [];
  for (const [key, list] of map) {
    const keep = list.filter((w) => {
      if (w.deadline > now) return true;
      out.push(w.item);
      return false;
    });
    if (keep.length === 0) map.delete(key);
    else map.set(key, keep);
  }
  return out;
}
