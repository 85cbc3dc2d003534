/**
 * The log for private-window (incognito) events: same interface as `LogWriter`, never written to
 * disk (DESIGN.md, "What we record"), capped, and gone when the background stops or `clear()` is called.
 *
 * Ids count down from -1 so they can never collide with on-disk ids when a UI merges both logs, and
 * a negative id says at a glance that a record lives only in memory.
 */
import { redactChange, redactObservation } from './redact';
import type {
  ChangePatch,
  CookieChangeEvent,
  HeaderObservation,
  LogStats,
  NewCookieChange,
  NewHeaderObservation,
  SetCookiePatch,
  Settings,
} from '../model/events';
import { DEFAULT_SETTINGS } from '../model/events';
import {
  type Ack,
  type AddAck,
  type AddOp,
  type EventLog,
  type LogOp,
  type PatchOp,
  applyChangePatch,
  applySetCookiePatch,
  prepareChange,
  prepareObservation,
} from './log-ops';
import type { StoredObservation } from './schema';

type Entry = { kind: 'change'; record: CookieChangeEvent } | { kind: 'observation'; record: StoredObservation };

export interface MemoryLogOptions {
  /** Changes + observations kept; the oldest are evicted beyond it. */
  maxEvents?: number;
  getSettings?: () => Pick<Settings, 'recordValues'>;
}

export interface MemoryQuery {
  tabId?: number;
  domain?: string;
  /** Only this cookie's changes (observations are left out). */
  cookieKey?: string;
  since?: number;
  /** Per kind, newest first. */
  limit?: number;
}

const DONE: Promise<void> = Promise.resolve();

export class MemoryLog implements EventLog {
  // A Map iterates in insertion order, so its first key is always the oldest entry.
  private readonly entries = new Map<number, Entry>();
  private nextId = -1;
  private written = 0;
  private evicted = 0;
  private readonly maxEvents: number;
  private readonly getSettings: NonNullable<MemoryLogOptions['getSettings']>;

  constructor(options: MemoryLogOptions = {}) {
    this.maxEvents = options.maxEvents ?? 10_000;
    this.getSettings = options.getSettings ?? (() => DEFAULT_SETTINGS);
  }

  /** Removes every kept value (recording values was turned off). */
  purgeValues(): void {
    for (const [id, e] of this.entries) {
      if (e.kind === 'change') this.entries.set(id, { kind: 'change', record: redactChange(e.record) });
      else this.entries.set(id, { kind: 'observation', record: redactObservation(e.record) });
    }
  }

  enqueue(op: AddOp): AddAck;
  enqueue(op: PatchOp): Ack;
  enqueue(op: LogOp): Ack | AddAck;
  enqueue(op: LogOp): Ack | AddAck {
    switch (op.op) {
      case 'addChange':
      case 'addObservation': {
        const id = this.nextId--;
        const keep = this.getSettings().recordValues;
        this.entries.set(
          id,
          op.op === 'addChange'
            ? { kind: 'change', record: prepareChange(op.record, id, keep) }
            : { kind: 'observation', record: prepareObservation(op.record, id, keep) },
        );
        this.written++;
        this.evictOverflow();
        return { id, durable: DONE };
      }
      case 'patchChange': {
        const e = this.entries.get(op.changeId);
        if (e?.kind === 'change') applyChangePatch(e.record, op.patch);
        return { durable: DONE };
      }
      case 'patchSetCookie': {
        const e = this.entries.get(op.observationId);
        if (e?.kind === 'observation') applySetCookiePatch(e.record, op.index, op.patch);
        return { durable: DONE };
      }
    }
  }

  addChange(record: NewCookieChange): AddAck {
    return this.enqueue({ op: 'addChange', record });
  }

  addObservation(record: NewHeaderObservation): AddAck {
    return this.enqueue({ op: 'addObservation', record });
  }

  patchSetCookie(observationId: number, index: number, patch: SetCookiePatch): Ack {
    return this.enqueue({ op: 'patchSetCookie', observationId, index, patch });
  }

  patchChange(changeId: number, patch: ChangePatch): Ack {
    return this.enqueue({ op: 'patchChange', changeId, patch });
  }

  flush(): Promise<void> {
    return DONE;
  }

  stats(): LogStats {
    return { queued: 0, written: this.written, dropped: 0, evicted: this.evicted };
  }

  get size(): number {
    return this.entries.size;
  }

  /** Matching records, newest first, as copies (callers cannot alter the log). */
  query(q: MemoryQuery = {}): { changes: CookieChangeEvent[]; observations: HeaderObservation[] } {
    const limit = q.limit ?? Infinity;
    const changes: CookieChangeEvent[] = [];
    const observations: HeaderObservation[] = [];
    const all = [...this.entries.values()];
    for (let i = all.length - 1; i >= 0; i--) {
      const e = all[i] as Entry;
      if (q.since !== undefined && e.record.time < q.since) continue;
      if (q.domain !== undefined && e.record.registrableDomain !== q.domain) continue;
      if (e.kind === 'change') {
        if (q.tabId !== undefined || changes.length >= limit) continue;
        if (q.cookieKey !== undefined && e.record.cookieKey !== q.cookieKey) continue;
        changes.push(structuredClone(e.record));
      } else {
        if (q.tabId !== undefined && e.record.tabId !== q.tabId) continue;
        if (q.cookieKey !== undefined || observations.length >= limit) continue;
        observations.push(structuredClone(e.record));
      }
    }
    return { changes, observations };
  }

  /**
   * Forgets matching records (all when no filter), with the same meaning as the on-disk `clearLog`:
   * a tab filter takes its observations and the changes their Set-Cookie lines caused.
   */
  clear(filter: { tabId?: number; domain?: string } = {}): number {
    const { tabId, domain } = filter;
    const victims: number[] = [];
    for (const [id, e] of this.entries) {
      if (domain !== undefined && e.record.registrableDomain !== domain) continue;
      if (tabId === undefined) victims.push(id);
      else if (e.kind === 'observation' && e.record.tabId === tabId) {
        victims.push(id);
        for (const s of e.record.setCookies ?? []) if (s.changeEventId !== undefined) victims.push(s.changeEventId);
      }
    }
    let removed = 0;
    for (const id of victims) if (this.entries.delete(id)) removed++;
    return removed;
  }

  private evictOverflow(): void {
    while (this.entries.size > this.maxEvents) {
      const oldest = this.entries.keys().next();
      if (oldest.done) return;
      this.entries.delete(oldest.value);
      this.evicted++;
    }
  }
}
