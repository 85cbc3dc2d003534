/**
 * The background's single writer to the on-disk log: queues records, writes them in batches (one
 * transaction each), retries, and makes room when storage is full.
 *
 * Ids are assigned here, at enqueue, not by IndexedDB's key generator. Correlation needs them before
 * the write lands: a Set-Cookie observation is followed within milliseconds by the cookies.onChanged
 * event it caused, which must carry `linkedObservationId` — while the observation may still sit in
 * the queue for up to `maxLatencyMs`. One sequence serves both tables, so an id names one record of
 * the log. It is seeded from the highest id on disk and a high-water mark kept in `meta` (written in
 * every batch's transaction), so ids stay unique across worker restarts and after the log is cleared.
 * The stores keep `++id`: IndexedDB accepts explicit keys there and moves its generator past them.
 */
import type { ChangePatch, LogStats, NewCookieChange, NewHeaderObservation, SetCookiePatch, Settings } from '../model/events';
import { DEFAULT_SETTINGS } from '../model/events';
import { commitBatch, planBatch, type PreparedOp, readHighWater } from './batch';
import { clearLog, type ClearFilter } from './clear';
import { isQuotaError } from './errors';
import {
  type Ack,
  type AddAck,
  type AddOp,
  type Deferred,
  type EventLog,
  type LogOp,
  type PatchOp,
  deferred,
  errorSummary,
  prepareChange,
  prepareObservation,
} from './log-ops';
import { pruneForQuota } from './retention';
import { realScheduler, type Scheduler } from './scheduler';
import { JarFold } from './jar-fold';
import type { CookieLogDB } from './schema';

export { realScheduler, type Scheduler } from './scheduler';
export { readHighWater } from './batch';

export interface LogWriterOptions {
  /** A batch is written as soon as this many operations are queued. */
  batchSize?: number;
  /** …or this long after the oldest queued operation arrived, whichever comes first. */
  maxLatencyMs?: number;
  /** Attempts per batch (first try included) before its records are dropped. */
  maxAttempts?: number;
  /** First retry delay; doubles per attempt, capped at 8 s. */
  backoffMs?: number;
  /**
   * Operations held in memory at most while the batch being written keeps failing; beyond it the
   * oldest waiting are dropped. While writes succeed the queue is never cut: a burst is only slow.
   */
  maxQueued?: number;
  scheduler?: Scheduler;
  /** Current settings: `recordValues` at enqueue, `retentionMaxEvents` when making room. */
  getSettings?: () => Pick<Settings, 'recordValues' | 'retentionMaxEvents'>;
  /** Frees space after a quota error; returns rows removed. Defaults to `pruneForQuota`. */
  makeRoom?: () => Promise<number>;
  /**
   * How often the last-known-state table (`jar`) is brought up to date. Updating it with every
   * batch nearly doubles the writes; between updates a restarted background replays the newer
   * changes from the log instead (schema.ts `currentJar`). 0 = with every batch.
   */
  jarIntervalMs?: number;
}

export interface WriterStats extends LogStats {
  batches: number;
  retries: number;
}

interface Pending {
  seq: number;
  at: number;
  op: PreparedOp;
  done: Deferred;
}

export class LogWriter implements EventLog {
  private readonly batchSize: number;
  private readonly maxLatencyMs: number;
  private readonly maxAttempts: number;
  private readonly backoffMs: number;
  private readonly maxQueued: number;
  private readonly scheduler: Scheduler;
  private readonly getSettings: NonNullable<LogWriterOptions['getSettings']>;
  private readonly makeRoom: () => Promise<number>;

  private readonly jar: JarFold;

  private queue: Pending[] = [];
  private seq = 0;
  private flushTarget = 0;
  /** Operations at the head of the queue that the running batch owns. */
  private inFlight = 0;
  private draining = false;
  /** The running batch has failed at least once and not yet landed. */
  private failing = false;
  private timer: unknown;
  private wake: (() => void) | undefined;
  private readonly counters: WriterStats = { queued: 0, written: 0, dropped: 0, evicted: 0, batches: 0, retries: 0 };

  /** Opens a writer whose ids continue after everything already in `db`. */
  static async open(db: CookieLogDB, options: LogWriterOptions = {}): Promise<LogWriter> {
    return new LogWriter(db, await readHighWater(db), options);
  }

  private constructor(
    private readonly db: CookieLogDB,
    private lastId: number,
    options: LogWriterOptions,
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.maxLatencyMs = options.maxLatencyMs ?? 250;
    this.maxAttempts = options.maxAttempts ?? 5;
    this.backoffMs = options.backoffMs ?? 250;
    this.maxQueued = options.maxQueued ?? 50_000;
    this.scheduler = options.scheduler ?? realScheduler;
    this.getSettings = options.getSettings ?? (() => DEFAULT_SETTINGS);
    this.makeRoom = options.makeRoom ?? (() => pruneForQuota(db, this.getSettings()));
    this.jar = new JarFold(options.jarIntervalMs ?? 5_000, () => this.scheduler.now());
  }

