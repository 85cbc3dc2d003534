/**
 * The browser's cookie jar, read once and then kept current from `cookies.onChanged`, so that a
 * view computed after a change does not read every cookie again: a full read of a big jar is slow,
 * and a busy page would cost one per burst of changes (commit 1b459a0, bench:popup).
 *
 * A read and the changes reported while it ran are combined: its result, then every change since
 * it started replayed in order. Each change sets one cookie to a definite state (present with its
 * attributes, or absent), so replaying one the read already saw changes nothing; the result is the
 * jar as of the last change reported. Values are held in memory only, as in any read.
 *
 * A cookie that a read finds as it was is kept as the same object, so whatever is keyed by the
 * snapshot (the per-cookie analysis of analysis/view-memo.ts) survives a fresh read.
 */
import type { CookieSnapshot } from '../../model/cookie';

export interface JarChange {
  removed: boolean;
  cookie: CookieSnapshot;
}

/** What makes two cookies the same cookie to the browser. */
function identity(c: CookieSnapshot): string {
  return [c.storeId, c.name, c.domain, c.hostOnly, c.path, JSON.stringify(c.partitionKey ?? null), c.firstPartyDomain ?? ''].join('\u0000');
}

interface Read {
  changes: JarChange[];
  result: Promise<CookieSnapshot[]>;
}

export class JarMirror {
  private cookies: Map<string, CookieSnapshot> | undefined;
  private list: CookieSnapshot[] | undefined;
  private readonly reads = new Set<Read>();
  /** Reads started (tests and the bench: how often the whole jar was read). */
  readsStarted = 0;

  constructor(private readonly read: () => Promise<CookieSnapshot[]>) {}

  /** A change the browser reported; `undefined` when what changed is not known (forget the jar). */
  changed(change: JarChange | undefined): void {
    if (!change) {
      this.cookies = undefined;
      this.list = undefined;
      this.reads.clear();
      return;
    }
    for (const r of this.reads) r.changes.push(change);
    if (this.cookies) {
      apply(this.cookies, change);
      this.list = undefined;
    }
  }

  /** Every cookie: from memory once read, else read; `fresh` reads again whatever memory holds. */
  get(fresh = false): Promise<CookieSnapshot[]> {
    if (!fresh && this.cookies) return Promise.resolve((this.list ??= [...this.cookies.values()]));
    if (!fresh) {
      const pending = [...this.reads].at(-1);
      if (pending) return pending.result;
    }
    return this.readNow();
  }

  private readNow(): Promise<CookieSnapshot[]> {
    this.readsStarted++;
    const r: Read = { changes: [], result: Promise.resolve([]) };
    this.reads.add(r);
    r.result = this.read().then(
      (cookies) => {
        const live = this.reads.delete(r);
        const before = this.cookies;
        const jar = new Map<string, CookieSnapshot>();
        for (const c of cookies) {
          const key = identity(c);
          const old = before?.get(key);
          jar.set(key, old !== undefined && sameCookie(old, c) ? old : c);
        }
        for (const change of r.changes) apply(jar, change);
        // Not kept when the jar was forgotten meanwhile (an unknown change); still answered.
        if (live) {
          this.cookies = jar;
          this.list = undefined;
        }
        return [...jar.values()];
      },
      (err: unknown) => {
        this.reads.delete(r);
        throw err;
      },
    );
    return r.result;
  }
}

function apply(jar: Map<string, CookieSnapshot>, change: JarChange): void {
  const key = identity(change.cookie);
  if (change.removed) jar.delete(key);
  else jar.set(key, change.cookie);
}

/** Same identity and same state: every attribute the API reports (identity compared by the map key). */
function sameCookie(a: CookieSnapshot, b: CookieSnapshot): boolean {
  return (
    a.value === b.value &&
    a.secure === b.secure &&
    a.httpOnly === b.httpOnly &&
    a.sameSite === b.sameSite &&
    a.session === b.session &&
    a.expirationDate === b.expirationDate
  );
}
