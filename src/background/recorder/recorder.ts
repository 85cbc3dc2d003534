/**
 * The recorder: every cookie change and every cookie-bearing header becomes a log record, each
 * Set-Cookie line is evaluated and linked to the change it caused. Browser APIs reach it only
 * through `RecorderDeps`, so it runs the same against fakes in unit tests.
 *
 * Ordering: listeners call in synchronously; tab lookups start at once and in parallel, but
 * records are committed to the log strictly in arrival order (ordered.ts), so correlation sees
 * events in the order the browser delivered them.
 */
import { evaluateSetCookieAt } from '../../analysis/set-cookie';
import type { ValueDescription } from '../../db/digest';
import type { EventLog } from '../../db/log-ops';
import { splitSetCookiePair } from '../../analysis/set-cookie-parse';
import { redactObservation } from '../../db/redact';
import type { HeaderObservation, NewCookieChange, NewHeaderObservation, SetCookieRecord, Settings } from '../../model/events';
import { buildChange, type ChangeInput } from './changes';
import { Correlator, type Link, type PendingLine } from './correlator';
import { Ordered } from './ordered';
import {
  clip,
  MAX_LINE_CHARS,
  MAX_NAME_CHARS,
  MAX_SET_COOKIE_LINES,
  type RequestDetailsLike,
  requestObservation,
  responseObservation,
  sameSiteContextOf,
} from './headers';
import { hostOf } from '../../analysis/domain';
import { TabContext, type TabInfo } from './tab-context';
import { protectUrls } from './url-protect';

export type { TabInfo } from './tab-context';

export interface RecorderLogs {
  disk: EventLog;
  /** Private-window records: memory only, never disk. Its ids are negative. */
  memory: EventLog;
}

export interface RecorderDeps {
  logs: Promise<RecorderLogs>;
  /** Length and keyed digest of a value; synchronous so most events commit without a task hop. */
  describe(value: string): ValueDescription;
  settings(): Settings;
  now(): number;
  tab(tabId: number): Promise<TabInfo>;
  isPrivateStore(storeId: string): boolean;
  /** The digest of the cookie the browser now holds under that name for that URL, if any. */
  currentDigest(q: { url: string; name: string; storeId?: string | undefined }): Promise<string | undefined>;
  /**
   * Whether the headers of requests made by this tab are recorded (see capture.ts). Checked when
   * an event is committed, i.e. once settings and watched tabs are known. Absent: every tab.
   */
  captures?(tabId: number): boolean;
  /**
   * Told once a record is written (durable, or applied in memory): an observation of `tabId`, or
   * a cookie change or link (`undefined`) — the read model's sessions come from these.
   */
  recorded?(tabId: number | undefined): void;
  /** Whose cookie parsing to predict with (`chromium` or `firefox`). */
  engine: 'chromium' | 'firefox';
  windowMs?: number;
  /**
   * Told of each observation as it is recorded, before the log writes it (the tab read model's
   * scope grows at event time).
   */
  observed?(obs: HeaderObservation): void;
  /** Set-Cookie lines awaiting their outcome held at most; beyond it the oldest lose their evaluation. */
  maxPendingLines?: number;
}

interface LineMeta extends PendingLine {
  url: string;
  valueDigest: string;
  crossSite: boolean;
}

/**
 * Fails closed: only a context known to be normal goes to disk. Chromium's webRequest details carry
 * no incognito flag, so a request no tab made (a private page's service worker) or one whose tab
 * is gone before its lookup cannot be told apart from a private one: memory log.
 */
export function privateUnlessKnown(details: RequestDetailsLike, info: TabInfo): boolean {
  return details.incognito ?? info.incognito ?? true;
}

export class Recorder {
  private readonly ordered: Ordered;
  private logs: RecorderLogs | undefined;
  private readonly correlator: Correlator;
  private readonly lineMeta = new Map<string, LineMeta>();
  private readonly maxPendingLines: number;
  private metaShed = 0;
  /** Set-Cookie lines past MAX_SET_COOKIE_LINES of their response, never recorded. */
  private linesOmitted = 0;
  private readonly tabs: TabContext;

  constructor(private readonly deps: RecorderDeps) {
    this.maxPendingLines = deps.maxPendingLines ?? 10_000;
    this.correlator = new Correlator(deps.windowMs ?? 2_000, this.maxPendingLines);
    this.tabs = new TabContext((tabId) => deps.tab(tabId));
    this.ordered = new Ordered(
      deps.logs.then((l) => {
        this.logs = l;
      }),
    );
  }

  private protect(obs: NewHeaderObservation): NewHeaderObservation {
    return protectUrls(obs, this.deps.settings().recordValues, (v) => this.deps.describe(v));
  }

