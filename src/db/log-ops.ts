/**
 * The one interface the background writes through, implemented by the on-disk `LogWriter` and the
 * in-memory `MemoryLog` (private windows), plus the record preparation both share.
 */
import type { ChangePatch, CookieChangeEvent, LogStats, NewCookieChange, NewHeaderObservation, SetCookiePatch } from '../model/events';
import { redactChange, redactObservation } from './redact';
import { cookieMentionsOf, type StoredObservation } from './schema';

export type AddOp = { op: 'addChange'; record: NewCookieChange } | { op: 'addObservation'; record: NewHeaderObservation };

/**
 * Corrections applied after the fact (correlating a Set-Cookie line with the change it caused).
 * They go through the same queue as adds, so they apply in order and after the record they target.
 */
export type PatchOp =
  | { op: 'patchSetCookie'; observationId: number; index: number; patch: SetCookiePatch }
  | { op: 'patchChange'; changeId: number; patch: ChangePatch };

export type LogOp = AddOp | PatchOp;

export interface Ack {
  /**
   * Settles when the operation is durable (or, in memory, applied); rejects only if it was dropped
   * after every retry failed. Callers may ignore it: an unobserved rejection is not reported.
   */
  durable: Promise<void>;
}

export interface AddAck extends Ack {
  /** The record's id, known at once so later records and patches can refer to it. */
  id: number;
}

export interface EventLog {
  enqueue(op: AddOp): AddAck;
  enqueue(op: PatchOp): Ack;
  enqueue(op: LogOp): Ack | AddAck;
  addChange(record: NewCookieChange): AddAck;
  addObservation(record: NewHeaderObservation): AddAck;
  patchSetCookie(observationId: number, index: number, patch: SetCookiePatch): Ack;
  patchChange(changeId: number, patch: ChangePatch): Ack;
  /** Resolves once everything enqueued before the call is durable or dropped. */
  flush(): Promise<void>;
  stats(): LogStats;
}

/** Copies the record (the caller keeps its object), sets the id, strips values unless kept. */
export function prepareChange(record: NewCookieChange, id: number, keepValues: boolean): CookieChangeEvent {
  const copy = { ...record, id };
  return keepValues ? copy : redactChange(copy);
}

export function prepareObservation(record: NewHeaderObservation, id: number, keepValues: boolean): StoredObservation {
  const copy = {
    ...record,
    id,
    setCookies: record.setCookies?.map((s) => ({ ...s, warnings: s.warnings && [...s.warnings] })),
    cookieMentions: cookieMentionsOf(record),
  };
  if (copy.setCookies === undefined) delete copy.setCookies;
  return keepValues ? copy : redactObservation(copy);
}

/** Applies a Set-Cookie patch in place; false when the line does not exist. */
export function applySetCookiePatch(o: Pick<StoredObservation, 'setCookies'>, index: number, patch: SetCookiePatch): boolean {
  const line = o.setCookies?.[index];
  if (!line) return false;
  Object.assign(line, patch);
  return true;
}

export function applyChangePatch(c: CookieChangeEvent, patch: ChangePatch): void {
  Object.assign(c, patch);
}

export interface Deferred {
  promise: Promise<void>;
  resolve(): void;
  reject(err: unknown): void;
}

export function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Callers may drop the ack; do not turn a dropped record into an unhandled-rejection report too.
  promise.catch(() => {});
  return { promise, resolve, reject };
}

export function errorSummary(err: unknown, time: number): NonNullable<LogStats['lastError']> {
  const e = err as { name?: unknown; message?: unknown } | null | undefined;
  return {
    name: typeof e?.name === 'string' ? e.name : 'Error',
    message: typeof e?.message === 'string' ? e.message : String(err),
    time,
  };
}
