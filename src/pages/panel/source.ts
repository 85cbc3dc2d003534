/**
 * Where the panel reads a tab's log: a normal tab's from the on-disk log (polled, ./useLog.ts); a
 * private tab's from the background, which alone holds it (in memory). The choice is made once
 * per tab, before the panel renders.
 */
import { parseCookieKey } from '../../model/events';
import type { CookieLogDB } from '../../db/schema';
import { createClient } from '../../messaging/client';
import { messageRuntime } from '../../platform/runtime';
import { isPrivateTab } from '../../platform/tabs';
import type { LifecycleSource } from './Lifecycle';
import { diskReader, type LogReader } from './log-reads';
import { privateLifecycle, privateReader } from './private-reads';

export interface PanelSource {
  /** True when the tab's log is the background's memory log. */
  private: boolean;
  reader: LogReader;
  lifecycle: LifecycleSource;
}

export function diskSource(db: CookieLogDB): PanelSource {
  return { private: false, reader: diskReader(db), lifecycle: { db } };
}

export function privateSource(): PanelSource {
  const client = createClient(messageRuntime());
  return {
    private: true,
    reader: privateReader((q) => client.send('getPrivateLog', q)),
    lifecycle: {
      read: async (cookieKey, site) => {
        const [byKey, onSite] = await Promise.all([
          client.send('getPrivateLog', { cookieKey }),
          client.send('getPrivateLog', { domain: site }),
        ]);
        return privateLifecycle(byKey, onSite, parseCookieKey(cookieKey)?.name ?? '');
      },
    },
  };
}

/** The source for `tabId`; `db` is opened lazily, so a private window (no IndexedDB) never touches it. */
export async function sourceFor(tabId: number, db: () => CookieLogDB): Promise<PanelSource> {
  return (await isPrivateTab(tabId)) ? privateSource() : diskSource(db());
}