  /**
   * Detail dropped to keep work and memory bounded: lines past a response's cap, line evaluations
   * never made, changes never linked. Records themselves are never part of it.
   */
  get detailDropped(): number {
    return this.linesOmitted + this.metaShed + this.correlator.shedChanges;
  }

  /** Lines whose evaluation is still to come (bounded by `maxPendingLines`). */
  pendingLineDetail(): number {
    return this.lineMeta.size;
  }

  get errorCount(): number {
    return this.ordered.errors;
  }

  cookieChanged(input: ChangeInput): void {
    if (this.deps.settings().paused) return;
    const time = this.deps.now();
    const incognito = this.deps.isPrivateStore(input.cookie.storeId);
    this.ordered.add(undefined, () => {
      // Described at commit time: the digest key is loaded by then (commits wait for the logs).
      const d = this.deps.describe(input.cookie.value);
      const record: NewCookieChange = buildChange(input, { time, incognito, ...d });
      // Written with its most likely source; a Set-Cookie line that claims it later patches it to
      // 'http' (usually while both are still in the same batch, so it costs no extra write).
      record.source =
        record.cause === 'expired' || record.cause === 'evicted' || !this.headersSeenFor(record.registrableDomain) ? 'unknown' : 'script';
      const { id, durable } = this.logFor(incognito).addChange(record);
      this.written(durable, undefined);
      const link = this.correlator.addChange(
        {
          changeId: id,
          name: record.name,
          domain: record.domain,
          path: record.path,
          removed: record.removed,
          cause: record.cause,
          storeId: record.storeId,
        },
        time,
      );
      if (link) this.applyLink(link);
    });
  }

  responseReceived(details: RequestDetailsLike, allLines: string[]): void {
    if (allLines.length === 0 || this.deps.settings().paused) return;
    const lines = allLines.length > MAX_SET_COOKIE_LINES ? allLines.slice(0, MAX_SET_COOKIE_LINES) : allLines;
    const time = this.deps.now();
    const known = this.tabs.noteTopLevel(details);
    const tab = this.tabs.info(details, known);
    this.ordered.add(tab, (info) => {
      if (!this.captures(details)) return;
      const described = lines.map((l) => this.deps.describe(splitSetCookiePair(l).value));
      const topLevelUrl = known ?? info.url;
      const incognito = privateUnlessKnown(details, info);
      const context = sameSiteContextOf(details, topLevelUrl);
      const obs = responseObservation(details, { time, topLevelUrl });
      const pending: Array<Omit<LineMeta, 'observationId'>> = [];
      obs.setCookies = lines.map((line, index): SetCookieRecord => {
        const ev = evaluateSetCookieAt(line, details.url, time, { sameSiteContext: context, engine: this.deps.engine });
        const d = described[index]!;
        const name = ev.accepted ? ev.cookie.name : splitSetCookiePair(line).name;
        const rec: SetCookieRecord = {
          line: clip(line, MAX_LINE_CHARS),
          name: clip(name, MAX_NAME_CHARS),
          ...d,
          outcome: 'pending',
        };
        if (ev.accepted && ev.warnings.length > 0) rec.warnings = [...ev.warnings];
        if (!ev.accepted) rec.reason = ev.reason;
        pending.push({
          index,
          name,
          domain: ev.accepted ? ev.cookie.domain : (hostOf(details.url) ?? ''),
          path: ev.accepted ? ev.cookie.path : '/',
          deletes: ev.accepted && ev.cookie.expires !== null && ev.cookie.expires <= time,
          predictedReason: ev.accepted ? undefined : ev.reason,
          storeId: details.cookieStoreId,
          url: details.url,
          valueDigest: d.valueDigest,
          crossSite: context !== 'same-site',
        });
        return rec;
      });
      if (allLines.length > lines.length) {
        obs.setCookiesOmitted = allLines.length - lines.length;
        this.linesOmitted += obs.setCookiesOmitted;
      }
      const { id, durable } = this.record(incognito, obs);
      this.written(durable, details.tabId);
      for (const p of pending) {
        const line: LineMeta = { ...p, observationId: id };
        this.lineMeta.set(`${id}:${p.index}`, line);
        if (this.lineMeta.size > this.maxPendingLines) {
          // The oldest line stays 'pending' in the log: its record is kept, its evaluation is not.
          this.lineMeta.delete(this.lineMeta.keys().next().value!);
          this.metaShed++;
        }
        const link = this.correlator.addLine(line, time);
        if (link) this.applyLink(link);
      }
    });
  }

  requestSent(details: RequestDetailsLike, cookieHeader: string | undefined, authorization: string | undefined): void {
    const known = this.tabs.noteTopLevel(details);
    this.noteHeaderSite(details);
    if ((cookieHeader === undefined && authorization === undefined) || this.deps.settings().paused) return;
    const time = this.deps.now();
    this.ordered.add(this.tabs.info(details, known), (info) => {
      if (!this.captures(details)) return;
      const obs = requestObservation(details, cookieHeader, authorization, { time, topLevelUrl: known ?? info.url });
      this.written(this.record(privateUnlessKnown(details, info), obs).durable, details.tabId);
    });
  }

