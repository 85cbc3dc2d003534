/**
 * The writer's queue of unwritten operations and its budget. A hostile page can produce records
 * faster than IndexedDB takes them (or IndexedDB can stall); the queue then sheds, oldest first and
 * never the batch being written: patches (an evaluation lost, the record kept), then the Set-Cookie
 * lines and cookie names observations carry (counted as not recorded), and records only when no
 * detail is left. Pure: the caller settles what was shed and keeps the counters.
 */
import type { PreparedOp } from './batch';

export interface Queued {
  op: PreparedOp;
  weight: number;
}

/** What one push made the queue give up, for the caller to count and reject. */
export interface Shed<T extends Queued> {
  /** Patches removed from the queue. */
  patches: T[];
  /** Lines and names stripped from observations still queued. */
  detail: number;
  /** Whole operations removed from the queue (records among them are lost). */
  records: T[];
}

/** One for the operation, one per line or name it carries: what a flood makes grow. */
export function weigh(op: PreparedOp): number {
  if (op.op !== 'addObservation') return 1;
  return 1 + (op.record.setCookies?.length ?? 0) + (op.record.cookieNames?.length ?? 0);
}

/** Removes an observation's lines and names, counting the lines as not recorded. Returns how many items went. */
export function stripDetail(op: PreparedOp): number {
  if (op.op !== 'addObservation') return 0;
  const r = op.record;
  const lines = r.setCookies?.length ?? 0;
  const names = r.cookieNames?.length ?? 0;
  if (lines > 0) {
    r.setCookiesOmitted = (r.setCookiesOmitted ?? 0) + lines;
    r.setCookies = [];
  }
  if (names > 0) r.cookieNames = [];
  return lines + names;
}

export class WriteQueue<T extends Queued> {
  private items: T[] = [];
  private total = 0;
  /** Operations at the head that the running batch owns: never shed. */
  private inFlight = 0;

  constructor(private readonly maxWeight: number) {}

  get length(): number {
    return this.items.length;
  }

  get weight(): number {
    return this.total;
  }

  head(): T | undefined {
    return this.items[0];
  }

  last(): T | undefined {
    return this.items[this.items.length - 1];
  }

  /** Adds `item` and sheds down to the budget; the new item itself is shed last. */
  push(item: T): Shed<T> {
    this.items.push(item);
    this.total += item.weight;
    const shed: Shed<T> = { patches: [], detail: 0, records: [] };
    if (this.total <= this.maxWeight) return shed;
    shed.patches = this.shedPatches();
    shed.detail = this.shedDetail();
    shed.records = this.shedRecords();
    return shed;
  }

  /** The next batch (at most `n` from the head), owned by the writer until `done()`. */
  take(n: number): T[] {
    const batch = this.items.slice(0, n);
    this.inFlight = batch.length;
    return batch;
  }

  /** Removes the batch taken last (written or dropped). */
  done(): void {
    for (const p of this.items.splice(0, this.inFlight)) this.total -= p.weight;
    this.inFlight = 0;
  }

  /** Forgets an interrupted batch's ownership without removing it. */
  release(): void {
    this.inFlight = 0;
  }

  private shedPatches(): T[] {
    const shed: T[] = [];
    const kept: T[] = [];
    let i = this.inFlight;
    for (; i < this.items.length && this.total > this.maxWeight; i++) {
      const p = this.items[i]!;
      if (p.op.op === 'patchSetCookie') {
        this.total -= p.weight;
        shed.push(p);
      } else kept.push(p);
    }
    if (shed.length > 0) this.items.splice(this.inFlight, i - this.inFlight, ...kept);
    return shed;
  }

  private shedDetail(): number {
    let n = 0;
    for (let i = this.inFlight; i < this.items.length && this.total > this.maxWeight; i++) {
      const p = this.items[i]!;
      const stripped = stripDetail(p.op);
      if (stripped === 0) continue;
      this.total -= stripped;
      p.weight -= stripped;
      n += stripped;
    }
    return n;
  }

  private shedRecords(): T[] {
    let n = 0;
    let weight = 0;
    while (this.inFlight + n < this.items.length && this.total - weight > this.maxWeight) {
      weight += this.items[this.inFlight + n]!.weight;
      n++;
    }
    if (n === 0) return [];
    this.total -= weight;
    return this.items.splice(this.inFlight, n);
  }
}
