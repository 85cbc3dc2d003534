/** What `npm start` prints after a headless tour: the extension's own record, summarised. */
import { analyze } from '../src/analysis/findings';
import { cookieFromSnapshot, type CookieSnapshot } from '../src/model/cookie';
import type { CookieChangeEvent, HeaderObservation } from '../src/model/events';
import { LIMIT_PROFILES } from '../src/model/limits';
import type { ExtensionControl } from './browser/extension';
import type { Site } from '../tests/site/server';

export async function printSummary(
  control: ExtensionControl,
  tabId: number,
  site: Site,
  browserName: 'chromium' | 'firefox',
): Promise<void> {
  await control.send('flush');
  const changes = await control.readTable<CookieChangeEvent>('changes');
  const observations = await control.readTable<HeaderObservation>('observations');
  const snapshots = (await control.page.page.evaluate(async () => {
    const api = (globalThis as unknown as { browser: { cookies: { getAll(d: object): Promise<unknown[]> } } }).browser;
    return api.cookies.getAll({});
  })) as CookieSnapshot[];

  const lines = observations.flatMap((o) => (o.setCookies ?? []).map((s) => ({ ...s, url: o.url })));
  const byOutcome = new Map<string, number>();
  for (const l of lines) byOutcome.set(l.outcome, (byOutcome.get(l.outcome) ?? 0) + 1);
  const requests = observations.filter((o) => o.kind === 'request');

  const cookies = snapshots.map((s) => cookieFromSnapshot(s));
  const host = new URL(site.http).hostname;
  const { classifications, findings } = analyze({
    cookies,
    topLevelSite: host,
    now: Date.now(),
    profile: LIMIT_PROFILES[browserName === 'firefox' ? 'firefox' : 'chromium'],
  });
  const session = classifications.filter((c) => c.expiry.persistence === 'session').length;

  const out: string[] = [];
  out.push('', `What the extension recorded (tab ${tabId}, ${browserName}):`);
  out.push(`  ${changes.length} cookie changes, ${observations.length} header observations (${requests.length} requests sent cookies)`);
  out.push(`  ${lines.length} Set-Cookie lines: ${[...byOutcome].map(([k, v]) => `${v} ${k}`).join(', ')}`);
  out.push('', 'Rejected Set-Cookie lines:');
  for (const l of lines.filter((x) => x.outcome === 'rejected')) {
    out.push(`  ${new URL(l.url).pathname.padEnd(22)} ${JSON.stringify(l.name).padEnd(24)} ${l.reason ?? ''}`);
  }
  out.push('', `Cookies now in the browser: ${cookies.length} (${session} session, ${cookies.length - session} persistent)`);
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
  out.push(`Findings: ${['high', 'medium', 'low', 'info'].map((s) => `${counts.get(s) ?? 0} ${s}`).join(', ')}`);
  for (const f of findings.filter((x) => x.severity === 'high' || x.severity === 'medium').slice(0, 20)) {
    const subject = f.subject.kind === 'cookie' ? `${f.subject.name} (${f.subject.domain})` : f.subject.kind;
    out.push(`  [${f.severity}] ${f.id.padEnd(26)} ${subject}`);
  }
  out.push('', 'Cookie values are not shown here and were not written to disk (values are recorded only when enabled).');
  out.push('Load dist/ into a browser (see README) to explore the popup, the DevTools panel and the audit report.');
  console.log(out.join('\n'));
}
