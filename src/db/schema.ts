/**
 * The IndexedDB schema of the cookie log, one Dexie version per schema change, each with its upgrade.
 * Never edit a shipped version: add a new one (https://dexie.org/docs/Tutorial/Design#database-versioning).
 *
 * Index choice follows the readers' queries (queries.ts):
 *   - time                       newest events, age-based retention
 *   - [registrableDomain+time]   a site's history in a time range
 *   - [tabId+time]               a tab's timeline
 *   - [cookieKey+time]           one cookie's lifecycle
 *   - *cookieMentions            observations whose Set-Cookie / Cookie headers name a cookie of a site
 */
import Dexie, { type DexieOptions, type EntityTable, type Transaction } from 'dexie';
import type { CookieChangeEvent, HeaderObservation, SessionMark } from '../model/events';

export const DB_NAME = 'cookie-monitor';

export type StoredChange = CookieChangeEvent;

/**
 * An observation as stored: the model plus `cookieMentions`, derived by the log on write, one entry
 * `registrableDomain|cookieName` per cookie named in its headers. IndexedDB has no multi-entry
 * compound index, so the site is folded into the key; cookies never cross registrable domains.
 */
export interface StoredObservation extends HeaderObservation {
  cookieMentions: string[];
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

/** Well-known `meta` keys. */
export const META = {
  /** Highest record id ever handed out (see writer.ts on why ids are assigned by us). */
  idHighWater: 'idHighWater',
  /** Where older versions kept the HMAC key for value digests; deleted on open (db/digest.ts DigestKey). */
  digestKey: 'digestKey',
  /** Highest change id folded into `jar`; later changes are replayed from the log on start. */
  jarHighWater: 'jarHighWater',
} as const;

// Version 1: the first shipped layout.
export const STORES_V1 = {
  changes: '++id, time, registrableDomain, cookieKey, [registrableDomain+time], storeId',
  observations: '++id, time, tabId, [tabId+time], registrableDomain, requestId',
  settings: 'key',
  meta: 'key',
} as const;

// Version 2: a cookie's lifecycle and a site's observations became index lookups instead of scans.
// Only changed tables are listed; Dexie carries the others over.
export const STORES_V2 = {
  changes: '++id, time, registrableDomain, cookieKey, [registrableDomain+time], [cookieKey+time], storeId',
  observations: '++id, time, tabId, [tabId+time], registrableDomain, [registrableDomain+time], requestId, *cookieMentions',
} as const;

// Version 3: the last known state of every cookie (its latest change), so a restarted background
// can tell what it missed while it was stopped (see background/reconcile.ts). The writer folds
// changes into it every few seconds (META.jarHighWater says up to which change); the rest is
// replayed from the log. Filled from the existing log on upgrade.
export const STORES_V3 = {
  jar: 'cookieKey, registrableDomain',
} as const;

// Version 4: indexes no query uses are dropped — each costs an extra B-tree entry on every write
// (the recorder writes hundreds of changes a second on a busy page) and bytes on disk. `cookieKey`
// and `tabId` alone are answered by the compound [cookieKey+time] / [tabId+time]; `storeId` and
// `requestId` were never queried. No data changes, so no upgrade function.
export const STORES_V4 = {
  changes: '++id, time, registrableDomain, [registrableDomain+time], [cookieKey+time]',
  observations: '++id, time, [tabId+time], registrableDomain, [registrableDomain+time], *cookieMentions',
} as const;

// Version 5: session marks — the user's "I'm logging in now" / "I just logged out" and browser
// starts (model/events.ts SessionMark), read by a site's session view. A new, empty table: nothing
// to migrate, so no upgrade function.
export const STORES_V5 = {
  marks: '++id, time, site',
} as const;

/**
 * The last change the log holds for one cookie that currently exists: its attributes, digest and
 * time — never its value, whatever the recording setting.
 */
export type JarRow = Omit<StoredChange, 'id' | 'value' | 'cause' | 'removed' | 'linkedObservationId' | 'source' | 'reconciled'>;

export function jarRowOf(c: StoredChange): JarRow {
  const { id: _i, value: _v, cause: _c, removed: _r, linkedObservationId: _l, source: _s, reconciled: _x, ...row } = c;
  return row;
}

/** Folds changes (in id order) into a jar map: the latest add wins, a removal deletes. */
export function foldIntoJar(jar: Map<string, JarRow | null>, changes: readonly StoredChange[]): number {
  let highWater = 0;
  for (const c of [...changes].sort((a, b) => a.id - b.id)) {
    jar.set(c.cookieKey, c.removed ? null : jarRowOf(c));
    highWater = Math.max(highWater, c.id);
  }
  return highWater;
}

/** v2 → v3: replay the change log in id order into the jar. */
export async function upgradeToV3(tx: Transaction): Promise<void> {
  const changes = await tx.table<StoredChange, number>('changes').toArray();
  const jar = new Map<string, JarRow | null>();
  const highWater = foldIntoJar(jar, changes);
  await tx.table<JarRow, string>('jar').bulkPut([...jar.values()].filter((r): r is JarRow => r !== null));
  await tx.table<MetaRow, string>('meta').put({ key: META.jarHighWater, value: highWater });
}

/**
 * The jar as of now: the stored rows plus every change written after its high-water mark
 * (the writer folds changes in lazily). Read-only.
 */
export async function currentJar(db: CookieLogDB): Promise<JarRow[]> {
  return db.transaction('r', [db.jar, db.changes, db.meta], async () => {
    const hw = Number((await db.meta.get(META.jarHighWater))?.value ?? 0);
    const jar = new Map<string, JarRow | null>((await db.jar.toArray()).map((r) => [r.cookieKey, r]));
    foldIntoJar(jar, await db.changes.where('id').above(hw).toArray());
    return [...jar.values()].filter((r): r is JarRow => r !== null);
  });
}

export function mentionKey(registrableDomain: string, cookieName: string): string {
  return `${registrableDomain}|${cookieName}`;
}

/** The `cookieMentions` of an observation: every cookie its Set-Cookie lines or Cookie header name. */
export function cookieMentionsOf(o: Pick<HeaderObservation, 'registrableDomain' | 'setCookies' | 'cookieNames'>): string[] {
  const names = new Set<string>();
  for (const line of o.setCookies ?? []) names.add(line.name);
  for (const name of o.cookieNames ?? []) names.add(name);
  return [...names].map((name) => mentionKey(o.registrableDomain, name));
}

/** v1 → v2: fill `cookieMentions` on every existing observation so the new index covers old data. */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table<StoredObservation, number>('observations')
    .toCollection()
    .modify((o) => {
      o.cookieMentions = cookieMentionsOf(o);
    });
}

export class CookieLogDB extends Dexie {
  changes!: EntityTable<StoredChange, 'id'>;
  observations!: EntityTable<StoredObservation, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  meta!: EntityTable<MetaRow, 'key'>;
  jar!: EntityTable<JarRow, 'cookieKey'>;
  marks!: EntityTable<SessionMark, 'id'>;

  /** `options` lets tests and the Node smoke bench pass fake-indexeddb's `indexedDB`/`IDBKeyRange`. */
  constructor(name: string = DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores(STORES_V1);
    this.version(2).stores(STORES_V2).upgrade(upgradeToV2);
    this.version(3).stores(STORES_V3).upgrade(upgradeToV3);
    this.version(4).stores(STORES_V4);
    this.version(5).stores(STORES_V5);
  }
}
