import type { ExtensionBrowser, TrackedPage } from './types';

/**
 * A channel to the running extension: one of its own pages kept open, from which tests send the
 * same messages the UIs send and read the IndexedDB log the UIs read. Nothing here reaches into
 * the background's memory: what tests see is what the extension exposes.
 */
export class ExtensionControl {
  private constructor(
    readonly browser: ExtensionBrowser,
    readonly page: TrackedPage,
  ) {}

  static async open(browser: ExtensionBrowser): Promise<ExtensionControl> {
    const page = await browser.openExtensionPage('src/pages/options/index.html');
    const control = new ExtensionControl(browser, page);
    await control.waitForReady();
    return control;
  }

  /** Sends one protocol message (`{ type: 'cookie-monitor', name, request }`) and returns the answer. */
  async send<T = unknown>(name: string, request: unknown = {}): Promise<T> {
    const reply = (await this.page.page.evaluate(
      async (n: string, r: unknown) => {
        const api = (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser;
        return api.runtime.sendMessage({ type: 'cookie-monitor', name: n, request: r });
      },
      name,
      request as never,
    )) as { ok: boolean; response?: T; error?: { message: string } } | undefined;
    if (!reply || reply.ok !== true) throw new Error(`${name} failed: ${reply?.error?.message ?? 'no answer'}`);
    return reply.response as T;
  }

  /** Polls the background's `ping` until it says its listeners and database are up. */
  async waitForReady(timeoutMs = 20_000): Promise<void> {
    await this.waitFor(
      async () => {
        try {
          const r = await this.send<{ ready?: boolean }>('ping');
          return r?.ready === true;
        } catch {
          return false;
        }
      },
      'background ready',
      timeoutMs,
    );
  }

  /** The background's header recording as getStatus reports it. */
  async headerStatus(): Promise<{ mode: string; listening: boolean; watchedTabs: number[] }> {
    return (await this.send<{ headers: { mode: string; listening: boolean; watchedTabs: number[] } }>('getStatus')).headers;
  }

  /**
   * Switches header recording to every tab (the default records only tabs open in DevTools or the
   * panel) and waits until the listeners are attached, for tests about what headers the recorder keeps.
   */
  async recordAllHeaders(): Promise<void> {
    await this.send('updateSettings', { headerCapture: 'all' });
    await this.waitFor(async () => (await this.headerStatus()).listening, 'header listeners attached');
  }

  /** Waits until the background records the headers of `tabId` (a panel or DevTools watches it). */
  async waitForWatched(tabId: number): Promise<void> {
    await this.waitFor(async () => {
      const h = await this.headerStatus();
      return h.listening && h.watchedTabs.includes(tabId);
    }, `tab ${tabId} watched`);
  }

  /** Polls `check` (each poll is a real round trip, no fixed sleeps in between beyond 50 ms). */
  async waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown;
    for (;;) {
      try {
        if (await check()) return;
      } catch (err) {
        lastError = err;
      }
      if (Date.now() > deadline) {
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Every row of an IndexedDB object store of the extension's database, read from its origin. */
  async readTable<T = Record<string, unknown>>(table: string, dbName = 'cookie-monitor'): Promise<T[]> {
    return (await this.page.page.evaluate(
      (name: string, store: string) =>
        new Promise<unknown[]>((resolve, reject) => {
          const open = indexedDB.open(name);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains(store)) {
              db.close();
              resolve([]);
              return;
            }
            const req = db.transaction(store, 'readonly').objectStore(store).getAll();
            req.onsuccess = () => {
              db.close();
              resolve(req.result as unknown[]);
            };
            req.onerror = () => reject(req.error);
          };
        }),
      dbName,
      table,
    )) as T[];
  }

  /** The raw bytes of every record in the database as JSON text, to search for leaked values. */
  async dumpDatabase(dbName = 'cookie-monitor'): Promise<string> {
    return (await this.page.page.evaluate(
      (name: string) =>
        new Promise<string>((resolve, reject) => {
          const open = indexedDB.open(name);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const stores = Array.from(db.objectStoreNames);
            if (stores.length === 0) return resolve('{}');
            const tx = db.transaction(stores, 'readonly');
            const out: Record<string, unknown[]> = {};
            for (const s of stores) {
              const req = tx.objectStore(s).getAll();
              req.onsuccess = () => (out[s] = req.result as unknown[]);
            }
            tx.oncomplete = () => {
              db.close();
              resolve(JSON.stringify(out));
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      dbName,
    )) as string;
  }
}
