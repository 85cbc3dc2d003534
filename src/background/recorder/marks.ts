/**
 * Session marks: the user's "I'm logging in now" / "I just logged out" on a tab, and browser
 * starts. A mark made in a private window stays in memory, like every private-window record.
 */
import { registrableDomain } from '../../analysis/domain';
import { addMark, clearMarks, marksFor } from '../../db/marks';
import type { CookieLogDB } from '../../db/schema';
import type { NewSessionMark, SessionMark } from '../../model/events';
import type { MarkSpan } from '../../messaging/protocol';

export interface MarkDeps {
  db: CookieLogDB;
  /** False when the on-disk log could not be opened: marks then stay in memory too. */
  diskUsable: () => boolean;
  tab(tabId: number): Promise<{ url?: string | undefined; incognito?: boolean | undefined }>;
  now(): number;
}

function siteOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const host = new URL(url).hostname;
    return host === '' ? undefined : registrableDomain(host);
  } catch {
    return undefined;
  }
}

/**
 * A span a caller claims for a moment, checked: a span that ends before it starts, or has not
 * ended yet, would make the session audit judge changes that belong to no login.
 */
export function checkedSpan(span: unknown, now: number): MarkSpan {
  const { start, end } = (span ?? {}) as { start?: unknown; end?: unknown };
  if (typeof start !== 'number' || typeof end !== 'number' || !Number.isFinite(start) || !Number.isFinite(end) || start < 0) {
    throw new Error('A marked moment needs a start and an end time (ms since the epoch).');
  }
  if (end < start) throw new Error('A marked moment cannot end before it starts.');
  if (end > now) throw new Error('A marked moment cannot end in the future.');
  return { start, end };
}

export class SessionMarks {
  private readonly memory: SessionMark[] = [];
  private nextMemoryId = -1;

  constructor(private readonly deps: MarkDeps) {}

  /** Marks a login or logout on the site shown in `tabId`: now, or over a known span. */
  async mark(tabId: number, kind: 'login' | 'logout', span?: unknown): Promise<SessionMark> {
    const known = span === undefined ? undefined : checkedSpan(span, this.deps.now());
    const tab = await this.deps.tab(tabId);
    const site = siteOf(tab.url);
    if (site === undefined) throw new Error('The tab shows no web site to mark.');
    const when = known ? { time: known.start, until: known.end } : { time: this.deps.now() };
    return this.add({ ...when, kind, site, tabId }, tab.incognito === true);
  }

  async startup(): Promise<void> {
    await this.add({ time: this.deps.now(), kind: 'startup' }, false);
  }

  async list(site?: string): Promise<SessionMark[]> {
    const disk = this.deps.diskUsable() ? await marksFor(this.deps.db, site) : [];
    const mem = this.memory.filter((m) => site === undefined || m.kind === 'startup' || m.site === site);
    return [...disk, ...mem].sort((a, b) => a.time - b.time);
  }

  async clear(site?: string): Promise<number> {
    const before = this.memory.length;
    for (let i = this.memory.length - 1; i >= 0; i--) if (site === undefined || this.memory[i]?.site === site) this.memory.splice(i, 1);
    const disk = this.deps.diskUsable() ? await clearMarks(this.deps.db, site) : 0;
    return disk + before - this.memory.length;
  }

  private async add(mark: NewSessionMark, inMemory: boolean): Promise<SessionMark> {
    if (inMemory || !this.deps.diskUsable()) {
      const kept = { ...mark, id: this.nextMemoryId-- };
      this.memory.push(kept);
      return kept;
    }
    return addMark(this.deps.db, mark);
  }
}
