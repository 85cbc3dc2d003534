/**
 * The audit command end to end: the real extension, headless, against the local test site. One
 * browser launch audits several URLs and a login script; two more prove the exit codes 1 and 2
 * (the second through the `cookie-audit` bin, as CI runs it).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AuditReport } from '../../src/report/index';
import { validateReport, validateSarif } from '../../src/report/validate';
import { selectedBrowsers } from '../../scripts/browser/browsers';
import type { BrowserName } from '../../scripts/browser/types';
import { main } from '../../scripts/audit/main';
import { exitCodeFor } from '../../scripts/audit/verdict';
import { contextOf } from '../site/catalogue';
import { startSite, type Site, type SiteLogEntry } from '../site/server';

const root = resolve(import.meta.dirname, '../..');
const ROUTES = ['/login', '/samesite', '/prefixes', '/jwt'];

/** Stored and rejected cookie names for the site's log, as the catalogue says this browser handles them. */
function expectedFrom(site: Site, entries: readonly SiteLogEntry[], browser: BrowserName) {
  const stored = new Set<string>();
  const rejected: string[] = [];
  const values = new Set<string>();
  for (const entry of entries) {
    if (!entry.route) continue;
    for (const c of site.expectations.cookiesFor(entry.route, contextOf(entry))) {
      if (c.via !== 'header') continue;
      const o = c.browsers[browser];
      const name = o.result === 'stored' && o.cookie?.name !== undefined ? o.cookie.name : c.name;
      if (o.result === 'stored') stored.add(name);
      else if (o.result === 'deleted') stored.delete(name);
      else if (o.result === 'rejected') rejected.push(c.name);
    }
    for (const line of entry.setCookie) {
      const pair = line.split(';', 1)[0] ?? '';
      const value = pair.slice(pair.indexOf('=') + 1).trim();
      if (value.length >= 8 && !line.slice(pair.length).includes(value)) values.add(value);
    }
  }
  return { stored: [...stored].sort(), rejected: rejected.sort(), values };
}

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

