import { describe, expect, test } from 'vitest';
import { buildReport } from './build';
import { FIXTURE_SECRETS, fixtureInput } from './fixtures/input';
import { playwrightSameSite, toCookieEditor, toStorageState, type CookieEditorCookie, type PlaywrightCookie } from './import-formats';

const redacted = buildReport(fixtureInput(false));
const withValues = buildReport(fixtureInput(true));

describe('Playwright storageState', () => {
  const state = JSON.parse(toStorageState(withValues)) as { cookies: PlaywrightCookie[]; origins: unknown[] };

  test('one cookie per report cookie, in the shape addCookies takes', () => {
    expect(state.origins).toEqual([]);
    expect(state.cookies).toHaveLength(withValues.cookies.length);
    for (const [i, c] of state.cookies.entries()) {
      const r = withValues.cookies[i]!;
      expect(Object.keys(c).sort()).toEqual(['domain', 'expires', 'httpOnly', 'name', 'path', 'sameSite', 'secure', 'value']);
      expect(c).toMatchObject({ name: r.name, value: r.value, path: r.path, httpOnly: r.httpOnly, secure: r.secure });
      expect(c.domain).toBe(r.hostOnly ? r.domain : `.${r.domain}`);
      expect(c.expires).toBe(r.expires === null ? -1 : Math.floor(Date.parse(r.expires) / 1000));
      expect(['Strict', 'Lax', 'None']).toContain(c.sameSite);
    }
  });

  test.each([
    ['strict', 'Strict'],
    ['lax', 'Lax'],
    ['none', 'None'],
    ['unspecified', 'Lax'],
  ] as const)('sameSite %s → %s', (from, to) => {
    expect(playwrightSameSite(from)).toBe(to);
  });
});

describe('Cookie-Editor JSON', () => {
  const cookies = JSON.parse(toCookieEditor(withValues)) as CookieEditorCookie[];

  test('the chrome.cookies.Cookie shape, sessions without an expirationDate', () => {
    expect(cookies).toHaveLength(withValues.cookies.length);
    for (const [i, c] of cookies.entries()) {
      const r = withValues.cookies[i]!;
      expect(c).toMatchObject({ name: r.name, value: r.value, hostOnly: r.hostOnly, session: r.session, storeId: null });
      expect(c.domain).toBe(r.hostOnly ? r.domain : `.${r.domain}`);
      expect('expirationDate' in c).toBe(!r.session);
      expect(c.sameSite).toBe(r.sameSite === 'none' ? 'no_restriction' : r.sameSite);
    }
  });
});

describe('without values', () => {
  test.each([
    ['storageState', toStorageState],
    ['Cookie-Editor', toCookieEditor],
  ] as const)('%s refuses to be written', (_name, render) => {
    expect(() => render(redacted)).toThrow(/needs cookie values/);
  });

  test('the fixture has secrets to leak, and the value exports carry them only when asked', () => {
    expect(FIXTURE_SECRETS.length).toBeGreaterThan(0);
    expect(FIXTURE_SECRETS.some((s) => toStorageState(withValues).includes(JSON.stringify(s).slice(1, -1)))).toBe(true);
  });
});
