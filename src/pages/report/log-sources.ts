/**
 * Which logs a report reads, from the cookie stores its scope covers (background/tab-views/stores.ts):
 * a private store's events live only in the background's memory log, never on disk; a normal
 * store's only on disk. A private window's page asking for every store needs both, and may find
 * the disk closed to it (Firefox gives extension pages in private windows no IndexedDB).
 */
import type { CookieChangeEvent, HeaderObservation, SessionMark } from '../../model/events';
import type { StoreScope } from '../../model/scope';

export interface LogSources {
  /** Ask the background for its memory (private) log. */
  memory: boolean;
  /** Read the on-disk log: not at all, and when read, whether failing to is an error or a note. */
  disk: 'no' | 'required' | 'if-readable';
}

export function logSources(stores: StoreScope, isPrivateStore: (storeId: string) => boolean): LogSources {
  if (stores.kind === 'store') return isPrivateStore(stores.storeId) ? { memory: true, disk: 'no' } : { memory: false, disk: 'required' };
  if (stores.kind === 'every') return { memory: true, disk: 'if-readable' };
  return { memory: false, disk: 'required' };
}

export interface LogPart {
  observations: HeaderObservation[];
  changes: CookieChangeEvent[];
  marks: SessionMark[];
}

/** One log from parts: each record once (ids are unique across both logs: memory ids are negative), marks by time. */
export function mergeLogs(parts: readonly LogPart[]): LogPart {
  const once = <T extends { id: number }>(xs: T[]): T[] => [...new Map(xs.map((x) => [x.id, x])).values()];
  return {
    observations: once(parts.flatMap((p) => p.observations)),
    changes: once(parts.flatMap((p) => p.changes)),
    marks: once(parts.flatMap((p) => p.marks)).sort((a, b) => a.time - b.time),
  };
}
