/**
 * The ingest benchmark, as a plain function for a harness to run inside a real browser (IndexedDB
 * performance in Node's fake-indexeddb says nothing about Chrome's LevelDB or Firefox's SQLite
 * back ends). It replays a synthetic browsing session through `LogWriter` the way the background
 * does — responses with Set-Cookie lines, the changes they cause and their correlation patches,
 * requests with Cookie headers, script changes — then times the UIs' queries and a retention pass.
 *
 * Run it on a dedicated database: it clears the one it is given.
 */
import { cookieKey, type NewCookieChange, type NewHeaderObservation, type SetCookieRecord } from '../src/model/events';
import { clearLog } from '../src/db/clear';
import { cookieLifecycle, counts, domainTimeline, tabTimeline } from '../src/db/queries';
import { pruneToCount } from '../src/db/retention';
import { type CookieLogDB, DB_NAME } from '../src/db/schema';
import { LogWriter, type LogWriterOptions } from '../src/db/writer';

export interface IngestBenchOptions {
  /** Events enqueued before yielding to the event loop; defaults to all at once (a burst). */
  burst?: number;
  writer?: Omit<LogWriterOptions, 'scheduler'>;
  /** Refuse to clear the real log unless this is set. */
  allowProductionDb?: boolean;
}

export interface IngestBenchResult {
  /** Records written (changes + observations). */
  events: number;
  patches: number;
  /** Time spent building and enqueueing records: the synchronous cost on the background's event handlers. */
  enqueueMs: number;
  /** From the first enqueue until everything was durable. */
  durableMs: number;
  eventsPerSecond: number;
  batches: number;
  dropped: number;
  queryMs: Record<'tabTimeline' | 'domainTimeline' | 'cookieLifecycle' | 'counts', number>;
  /** Pruning half of the log through retention's chunked path. */
  prune: { removed: number; ms: number };
  /** Everything written was found again. */
  ok: boolean;
}

const TABS = 10;
const SITES = 50;
const NAMES = ['sid', 'csrftoken', '_ga', 'theme', 'consent', 'cart'];

const site = (i: number): string => `site${i % SITES}.test`;
const name = (i: number): string => NAMES[i % NAMES.length] as string;
const now = (): number => globalThis.performance.now();
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function setCookieLine(i: number): SetCookieRecord {
  return {
    line: `${name(i)}=${'v'.repeat(32)}; Path=/; Secure; HttpOnly; SameSite=Lax`,
    name: name(i),
    valueLength: 32,
    valueDigest: (i * 2654435761).toString(16).padStart(12, '0').slice(-12),
    outcome: 'pending',
  };
}

function observation(i: number, time: number, kind: 'response' | 'request'): NewHeaderObservation {
  const domain = site(i);
  return {
    time,
    kind,
    tabId: i % TABS,
    frameId: 0,
    requestId: String(i),
    url: `https://www.${domain}/page/${i}`,
    method: 'GET',
    resourceType: i % 4 === 0 ? 'main_frame' : 'xmlhttprequest',
    topLevelSite: domain,
    scheme: 'https',
    registrableDomain: domain,
    ...(kind === 'response'
      ? { statusCode: 200, setCookies: [setCookieLine(i), setCookieLine(i + 1)] }
      : { cookieNames: [name(i), name(i + 1), name(i + 2)] }),
  };
}

function change(i: number, time: number, source: NewCookieChange['source']): NewCookieChange {
  const identity = { name: name(i), domain: `.${site(i)}`, path: '/', storeId: '0' };
  return {
    ...identity,
    time,
    incognito: false,
    cause: i % 7 === 0 ? 'overwrite' : 'explicit',
    removed: false,
    hostOnly: false,
    secure: true,
    httpOnly: source === 'http',
    sameSite: 'lax',
    session: i % 3 === 0,
    ...(i % 3 === 0 ? {} : { expirationDate: 1_900_000_000 }),
    registrableDomain: site(i),
    cookieKey: cookieKey(identity),
    valueLength: 32,
    valueDigest: (i * 40503).toString(16).padStart(12, '0').slice(-12),
    source,
  };
}

/** Enqueues about `n` records: per step a response + its two changes (correlated), a request, a script change. */
function* session(writer: LogWriter, n: number): Generator<void, { events: number; patches: number }> {
  let events = 0;
  let patches = 0;
  for (let i = 0; events < n; i++) {
    const time = 1_700_000_000_000 + i * 10;
    const response = writer.addObservation(observation(i, time, 'response'));
    events++;
    for (let line = 0; line < 2 && events < n; line++) {
      const c = writer.addChange({ ...change(i + line, time + 1, 'http'), linkedObservationId: response.id });
      writer.patchSetCookie(response.id, line, { outcome: 'stored', changeEventId: c.id });
      events++;
      patches++;
    }
    if (events < n) {
      writer.addObservation(observation(i, time + 2, 'request'));
      events++;
    }
    if (events < n && i % 2 === 0) {
      writer.addChange(change(i + 2, time + 3, 'script'));
      events++;
    }
    yield;
  }
  return { events, patches };
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = now();
  const value = await fn();
  return [value, now() - start];
}

export async function runIngestBench(db: CookieLogDB, n: number, options: IngestBenchOptions = {}): Promise<IngestBenchResult> {
  if (db.name === DB_NAME && !options.allowProductionDb) {
    throw new Error(`runIngestBench clears its database; pass a dedicated one, not "${DB_NAME}"`);
  }
  await clearLog(db);
  const writer = await LogWriter.open(db, options.writer);
  const burst = options.burst ?? Infinity;

  const start = now();
  let enqueueMs = 0;
  const steps = session(writer, n);
  let sinceYield = 0;
  let totals: { events: number; patches: number } | undefined;
  while (!totals) {
    const t = now();
    const step = steps.next();
    enqueueMs += now() - t;
    if (step.done) totals = step.value;
    else if (++sinceYield >= burst) {
      sinceYield = 0;
      await yieldToEventLoop();
    }
  }
  await writer.flush();
  const durableMs = now() - start;
  const stats = writer.stats();

  const [stored, countsMs] = await timed(() => counts(db));
  const [, tabMs] = await timed(() => tabTimeline(db, 3, { limit: 200 }));
  const [, domainMs] = await timed(() => domainTimeline(db, site(7), { limit: 200 }));
  const [life, lifeMs] = await timed(() => cookieLifecycle(db, change(7, 0, 'http').cookieKey));
  const total = stored.changes + stored.observations;
  const [removed, pruneMs] = await timed(() => pruneToCount(db, Math.floor(total / 2)));

  return {
    events: totals.events,
    patches: totals.patches,
    enqueueMs,
    durableMs,
    eventsPerSecond: Math.round((totals.events / durableMs) * 1000),
    batches: stats.batches,
    dropped: stats.dropped,
    queryMs: { tabTimeline: tabMs, domainTimeline: domainMs, cookieLifecycle: lifeMs, counts: countsMs },
    prune: { removed, ms: pruneMs },
    ok: stats.dropped === 0 && total === totals.events && (n < 100 || life.changes.length > 0),
  };
}