  enqueue(op: AddOp): AddAck;
  enqueue(op: PatchOp): Ack;
  enqueue(op: LogOp): Ack | AddAck;
  enqueue(op: LogOp): Ack | AddAck {
    let prepared: PreparedOp;
    let id: number | undefined;
    if (op.op === 'addChange' || op.op === 'addObservation') {
      id = ++this.lastId;
      const keep = this.getSettings().recordValues;
      prepared =
        op.op === 'addChange'
          ? { op: op.op, record: prepareChange(op.record, id, keep) }
          : { op: op.op, record: prepareObservation(op.record, id, keep) };
    } else {
      prepared = op;
    }
    const pending: Pending = { seq: ++this.seq, at: this.scheduler.now(), op: prepared, done: deferred() };
    this.queue.push(pending);
    this.dropOverflow();
    this.schedule();
    return id === undefined ? { durable: pending.done.promise } : { id, durable: pending.done.promise };
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

  /** Writes everything queued so far now (retrying as usual); resolves when it is durable or dropped. */
  flush(): Promise<void> {
    const last = this.queue[this.queue.length - 1];
    if (!last) return Promise.resolve();
    this.flushTarget = last.seq;
    this.wake?.();
    this.schedule();
    return last.done.promise.then(
      () => undefined,
      () => undefined,
    );
  }

  /** Deletes from the log after writing what is queued, so cleared events cannot land afterwards. */
  async clear(filter: ClearFilter = {}): Promise<number> {
    await this.flush();
    if (filter.tabId === undefined && filter.domain === undefined) this.jar.reset();
    return clearLog(this.db, filter);
  }

  stats(): WriterStats {
    return { ...this.counters, queued: this.queue.length };
  }

  private isDue(): boolean {
    const head = this.queue[0];
    if (!head) return false;
    return (
      this.queue.length >= this.batchSize ||
      head.seq <= this.flushTarget ||
      this.scheduler.now() - head.at >= this.maxLatencyMs
    );
  }

  private schedule(): void {
    if (this.draining) return; // the running drain re-checks before it stops
    const head = this.queue[0];
    if (!head) return;
    if (this.isDue()) {
      if (this.timer !== undefined) this.scheduler.clearTimer(this.timer);
      this.timer = undefined;
      void this.drain();
    } else if (this.timer === undefined) {
      const wait = Math.max(0, head.at + this.maxLatencyMs - this.scheduler.now());
      this.timer = this.scheduler.setTimer(() => {
        this.timer = undefined;
        this.schedule();
      }, wait);
    }
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.isDue()) {
        const batch = this.queue.slice(0, this.batchSize);
        this.inFlight = batch.length;
        await this.writeBatch(batch);
        this.queue.splice(0, batch.length);
        this.inFlight = 0;
      }
    } finally {
      this.draining = false;
      this.inFlight = 0;
    }
    this.schedule();
  }

  private async writeBatch(batch: Pending[]): Promise<void> {
    const plan = planBatch(batch.map((p) => p.op));
    const adds = plan.changes.length + plan.observations.length;
    const jar = this.jar.plan(plan.changes);
    let madeRoom = false;
    for (let attempt = 1; ; attempt++) {
      try {
        await commitBatch(this.db, plan, jar.update);
        jar.committed();
        this.failing = false;
        this.counters.batches++;
        this.counters.written += adds;
        for (const p of batch) p.done.resolve();
        return;
      } catch (err) {
        this.failing = true;
        this.counters.lastError = errorSummary(err, this.scheduler.now());
        const quota = isQuotaError(err);
        if (quota) {
          this.counters.evicted += await this.makeRoom().catch(() => 0);
        }
        if (attempt >= this.maxAttempts) {
          this.failing = false;
          this.counters.dropped += adds;
          for (const p of batch) p.done.reject(err);
          return;
        }
        this.counters.retries++;
        // After making room the write is expected to succeed: retry it at once, once.
        if (quota && !madeRoom) {
          madeRoom = true;
          continue;
        }
        await this.sleep(Math.min(8_000, this.backoffMs * 2 ** (attempt - 1)));
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        this.wake = undefined;
        resolve();
      };
      const handle = this.scheduler.setTimer(done, ms);
      this.wake = () => {
        this.scheduler.clearTimer(handle);
        done();
      };
    });
  }

  /** Bounds memory while writes keep failing: drops the oldest operations not owned by the running batch. */
  private dropOverflow(): void {
    const excess = this.queue.length - this.maxQueued;
    if (excess <= 0 || !this.failing) return;
    const dropped = this.queue.splice(this.inFlight, excess);
    const err = new Error(`cookie log queue overflow: ${excess} operations dropped`);
    this.counters.lastError = errorSummary(err, this.scheduler.now());
    for (const p of dropped) {
      if (p.op.op === 'addChange' || p.op.op === 'addObservation') this.counters.dropped++;
      p.done.reject(err);
    }
  }
}
