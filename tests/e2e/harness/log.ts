import type { CookieChangeEvent, HeaderObservation } from '../../../src/model/events';
import type { ExtensionControl } from '../../../scripts/browser/extension';

export type { CookieChangeEvent, HeaderObservation };

/** Reads the extension's log as the UIs would see it, after asking the background to flush. */
export async function readLog(control: ExtensionControl): Promise<{
  changes: CookieChangeEvent[];
  observations: HeaderObservation[];
}> {
  await control.send('flush');
  const [changes, observations] = await Promise.all([
    control.readTable<CookieChangeEvent>('changes'),
    control.readTable<HeaderObservation>('observations'),
  ]);
  return { changes, observations };
}

/**
 * The recorder stores URLs with parameter values replaced by `{length:digest}` unless values are
 * recorded: compare a stored URL with a requested one by everything but those values.
 */
export function sameRequestUrl(stored: string, url: string): boolean {
  const shape = (u: string): string => u.replace(/#.*$/, '').replace(/([?&;][^=&;#/?]*)=[^&;#/?]*/g, '$1=');
  return stored === url || shape(stored) === shape(url);
}

/**
 * Waits until the response observation for `url` exists and none of its Set-Cookie lines is
 * still pending correlation; returns it with the log read at that moment.
 */
export async function settledResponse(
  control: ExtensionControl,
  url: string,
  timeoutMs = 15_000,
): Promise<{ obs: HeaderObservation; changes: CookieChangeEvent[]; observations: HeaderObservation[] }> {
  let found: Awaited<ReturnType<typeof settledResponse>> | undefined;
  await control.waitFor(
    async () => {
      const log = await readLog(control);
      const obs = log.observations.find((o) => o.kind === 'response' && sameRequestUrl(o.url, url));
      if (!obs || (obs.setCookies ?? []).some((s) => s.outcome === 'pending')) return false;
      found = { obs, ...log };
      return true;
    },
    `settled Set-Cookie observation for ${url}`,
    timeoutMs,
  );
  return found!;
}
