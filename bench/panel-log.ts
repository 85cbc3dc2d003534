import type { ExtensionControl } from '../scripts/browser/extension';

/**
 * Writes events straight into IndexedDB for the measured tab and its site, ids far above the
 * writer's: half observations (a Set-Cookie response linked to its change, or a request sending
 * cookies), half changes (those the responses caused, and script writes). Event i is at
 * time0 + (i - from) * step. Returns the records in the log afterwards (0 unless `counted`).
 */
export function logWriter(control: ExtensionControl, tabId: number) {
  return (from: number, count: number, time0: number, step: number, counted = true): Promise<number> =>
    control.page.page.evaluate(
      async (from: number, count: number, time0: number, step: number, target: number, counted: boolean) => {
        const open = indexedDB.open('cookie-monitor');
        const db = await new Promise<IDBDatabase>((ok, ko) => {
          open.onsuccess = () => ok(open.result);
          open.onerror = () => ko(open.error);
        });
        const site = '127.0.0.1';
        const chunk = 5_000;
        for (let start = from; start < from + count; start += chunk) {
          const tx = db.transaction(['changes', 'observations'], 'readwrite');
          const changes = tx.objectStore('changes');
          const observations = tx.objectStore('observations');
          for (let i = start; i < Math.min(from + count, start + chunk); i += 2) {
            const name = `bench_${(i >> 1) % 40}`;
            const time = time0 + (i - from) * step;
            const obsId = 1_000_000_000 + i;
            const changeId = obsId + 1;
            const key = `${name}|${site}|/||0`;
            const response = i % 4 === 0;
            const script = !response;
            changes.put({
              id: changeId,
              time,
              storeId: '0',
              incognito: false,
              cause: 'explicit',
              removed: false,
              name,
              domain: site,
              hostOnly: true,
              path: '/',
              secure: false,
              httpOnly: response,
              sameSite: 'lax',
              session: true,
              registrableDomain: site,
              cookieKey: key,
              valueLength: 24,
              valueDigest: (i * 2654435761).toString(16).slice(-12),
              source: script ? 'script' : 'http',
              ...(response ? { linkedObservationId: obsId } : {}),
            });
            observations.put({
              id: obsId,
              time,
              kind: response ? 'response' : 'request',
              tabId: target,
              frameId: 0,
              requestId: String(i),
              url: `http://${site}/api/bench?i=${i}`,
              method: 'GET',
              resourceType: 'xmlhttprequest',
              topLevelSite: site,
              scheme: 'http',
              registrableDomain: site,
              ...(response
                ? {
                    statusCode: 200,
                    setCookies: [
                      {
                        line: `${name}=; Path=/; HttpOnly; SameSite=Lax`,
                        name,
                        valueLength: 24,
                        valueDigest: '0',
                        outcome: 'stored',
                        changeEventId: changeId,
                      },
                    ],
                  }
                : { cookieNames: [name, 'JSESSIONID'] }),
              cookieMentions: response ? [`${site}|${name}`] : [`${site}|${name}`, `${site}|JSESSIONID`],
            });
          }
          await new Promise<void>((ok, ko) => {
            tx.oncomplete = () => ok();
            tx.onerror = () => ko(tx.error);
          });
        }
        let n = 0;
        for (const store of counted ? ['changes', 'observations'] : []) {
          n += await new Promise<number>((ok) => {
            const r = db.transaction(store).objectStore(store).count();
            r.onsuccess = () => ok(r.result);
          });
        }
        db.close();
        return n;
      },
      from,
      count,
      time0,
      step,
      tabId,
      counted,
    ) as Promise<number>;
}