  private record(incognito: boolean, obs: NewHeaderObservation): { id: number; durable: Promise<void> } {
    const stored = this.protect(obs);
    const { id, durable } = this.logFor(incognito).addObservation(stored);
    // Values redacted: the read model needs sites, names and attributes only.
    this.deps.observed?.({ ...redactObservation(stored), id });
    return { id, durable };
  }

  /**
   * Closes correlation windows that ran out: unmatched lines are checked against the browser's
   * jar (identical re-set, nothing to delete, or rejected). Pass `Infinity` to settle everything now.
   */
  async expire(now = this.deps.now()): Promise<void> {
    await this.ordered.idle();
    const { lines, changes } = this.correlator.expire(now);
    // Changes no line explained keep the source they were written with (script, or the browser
    // itself for expiries and evictions): nothing to write.
    void changes;
    await Promise.all(lines.map((l) => this.resolveUnmatched(l)));
  }

  pending(): number {
    return this.correlator.pending();
  }

  /** Everything accepted so far committed to the logs (not yet necessarily durable). */
  async idle(): Promise<void> {
    await this.ordered.idle();
  }

  /** Runs `task` alone: events arriving meanwhile wait (in order) until it is done. */
  exclusive<T>(task: (logs: RecorderLogs) => Promise<T>): Promise<T> {
    return this.ordered.exclusive(() => {
      if (!this.logs) throw new Error('recorder used before its logs opened');
      return task(this.logs);
    });
  }

  async flush(): Promise<void> {
    await this.ordered.idle();
    await Promise.all([this.logs?.disk.flush(), this.logs?.memory.flush()]);
  }

  private async resolveUnmatched(line: PendingLine): Promise<void> {
    const key = `${line.observationId}:${line.index}`;
    const meta = this.lineMeta.get(key);
    this.lineMeta.delete(key);
    if (!meta) return;
    const current = await this.deps.currentDigest({ url: meta.url, name: meta.name, storeId: meta.storeId }).catch(() => undefined);
    const log = this.logForId(meta.observationId);
    if (meta.predictedReason === undefined && (current === meta.valueDigest || (meta.deletes && current === undefined))) {
      log.patchSetCookie(meta.observationId, meta.index, { outcome: 'unchanged' });
    } else if (meta.predictedReason !== undefined && current === meta.valueDigest) {
      // The browser kept what we predicted it would refuse: record what it did.
      log.patchSetCookie(meta.observationId, meta.index, { outcome: 'stored', reason: undefined });
    } else {
      const reason = meta.predictedReason ?? (meta.crossSite ? 'ThirdPartyBlocked' : 'BlockedByBrowser');
      log.patchSetCookie(meta.observationId, meta.index, { outcome: 'rejected', reason });
    }
  }

  private applyLink(link: Link): void {
    this.lineMeta.delete(`${link.observationId}:${link.index}`);
    // `reason` is cleared: a line the analysis expected to be refused was kept by the browser.
    this.logForId(link.observationId).patchSetCookie(link.observationId, link.index, {
      outcome: link.outcome,
      changeEventId: link.changeId,
      reason: undefined,
    });
    const patch = { linkedObservationId: link.observationId, source: 'http' as const };
    this.written(this.logForId(link.changeId).patchChange(link.changeId, patch).durable, undefined);
    if (link.replacedChangeId !== undefined) this.logForId(link.replacedChangeId).patchChange(link.replacedChangeId, patch);
  }

  private written(durable: Promise<void>, tabId: number | undefined): void {
    const tell = this.deps.recorded;
    if (tell)
      durable.then(
        () => tell(tabId),
        () => undefined,
      );
  }

  /** Whether this request's headers are recorded. */
  private captures(d: RequestDetailsLike): boolean {
    return !this.deps.captures || this.deps.captures(d.tabId);
  }

  /** Every request whose headers are looked at, with or without cookies, marks its site. */
  private noteHeaderSite(d: RequestDetailsLike): void {
    if (this.deps.settings().headerCapture === 'all' || !this.captures(d)) return;
    this.tabs.noteHeaderSite(d.url);
  }

  private headersSeenFor(site: string): boolean {
    return this.deps.settings().headerCapture === 'all' || this.tabs.headersSeenFor(site);
  }

  private logFor(incognito: boolean): EventLog {
    if (!this.logs) throw new Error('recorder used before its logs opened');
    return incognito ? this.logs.memory : this.logs.disk;
  }

  private logForId(id: number): EventLog {
    return this.logFor(id < 0);
  }
}
