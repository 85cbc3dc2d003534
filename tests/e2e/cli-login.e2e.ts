/**
 * `--login` marks: a login flow whose URLs say nothing, driven by the audit's login script, appears
 * in report.json as sessions with their login and logout moments — judged over the script's span,
 * so a login slower than a hand mark's window still counts as a renewal.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AuditReport } from '../../src/report/index';
import { validateReport } from '../../src/report/validate';
import { selectedBrowsers } from '../../scripts/browser/browsers';
import { main } from '../../scripts/audit/main';
import { QUIET_APP_FINDINGS, QUIET_LOGIN_DELAY_MS } from '../site/catalogue/quiet-login';
import { startSite, type Site } from '../site/server';

const root = resolve(import.meta.dirname, '../..');

describe.each(selectedBrowsers())('%s: cookie-audit --login marks', (name) => {
  let site: Site;
  let out: string[];
  let report: AuditReport;
  let code: number;

  beforeAll(async () => {
    site = await startSite();
    const dir = mkdtempSync(join(tmpdir(), 'cookie-audit-login-'));
    const lines: string[] = [];
    const errs: string[] = [];
    code = await main(
      [
        `${site.http}/quiet/renew/start`,
        `${site.http}/quiet/keep/start`,
        ...['--browser', name, '--out', dir, '--format', 'json', '--fail-on', 'none', '--no-build'],
        ...['--login', join(root, 'tests/e2e/fixtures/audit-quiet-login.mjs')],
      ],
      { out: (l) => lines.push(l), err: (l) => errs.push(l) },
    );
    out = lines;
    expect(errs.join('\n')).not.toMatch(/cookie-audit:/);
    report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as AuditReport;
  });
  afterAll(async () => {
    await site?.close();
  });

  test('the run succeeds and prints both moments with their span', () => {
    expect(code).toBe(0);
    expect(validateReport(report).errors).toEqual([]);
    const login = out.find((l) => l.trim().startsWith('login:')) ?? '';
    expect(login).toMatch(/marked for the session audit/);
    // The span covers the slow answer of /quiet/renew/enter.
    expect(Number(/\((\d+\.\d) s,/.exec(login)?.[1])).toBeGreaterThanOrEqual(QUIET_LOGIN_DELAY_MS / 1000);
    expect(out.some((l) => l.trim().startsWith('logout:'))).toBe(true);
  });

  test('each app is one session with its login and logout, and the right session findings', () => {
    const byName = new Map(report.sessions.map((s) => [s.cookie?.name, s]));
    expect([...byName.keys()].sort()).toEqual(Object.keys(QUIET_APP_FINDINGS).sort());
    for (const [cookie, findings] of Object.entries(QUIET_APP_FINDINGS)) {
      const s = byName.get(cookie)!;
      expect({ cookie, login: s.login !== null, logout: s.logout !== null, endedBy: s.endedBy, findings: s.findings }).toEqual({
        cookie,
        login: true,
        logout: true,
        endedBy: 'logout',
        findings,
      });
      expect({ cookie, rotatedAtLogin: s.rotatedAtLogin }).toEqual({ cookie, rotatedAtLogin: !findings.includes('session-fixation') });
    }
    // The login comes before the logout, both inside the run.
    const s = byName.get('_session_id')!;
    expect(Date.parse(s.login!.at)).toBeLessThan(Date.parse(s.logout!.at));
    const fixations = report.findings.filter((f) => f.id === 'session-fixation');
    expect(fixations.map((f) => (f.kind === 'cookie' ? f.cookie.name : f.kind))).toEqual(['rack.session']);
    expect(report.findings.map((f) => f.id)).not.toContain('session-not-cleared-on-logout');
  });
});
