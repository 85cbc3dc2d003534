/**
 * Before and after consent: the audit visits a page without interacting, records what was set
 * then, accepts its consent banner (a OneTrust-style button) and records what appeared after. An
 * analytics cookie set before any interaction is a `tracking-before-consent` finding (low).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { selectedBrowsers } from '../../scripts/browser/browsers';
import { main } from '../../scripts/audit/main';
import type { AuditReport } from '../../src/report/index';
import { validateReport } from '../../src/report/validate';

/** A page with a consent banner: an analytics cookie at once, a marketing one only after "accept". */
const PAGE = `<!doctype html><title>consent</title>
<div id="onetrust-banner-sdk"><p>We use cookies.</p><button id="onetrust-accept-btn-handler">Accept All Cookies</button></div>
<script>
document.getElementById('onetrust-accept-btn-handler').addEventListener('click', function () {
  document.cookie = '_fbp=fb.1.1700000000000.123456789; path=/';
  fetch('/consented').then(function () { document.getElementById('onetrust-banner-sdk').remove(); });
});
</script>`;

function consentSite(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    if (req.url === '/consented') {
      res.writeHead(204, { 'Set-Cookie': 'OptanonConsent=isGpcEnabled=0&groups=C0001:1,C0002:1; Path=/' });
      res.end();
      return;
    }
    if (req.url !== '/') {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Set-Cookie': ['_ga=GA1.1.123456789.1700000000; Path=/; Max-Age=3600', 'sid=s3cr3t-session-value; Path=/; HttpOnly'],
    });
    res.end(PAGE);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ server, url: `http://127.0.0.1:${port}/` });
    });
  });
}

describe.each(selectedBrowsers())('%s: cookie-audit --accept-consent', (name) => {
  let site: { server: Server; url: string };
  let dir: string;
  let result: { code: number; out: string; err: string };

  beforeAll(async () => {
    site = await consentSite();
    dir = mkdtempSync(join(tmpdir(), 'cookie-audit-consent-'));
    const out: string[] = [];
    const err: string[] = [];
    const code = await main([site.url, '--browser', name, '--out', dir, '--accept-consent', '--fail-on', 'low', '--no-build'], {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
    });
    result = { code, out: out.join('\n'), err: err.join('\n') };
  });
  afterAll(async () => {
    await new Promise((r) => site?.server.close(r));
  });

  test('the phases stay apart: set before any interaction, the banner accepted, set after consent', () => {
    expect(result.err).not.toMatch(/cookie-audit:/);
    expect(result.err).toContain(`consent on ${site.url}: accepted (OneTrust)`);
    const consent = JSON.parse(readFileSync(join(dir, 'consent.json'), 'utf8')) as {
      beforeInteraction: Array<{ name: string }>;
      consentClicks: Array<{ url: string; click: { by: string } | null }>;
      setAfterConsent: Array<{ name: string }>;
      findings: Array<{ id: string; severity: string; cookie: { name: string }; purpose: string }>;
    };
    expect(consent.beforeInteraction.map((c) => c.name).sort()).toEqual(['_ga', 'sid']);
    expect(consent.consentClicks).toEqual([{ url: site.url, click: { by: 'OneTrust', frameUrl: site.url } }]);
    expect(consent.setAfterConsent.map((c) => c.name).sort()).toEqual(['OptanonConsent', '_fbp']);
    // Only what was set before any interaction counts: _fbp came after the click.
    expect(consent.findings.map((f) => [f.id, f.severity, f.cookie.name, f.purpose])).toEqual([
      ['tracking-before-consent', 'low', '_ga', 'analytics'],
    ]);
    expect(readFileSync(join(dir, 'consent.json'), 'utf8')).not.toContain('s3cr3t-session-value');
  });

  test("report.json and report.html carry the same phases (the report's consent section)", () => {
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as AuditReport;
    expect(validateReport(report).errors).toEqual([]);
    const c = report.consent!;
    expect(c.consentAccepted).toBe(true);
    expect(c.beforeInteraction.map((x) => x.name).sort()).toEqual(['_ga', 'sid']);
    expect(c.clicks).toEqual([{ url: site.url, acceptedBy: 'OneTrust' }]);
    expect(c.setAfterConsent.map((x) => x.name).sort()).toEqual(['OptanonConsent', '_fbp']);
    expect(c.findings.map((f) => [f.id, f.cookie.name, f.purpose])).toEqual([['tracking-before-consent', '_ga', 'analytics']]);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    const section = html.slice(html.indexOf('<section id="consent">'));
    expect(section.slice(0, section.indexOf('</section>'))).toMatch(
      /Set before any interaction \(2\)[\s\S]*_ga[\s\S]*OneTrust[\s\S]*Set after consent \(2\)[\s\S]*_fbp/,
    );
    expect(html).not.toContain('s3cr3t-session-value');
  });

  test('tracking-before-consent counts against --fail-on low', () => {
    expect(result.out).toMatch(/\[low\]\s+tracking-before-consent\s+_ga/);
    expect(result.code).toBe(1);
  });
});
