/**
 * The panel's copy of its page of the log, fed by the answers of the time segments it reads
 * (./segments.ts, ./useLog.ts) and handing on only what changed: each answer is compared with
 * the previous answer of its segment, and events are counted by the segments holding them, so an
 * event moving from the tail to a frozen segment is neither removed nor added. A poll that read
 * 800 events of which 250 are new yields a delta of 250 (plus those a correlation patched). Pure.
 */
import type { CookieChangeEvent, HeaderObservation } from '../../model/events';
import { emptyDelta, type LogDelta } from '../../ui/timeline/incremental';
import { linkedChangeIds } from '../../ui/timeline/rows';

export interface PartAnswer {
  observations: readonly HeaderObservation[];
  changes: readonly CookieChangeEvent[];
  sites: readonly string[];
  /** The page was full: older entries exist. */
  more?: boolean;
  /** Page size the answer reflects. */
  limit?: number;
}

function newPending() {
  return {
    observations: new Map<number, HeaderObservation>(),
    changes: new Map<number, CookieChangeEvent>(),
    removedObservations: new Set<number>(),
    removedChanges: new Set<number>(),
  };
}

interface Part {
  observations: Set<number>;
  changes: Set<number>;
  sites: readonly string[];
  /** Its own query answered (not only carried over from the segments it replaced). */
  answered: boolean;
  more: boolean;
  limit: number;
}

/**
 * What a later correlation may patch (SetCookiePatch, ChangePatch in src/model/events.ts); the
 * rest of a logged event never changes, so equal signatures mean equal events.
 */
export function observationSignature(o: HeaderObservation): string {
  if (!o.setCookies) return '';
  let s = '';
  for (const l of o.setCookies) s += `${l.outcome}|${l.changeEventId ?? ''}|${l.reason ?? ''}|${(l.warnings ?? []).join(',')};`;
  return s;
}

export function changeSignature(c: CookieChangeEvent): string {
  return `${c.linkedObservationId ?? ''}|${c.source}`;
}

/** The events of an answer inside a time range: observations by time, changes by time or by a kept line linking them. */
export function sliceWithin(a: PartAnswer, since: number | undefined, until: number | undefined): PartAnswer {
  const inside = (t: number): boolean => (since === undefined || t >= since) && (until === undefined || t <= until);
  const observations = a.observations.filter((o) => inside(o.time));
  const linked = new Set(observations.flatMap(linkedChangeIds));
  return { observations, changes: a.changes.filter((c) => inside(c.time) || linked.has(c.id)), sites: a.sites };
}

export class LogStore {
  /** Bumped whenever the events or the parts (answered, page size, sites) changed. */
  version = 0;
  private readonly parts = new Map<string, Part>();
  private readonly obs = new Map<number, { event: HeaderObservation; sig: string; refs: number }>();
  private readonly chg = new Map<number, { event: CookieChangeEvent; sig: string; refs: number }>();
  private pending = newPending();
  private arrays: { version: number; observations: HeaderObservation[]; changes: CookieChangeEvent[] } | undefined;
  private maxChange: { version: number; id: number } | undefined;

  /** Records a segment's answer (`answered` false: carried over until its own query answers). */
  setPart(key: string, answer: PartAnswer, answered = true): void {
    const old = this.parts.get(key);
    const part: Part = {
      observations: new Set(),
      changes: new Set(),
      sites: answer.sites,
      answered,
      more: answer.more ?? old?.more ?? false,
      limit: answer.limit ?? old?.limit ?? 0,
    };
    if (!answered && old) {
      part.more = old.more;
      part.limit = old.limit;
    }
    for (const o of answer.observations) {
      if (part.observations.has(o.id)) continue;
      part.observations.add(o.id);
      this.put(this.obs, o, observationSignature(o), !old?.observations.has(o.id), this.pending.observations);
    }
    for (const c of answer.changes) {
      if (part.changes.has(c.id)) continue;
      part.changes.add(c.id);
      this.put(this.chg, c, changeSignature(c), !old?.changes.has(c.id), this.pending.changes);
    }
    if (old) {
      for (const id of old.observations)
        if (!part.observations.has(id)) this.release(this.obs, id, this.pending.removedObservations, this.pending.observations);
      for (const id of old.changes)
        if (!part.changes.has(id)) this.release(this.chg, id, this.pending.removedChanges, this.pending.changes);
    }
    this.parts.set(key, part);
    // A first answer, an own answer replacing a carried one or a new page size changes what is
    // shown (loaded, complete, "load older") even when no event changed.
    if (
      !old ||
      old.answered !== part.answered ||
      old.more !== part.more ||
      old.limit !== part.limit ||
      old.sites.join(' ') !== part.sites.join(' ')
    ) {
      this.changed = true;
    }
    this.touch();
  }

