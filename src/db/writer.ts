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
import { approxBytes, pruneForQuota } from './retention';
import { realScheduler, type Scheduler } from './scheduler';
import { JarFold } from './jar-fold';
import { type Shed, weigh, WriteQueue } from './write-queue';
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
   * What the queue holds at most, weighed as one per operation plus one per Set-Cookie line or
   * cookie name an observation carries. Beyond it the oldest unwritten detail is shed first
   * (patches, then lines and names); records are dropped only when no detail is left (write-queue.ts).
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
  /**
   * Retention to run once the log has grown by `everyBytes` (approximate) since its last run, so a
   * flood is pruned while it lands instead of at the next timer. One run at a time.
   */
  onGrowth?: { everyBytes: number; run: () => Promise<unknown> };
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
  weight: number;
}

export class LogWriter implements EventLog {
  private readonly batchSize: number;
  private readonly maxLatencyMs: number;
  private readonly maxAttempts: number;
  private readonly backoffMs: number;
  private readonly scheduler: Scheduler;
  private readonly getSettings: NonNullable<LogWriterOptions['getSettings']>;
  private readonly makeRoom: () => Promise<number>;

  private readonly jar: JarFold;

  private readonly queue: WriteQueue<Pending>;
  private readonly onGrowth: LogWriterOptions['onGrowth'];
  private grown = 0;
  private growthRunning = false;
  private seq = 0;
  private flushTarget = 0;
  private draining = false;
  private timer: unknown;
  private wake: (() => void) | undefined;
  private readonly counters: WriterStats = { queued: 0, written: 0, dropped: 0, evicted: 0, detailDropped: 0, batches: 0, retries: 0 };

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
    this.queue = new WriteQueue(options.maxQueued ?? 50_000);
    this.scheduler = options.scheduler ?? realScheduler;
    this.getSettings = options.getSettings ?? (() => DEFAULT_SETTINGS);
    this.makeRoom = options.makeRoom ?? (() => pruneForQuota(db, this.getSettings()));
    this.onGrowth = options.onGrowth;
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
    const pending: Pending = { seq: ++this.seq, at: this.scheduler.now(), op: prepared, done: deferred(), weight: weigh(prepared) };
    this.settleShed(this.queue.push(pending));
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
    const last = this.queue.last();
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
    return { ...this.counters, queued: this.queue.length, queuedWeight: this.queue.weight };
  }

  private isDue(): boolean {
    const head = this.queue.head();
    if (!head) return false;
    return this.queue.length >= this.batchSize || head.seq <= this.flushTarget || this.scheduler.now() - head.at >= this.maxLatencyMs;
  }

  private schedule(): void {
    if (this.draining) return; // the running drain re-checks before it stops
    const head = this.queue.head();
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
        await this.writeBatch(this.queue.take(this.batchSize));
        this.queue.done();
      }
    } finally {
      this.draining = false;
      this.queue.release();
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
        this.counters.batches++;
        this.counters.written += adds;
        for (const p of batch) p.done.resolve();
        this.grew(plan);
        return;
      } catch (err) {
        this.counters.lastError = errorSummary(err, this.scheduler.now());
        const quota = isQuotaError(err);
        if (quota) {
          this.counters.evicted += await this.makeRoom().catch(() => 0);
        }
        if (attempt >= this.maxAttempts) {
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

  private grew(plan: ReturnType<typeof planBatch>): void {
    if (!this.onGrowth) return;
    for (const r of plan.changes) this.grown += approxBytes(r);
    for (const r of plan.observations) this.grown += approxBytes(r);
    if (this.grown < this.onGrowth.everyBytes || this.growthRunning) return;
    this.grown = 0;
    this.growthRunning = true;
    void this.onGrowth
      .run()
      .catch(() => undefined)
      .finally(() => {
        this.growthRunning = false;
      });
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

  /** Settles and counts what the queue shed to stay within its budget (write-queue.ts). */
  private settleShed(shed: Shed<Pending>): void {
    if (shed.patches.length > 0) {
      const err = new Error('cookie log queue full: an evaluation was not recorded');
      for (const p of shed.patches) p.done.reject(err);
    }
    const detail = shed.patches.length + shed.detail;
    if (detail > 0) this.counters.detailDropped = (this.counters.detailDropped ?? 0) + detail;
    if (shed.records.length === 0) return;
    const err = new Error(`cookie log queue overflow: ${shed.records.length} operations dropped`);
    this.counters.lastError = errorSummary(err, this.scheduler.now());
    for (const p of shed.records) {
      if (p.op.op === 'addChange' || p.op.op === 'addObservation') this.counters.dropped++;
      p.done.reject(err);
    }
  }
}
