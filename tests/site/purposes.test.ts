/**
 * The site's cookies against the purpose classification and the personal-data rule: every cookie
 * with an expected purpose gets exactly it, only the cookies the catalogue flags hold personal data,
 * and the Open Cookie Database's coverage of the site's cookies is printed.
 */
import { describe, expect, test } from 'vitest';
import { registrableDomain } from '../../src/analysis/domain';
import { detectPersonalData } from '../../src/analysis/personal-data';
import { purposeOf } from '../../src/analysis/purpose';
import { ROUTES } from './catalogue';
import type { CookieCase } from './types';

const HOSTS: Record<string, string> = { 'first-party': '127.0.0.1', 'third-party': 'localhost', subdomain: 'app.cookie-demo.localhost' };

interface SiteCookie {
  route: string;
  host: string;
  c: CookieCase;
  value: string;
}

function siteCookies(): SiteCookie[] {
  const out: SiteCookie[] = [];
  for (const r of ROUTES) {
    const host = HOSTS[r.party ?? 'first-party'] as string;
    for (const c of r.cookies({ scheme: 'http', host, now: Date.UTC(2026, 0, 1), vars: {} })) {
      if (!Object.values(c.browsers).some((o) => o.result === 'stored')) continue;
      const pair = c.line.split(';', 1)[0] ?? '';
      out.push({ route: r.path, host, c, value: pair.includes('=') ? pair.slice(pair.indexOf('=') + 1).trim() : pair });
    }
  }
  return out;
}

const all = siteCookies();

describe('the test site and purposes', () => {
  test.each(all.filter((s) => s.c.purpose).map((s) => [s.c.id, s]))('%s has its catalogue purpose', (_id, s) => {
    // As the first party sees its own cookies; the tracker's cookies as a third party.
    const party = s.host === '127.0.0.1' ? 'first' : 'third';
    const p = purposeOf({ name: s.c.name, domain: s.host, value: s.value }, { party });
    const { category, source, platform, rule } = p;
    expect(JSON.parse(JSON.stringify({ category, source, platform, rule }))).toEqual(s.c.purpose);
  });

  test('personal data is found exactly in the cookies the catalogue flags', () => {
    const found = all.filter((s) => detectPersonalData(s.value) !== null).map((s) => s.c.id);
    const flagged = all.filter((s) => s.c.findings.includes('personal-data-in-cookie')).map((s) => s.c.id);
    expect(found).toEqual(flagged);
    expect(flagged).toEqual(['purposes/contact']);
  });

  test("the Open Cookie Database's coverage of the site's cookies (printed)", () => {
    const names = new Map<string, SiteCookie>();
    // The limit scenarios' hundreds of generated names (lim_0…) would only dilute the measure.
    for (const s of all.filter((x) => !x.route.startsWith('/limits'))) names.set(`${registrableDomain(s.host)} ${s.c.name}`, s);
    const bySource = { 'open-cookie-database': [] as string[], rule: [] as string[], unknown: [] as string[] };
    for (const s of names.values()) {
      const p = purposeOf({ name: s.c.name, domain: s.host, value: s.value }, { party: s.host === '127.0.0.1' ? 'first' : 'third' });
      bySource[p.source].push(s.c.name);
    }
    const n = names.size;
    const pct = (k: keyof typeof bySource): string => `${bySource[k].length} (${Math.round((100 * bySource[k].length) / n)}%)`;
    console.log(
      `Purposes of the test site's ${n} distinct cookies (limit scenarios aside): Open Cookie Database ${pct('open-cookie-database')}, our rules ${pct('rule')}, unknown ${pct('unknown')}.\n` +
        `  database: ${bySource['open-cookie-database'].join(', ')}\n  rules: ${bySource.rule.join(', ')}`,
    );
    // The site's purpose scenarios are real tags: the database must know every one of them.
    expect(bySource['open-cookie-database']).toEqual(
      expect.arrayContaining(['_ga', '_ga_PURPOSES1', '_gcl_au', '_ttp', 'li_sugr', '_pk_id.1.1fff']),
    );
  });
});