  dropPart(key: string): void {
    const old = this.parts.get(key);
    if (!old) return;
    this.parts.delete(key);
    this.changed = true;
    for (const id of old.observations) this.release(this.obs, id, this.pending.removedObservations, this.pending.observations);
    for (const id of old.changes) this.release(this.chg, id, this.pending.removedChanges, this.pending.changes);
    this.touch();
  }

  /** Drops every part not in `keys`. */
  keepOnly(keys: ReadonlySet<string>): void {
    for (const k of [...this.parts.keys()]) if (!keys.has(k)) this.dropPart(k);
  }

  has(key: string): boolean {
    return this.parts.has(key);
  }

  answered(key: string): boolean {
    return this.parts.get(key)?.answered ?? false;
  }

  /** `more` and `limit` of a part's latest own answer. */
  page(key: string): { more: boolean; limit: number } | undefined {
    const p = this.parts.get(key);
    return p ? { more: p.more, limit: p.limit } : undefined;
  }

  /** What the listed parts hold now, as one answer (to carry over into the segments replacing them). */
  answerOf(keys: readonly string[]): PartAnswer {
    const observations = new Map<number, HeaderObservation>();
    const changes = new Map<number, CookieChangeEvent>();
    const sites = new Set<string>();
    for (const k of keys) {
      const p = this.parts.get(k);
      if (!p) continue;
      for (const id of p.observations) observations.set(id, (this.obs.get(id) as { event: HeaderObservation }).event);
      for (const id of p.changes) changes.set(id, (this.chg.get(id) as { event: CookieChangeEvent }).event);
      for (const s of p.sites) sites.add(s);
    }
    return { observations: [...observations.values()], changes: [...changes.values()], sites: [...sites] };
  }

  /** Registrable domains the parts' observations name, sorted. */
  sites(): string[] {
    const all = new Set<string>();
    for (const p of this.parts.values()) for (const s of p.sites) all.add(s);
    return [...all].sort();
  }

  /** Everything that changed since the last drain (removals apply before upserts). */
  drain(): LogDelta {
    const p = this.pending;
    this.pending = newPending();
    const d = emptyDelta();
    d.observations = [...p.observations.values()];
    d.changes = [...p.changes.values()];
    d.removedObservations = [...p.removedObservations];
    d.removedChanges = [...p.removedChanges];
    return d;
  }

  observations(): HeaderObservation[] {
    return this.snapshot().observations;
  }

  changes(): CookieChangeEvent[] {
    return this.snapshot().changes;
  }

  /** Highest change id held (-1 when none): moves when a new change arrives. */
  maxChangeId(): number {
    if (this.maxChange?.version !== this.version) {
      let id = -1;
      for (const k of this.chg.keys()) if (k > id) id = k;
      this.maxChange = { version: this.version, id };
    }
    return this.maxChange.id;
  }

  private snapshot(): { observations: HeaderObservation[]; changes: CookieChangeEvent[] } {
    if (this.arrays?.version !== this.version) {
      this.arrays = {
        version: this.version,
        observations: [...this.obs.values()].map((e) => e.event),
        changes: [...this.chg.values()].map((e) => e.event),
      };
    }
    return this.arrays;
  }

  private changed = false;

  private touch(): void {
    if (this.changed) this.version++;
    this.changed = false;
  }

  private put<T extends { id: number }>(
    map: Map<number, { event: T; sig: string; refs: number }>,
    event: T,
    sig: string,
    newRef: boolean,
    upserts: Map<number, T>,
  ): void {
    const cur = map.get(event.id);
    if (!cur) {
      map.set(event.id, { event, sig, refs: 1 });
      upserts.set(event.id, event);
      this.changed = true;
      return;
    }
    if (newRef) cur.refs++;
    if (cur.sig !== sig) {
      cur.event = event;
      cur.sig = sig;
      upserts.set(event.id, event);
      this.changed = true;
    }
  }

  private release<T>(map: Map<number, { event: T; refs: number }>, id: number, removals: Set<number>, upserts: Map<number, T>): void {
    const cur = map.get(id);
    if (!cur) return;
    if (--cur.refs > 0) return;
    map.delete(id);
    upserts.delete(id);
    removals.add(id);
    this.changed = true;
  }
}
