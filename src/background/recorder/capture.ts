/**
 * Which requests' headers are recorded. Cookie changes (cookies.onChanged) are recorded always;
 * request `Cookie` and response `Set-Cookie` headers cost more: as long as a webRequest listener
 * exists, the browser routes every request of every tab through the extension, which slows page
 * loads even with a listener that does nothing (bench/browsing.bench.ts). So, by default, headers are
 * recorded like DevTools' Network panel records them: for the tabs someone is looking at (the
 * DevTools page and the Cookies panel hold a watch port open) — and the listeners are removed
 * while nobody looks. `headerCapture: 'all'` records every tab's headers all the time.
 *
 * Browser calls stay outside: the listeners arrive as attach/detach, persistence as a callback.
 */
import type { HeaderCaptureMode } from '../../model/events';

export interface CaptureDeps {
  listeners: { attach(): void; detach(): void; readonly attached: boolean };
  mode(): HeaderCaptureMode;
  /** Remembers the watched tabs across a background restart (storage.session). */
  save(tabs: number[]): void;
  now(): number;
}

/** How long a tab restored from the last background's list stays watched without its page reconnecting. */
export const RESTORE_GRACE_MS = 5_000;

export class HeaderCapture {
  /** Open ports per tab. */
  private readonly ports = new Map<number, number>();
  /** Tabs restored after a restart, until their page reconnects or the grace period ends. */
  private readonly restored = new Map<number, number>();
  private started = false;

  constructor(private readonly deps: CaptureDeps) {}

  /**
   * Settings and the restored list are known: from now on, listeners are attached only when
   * something is to be recorded. Until then they stay attached (registered at the top level),
   * so a background woken by a request does not miss it.
   */
  start(restoredTabs: readonly number[]): void {
    const until = this.deps.now() + RESTORE_GRACE_MS;
    for (const tab of restoredTabs) if (!this.ports.has(tab)) this.restored.set(tab, until);
    this.started = true;
    this.update();
  }

  get settled(): boolean {
    return this.started;
  }

  /** A page started watching `tabId`; call the returned function when its port closes. */
  watch(tabId: number): () => void {
    this.ports.set(tabId, (this.ports.get(tabId) ?? 0) + 1);
    this.restored.delete(tabId);
    this.changed();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const n = (this.ports.get(tabId) ?? 1) - 1;
      if (n > 0) this.ports.set(tabId, n);
      else this.ports.delete(tabId);
      this.changed();
    };
  }

  /** Whether headers of a request made by `tabId` are to be recorded (-1: not made by a tab). */
  covers(tabId: number): boolean {
    if (this.deps.mode() === 'all') return true;
    if (this.ports.has(tabId)) return true;
    const until = this.restored.get(tabId);
    return until !== undefined && until >= this.deps.now();
  }

  /** Whether any headers are being recorded right now. */
  active(): boolean {
    this.expireRestored();
    return this.deps.mode() === 'all' || this.ports.size > 0 || this.restored.size > 0;
  }

  /** Whether the webRequest listeners are registered now. */
  listening(): boolean {
    return this.deps.listeners.attached;
  }

  watchedTabs(): number[] {
    this.expireRestored();
    return [...new Set([...this.ports.keys(), ...this.restored.keys()])].sort((a, b) => a - b);
  }

  /** Re-evaluates the listeners (after a settings change, and when the grace period ends). */
  update(): void {
    if (!this.started) return;
    if (this.active()) this.deps.listeners.attach();
    else this.deps.listeners.detach();
  }

  private changed(): void {
    this.deps.save([...this.ports.keys()].sort((a, b) => a - b));
    this.update();
  }

  private expireRestored(): void {
    const now = this.deps.now();
    for (const [tab, until] of this.restored) if (until < now) this.restored.delete(tab);
  }
}
