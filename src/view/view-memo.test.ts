import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cookieFromSnapshot, type CookieInfo, type CookieSnapshot } from '../model/cookie';
import { LIMIT_PROFILES, type LimitProfileId } from '../model/limits';
import { snapshot } from '../analysis/arbitraries.test-helpers';
import { cookiesInDomains } from '../analysis/tab-scope';
import { ViewMemo, type CookieResults } from './view-memo';
import { buildViewModel } from './view-model';
import { forWire } from './view-wire';

const T0 = Date.UTC(2026, 10, 1);
const MAX_AGE = 60_000;

/** A view as the background builds one: the memo's clock and results, or none. */
function view(jar: readonly CookieSnapshot[], now: number, opts: { memo?: ViewMemo; top?: string; profile?: LimitProfileId } = {}) {
  const profileId = opts.profile ?? 'chromium';
  const ctx = opts.memo?.context(`${profileId}|${opts.top ?? ''}`, now);
  const at = ctx?.now ?? now;
  const info = opts.memo ? (s: CookieSnapshot) => opts.memo!.info(s) : undefined;
  const cookies = cookiesInDomains(jar, null, info);
  return {
    now: at,
    vm: forWire(buildViewModel({ cookies, topLevelSite: opts.top, now: at, profile: LIMIT_PROFILES[profileId] }, ctx?.results)),
  };
}

const c = (name: string, over: Partial<CookieSnapshot> = {}): CookieSnapshot => ({
  name,
  value: 'v',
  domain: 'www.a.test',
  hostOnly: true,
  path: '/',
  secure: false,
  httpOnly: false,
  sameSite: 'unspecified',
  session: true,
  storeId: '0',
  ...over,
});

describe('the clock of a context', () => {
  test('is the first view’s for up to maxAgeMs, then the current time again', () => {
    const memo = new ViewMemo(MAX_AGE);
    expect(memo.context('x', T0).now).toBe(T0);
    expect(memo.context('x', T0 + MAX_AGE).now).toBe(T0);
    expect(memo.context('x', T0 + MAX_AGE + 1).now).toBe(T0 + MAX_AGE + 1);
  });

  test('starts over when the time goes backwards (a clock change)', () => {
    const memo = new ViewMemo(MAX_AGE);
    memo.context('x', T0);
    expect(memo.context('x', T0 - 1).now).toBe(T0 - 1);
  });

  test('is kept per context, for the four used last', () => {
    const memo = new ViewMemo(MAX_AGE);
    const first = memo.context('a', T0).results;
    for (const k of ['b', 'c', 'd']) memo.context(k, T0 + 1);
    expect(memo.context('a', T0 + 2).results).toBe(first);
    memo.context('e', T0 + 3);
    // 'b' was used least recently of the five: forgotten.
    expect(memo.context('b', T0 + 4).now).toBe(T0 + 4);
    expect(memo.context('a', T0 + 5).now).toBe(T0);
  });
});

describe('a view with remembered results', () => {
  test('is the view computed from scratch at the same clock, and reuses the rows of unchanged cookies', () => {
    const memo = new ViewMemo(MAX_AGE);
    const jar = [
      c('sid', { value: 'x'.repeat(32) }),
      c('a', { secure: true, httpOnly: true }),
      c('b', { session: false, expirationDate: T0 / 1000 + 86_400 }),
    ];
    const first = view(jar, T0, { memo, top: 'https://www.a.test/' });
    const changed = [jar[0]!, { ...jar[1]!, secure: false }, jar[2]!, c('new')];
    const second = view(changed, T0 + 5_000, { memo, top: 'https://www.a.test/' });
    expect(second.now).toBe(T0);
    expect(second.vm).toEqual(view(changed, T0, { top: 'https://www.a.test/' }).vm);
    const row = (v: typeof first, name: string) => v.vm.rows.find((r) => r.cookie.name === name);
    expect(row(second, 'sid')).toBe(row(first, 'sid'));
    expect(row(second, 'b')).toBe(row(first, 'b'));
    expect(row(second, 'a')).not.toBe(row(first, 'a'));
    expect(row(second, 'a')?.flags).toEqual(['no-secure']);
  });

  test('a context of another site or profile does not lend its results', () => {
    const memo = new ViewMemo(MAX_AGE);
    const jar = [c('a', { domain: 'cdn.b.test' })];
    const first = view(jar, T0, { memo, top: 'https://www.a.test/' });
    const other = view(jar, T0 + 1, { memo, top: 'https://www.b.test/' });
    expect(other.vm.rows[0]!.thirdParty).toBe(false);
    expect(first.vm.rows[0]!.thirdParty).toBe(true);
    expect(view(jar, T0 + 2, { memo, top: 'https://www.a.test/', profile: 'rfc2109' }).vm.profile.id).toBe('rfc2109');
  });

  test('cookies sharing a key get rows built afresh (their findings join)', () => {
    // cookiesInDomains keeps one cookie per key; other callers may pass both.
    const memo = new ViewMemo(MAX_AGE);
    const [a, b] = [cookieFromSnapshot(c('a')), cookieFromSnapshot(c('a', { value: 'eyJhbGciOiJub25lIn0.e30.' }))];
    const build = (cookies: CookieInfo[], results?: CookieResults) =>
      buildViewModel({ cookies, now: T0, profile: LIMIT_PROFILES.chromium }, results);
    const { results } = memo.context('x', T0);
    build([a], results);
    expect(build([a, b], results)).toEqual(build([a, b]));
  });

  test('property: any sequence of jars gives, view after view, what a fresh computation gives', () => {
    const jars = fc.array(snapshot, { minLength: 1, maxLength: 8 }).chain((base) =>
      fc.tuple(
        fc.constant(base),
        // Each later jar keeps some cookies as the same objects, changes some, adds some.
        fc.array(
          fc.tuple(
            fc.array(fc.nat(base.length - 1), { maxLength: base.length }),
            fc.array(snapshot, { maxLength: 3 }),
            fc.array(fc.boolean(), { minLength: base.length, maxLength: base.length }),
          ),
          { minLength: 1, maxLength: 4 },
        ),
      ),
    );
    fc.assert(
      fc.property(
        jars,
        fc.constantFrom(undefined, 'https://www.example.com/', 'http://127.0.0.1:8080/'),
        fc.integer({ min: 0, max: 4 * MAX_AGE }),
        ([base, steps], top, step) => {
          const memo = new ViewMemo(MAX_AGE);
          let jar = base;
          let now = T0;
          view(jar, now, { memo, top });
          for (const [keep, added, touched] of steps) {
            jar = [...keep.map((i) => (touched[i] ? { ...base[i]!, value: `${base[i]!.value}!` } : base[i]!)), ...added];
            now += step;
            const got = view(jar, now, { memo, top });
            expect(T0 <= got.now && got.now <= now && now - got.now <= MAX_AGE).toBe(true);
            expect(got.vm).toEqual(view(jar, got.now, { top }).vm);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