describe.each(selectedBrowsers())('%s: cookie-audit', (name) => {
  let site: Site;
  let outDir: string;
  let result: { code: number; out: string; err: string };
  let expected: ReturnType<typeof expectedFrom>;
  const files: Record<string, string> = {};

  beforeAll(async () => {
    site = await startSite();
    outDir = mkdtempSync(join(tmpdir(), 'cookie-audit-e2e-'));
    const before = site.log.length;
    result = await run([
      ...ROUTES.map((p) => site.http + p),
      '--browser',
      name,
      '--out',
      outDir,
      '--format',
      'json,html,sarif,csv,md',
      '--login',
      join(root, 'tests/e2e/fixtures/audit-login.mjs'),
      '--no-build',
    ]);
    expected = expectedFrom(site, site.log.slice(before), name);
    for (const f of readdirSync(outDir)) files[f] = readFileSync(join(outDir, f), 'utf8');
  });
  afterAll(async () => {
    await site?.close();
  });

  test('a multi-URL audit writes schema-valid JSON with the site cookies, rejected lines and findings', () => {
    expect(result.err).not.toMatch(/cookie-audit:/);
    expect(Object.keys(files).sort()).toEqual(['report.csv', 'report.html', 'report.json', 'report.md', 'report.sarif']);
    const json = JSON.parse(files['report.json']!) as AuditReport;
    expect(validateReport(json).errors).toEqual([]);
    expect(json.valuesIncluded).toBe(false);
    expect(json.browser.name.toLowerCase()).toContain(name === 'chromium' ? 'chrom' : 'firefox');
    expect(json.cookies.map((c) => c.name).sort()).toEqual(expected.stored);
    // Rejected lines only exist when the headers were recorded.
    expect(json.rejected.map((r) => r.cookieName).sort()).toEqual(expected.rejected);
    expect(expected.rejected.length).toBeGreaterThan(2);
    expect(json.findings.map((f) => f.id)).toEqual(expect.arrayContaining(['samesite-none-insecure', 'prefix-violation', 'rejected']));
    // Progress: one line per URL on stderr; the summary and the paths on stdout.
    for (const [i, p] of ROUTES.entries()) expect(result.err).toContain(`[${i + 1}/${ROUTES.length}] ${site.http}${p}`);
    expect(result.out).toMatch(new RegExp(`cookies\\s+${json.summary.cookies}\\b`));
    expect(result.out).toMatch(new RegExp(`rejected Set-Cookie lines\\s+${json.summary.rejected}\\b`));
    expect(result.out).toContain(join(outDir, 'report.json'));
  });

  test('--fail-on high (the default) with high findings (the alg:none JWT) gives 1', () => {
    const json = JSON.parse(files['report.json']!) as AuditReport;
    expect(json.findings.filter((f) => f.severity === 'high').map((f) => f.id)).toContain('jwt-alg-none');
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/finding\(s\) at or above --fail-on high: exit 1/);
  });

  test('the SARIF validates and carries one result per finding', () => {
    const sarif = JSON.parse(files['report.sarif']!) as { runs: Array<{ results: Array<{ ruleId: string }> }> };
    expect(validateSarif(sarif).errors).toEqual([]);
    const json = JSON.parse(files['report.json']!) as AuditReport;
    expect(sarif.runs[0]!.results.map((r) => r.ruleId)).toEqual(json.findings.map((f) => f.id));
  });

  test('the login script ran: its login and logout moments are reported', () => {
    expect(result.out).toMatch(/login: \S+ → .*\/login\?user=alice/);
    expect(result.out).toMatch(/logout: \S+ → .*\/logout/);
    expect(site.log.some((e) => e.url === '/login?user=alice')).toBe(true);
  });

  test('the default output contains no cookie value', () => {
    expect(expected.values.size).toBeGreaterThan(5);
    for (const [file, text] of Object.entries({ ...files, stdout: result.out, stderr: result.err })) {
      const leaked = [...expected.values].filter((v) => text.includes(v) || text.includes(JSON.stringify(v).slice(1, -1)));
      expect({ file, leaked }).toEqual({ file, leaked: [] });
    }
  });

  test('the cookie-audit bin exits 0 when nothing is at or above --fail-on, 1 when something is', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cookie-audit-e2e-'));
    const r = await promisify(execFile)(
      process.execPath,
      [join(root, 'bin/cookie-audit.mjs'), `${site.http}/samesite`, '--browser', name, '--out', dir, '--no-build'],
      { encoding: 'utf8', timeout: 90_000 },
    ).then(
      (ok) => ({ code: 0, ...ok }),
      (err: { code: number; stdout: string; stderr: string }) => err,
    );
    expect(r.stderr).not.toMatch(/cookie-audit:/);
    // /samesite sets medium and low findings only.
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/nothing at or above --fail-on high/);
    expect(readdirSync(dir).sort()).toEqual(['report.html', 'report.json']);
    const json = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as AuditReport;
    expect(json.summary.findings.medium).toBeGreaterThan(0);
    // The same report held against --fail-on medium fails.
    expect(exitCodeFor(json.findings, 'medium')).toBe(1);
  });

  test('--baseline: the same audit again, held against the first report, fails on nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cookie-audit-e2e-'));
    const r = await run([
      ...ROUTES.map((p) => site.http + p),
      '--browser',
      name,
      '--out',
      dir,
      '--login',
      join(root, 'tests/e2e/fixtures/audit-login.mjs'),
      '--baseline',
      join(outDir, 'report.json'),
      '--no-build',
    ]);
    expect(r.err).not.toMatch(/cookie-audit:/);
    expect(r.out).toMatch(/findings: 0 new, 0 gone, 0 worse/);
    expect(r.code).toBe(0);
  });

  test('an unreachable URL gives 2 and names it', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/gone`;
    const r = await run([
      `${site.http}/samesite`,
      url,
      '--browser',
      name,
      '--out',
      mkdtempSync(join(tmpdir(), 'cookie-audit-e2e-')),
      '--no-build',
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`cookie-audit: cannot load ${url.replace(/[/.?]/g, '\\$&')}: \\S+`));
  });
});
