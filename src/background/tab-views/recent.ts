/**
 * Observations the recorder made in the last few seconds, per tab, held in memory: the log writes
 * an observation up to its batch latency after it happened, so a view built in between would miss
 * a site the tab only just started talking to. Entries older than `keepMs` are dropped — by then
 * the log has them.
 */
export class RecentObservations<O extends { tabId: number }> {
  /** Per tab, oldest first. A tab moves to the end of the map when it gets one (oldest tab first). */
  private readonly byTab = new Map<number, Array<{ time: number; obs: O }>>();

  constructor(
    private readonly keepMs: number,
    private readonly maxPerTab: number,
  ) {}

  add(obs: O, now: number): void {
    this.prune(now);
    const list = this.byTab.get(obs.tabId) ?? [];
    this.byTab.delete(obs.tabId);
    list.push({ time: now, obs });
    if (list.length > this.maxPerTab) list.splice(0, list.length - this.maxPerTab);
    this.byTab.set(obs.tabId, list);
  }

  of(tabId: number, now: number): O[] {
    this.prune(now);
    return (this.byTab.get(tabId) ?? []).filter((e) => e.time > now - this.keepMs).map((e) => e.obs);
  }

  private prune(now: number): void {
    for (const [tabId, list] of this.byTab) {
      if ((list.at(-1)?.time ?? 0) > now - this.keepMs) break;
      this.byTab.delete(tabId);
    }
  }
}
