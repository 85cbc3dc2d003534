/**
 * What a polite live region should say now: the newest summary, but at most one change per
 * `everyMs`, so a page load that changes fifty cookies is one announcement, not fifty. `wait` says
 * in how many ms a held-back summary is due.
 */
export class LiveThrottle {
  private shown: string | undefined;
  private at = -Infinity;

  constructor(private readonly everyMs: number) {}

  offer(message: string, now: number): { text: string; wait: number } {
    if (this.shown === message) return { text: message, wait: 0 };
    // The first summary is the region's initial content: screen readers do not read it out.
    const due = this.shown === undefined ? 0 : this.at + this.everyMs - now;
    if (due > 0) return { text: this.shown as string, wait: due };
    this.shown = message;
    this.at = now;
    return { text: message, wait: 0 };
  }
}
