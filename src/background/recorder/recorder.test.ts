import { describe, expect, test } from 'vitest';
import { digester } from '../../analysis/digest';
import { describeValue } from '../../db/digest';
import { MemoryLog } from '../../db/memory-log';
import { openTestDb } from '../../db/test-helpers';
import { LogWriter } from '../../db/writer';
import { cookieSnapshot } from '../../model/cookie.test-helpers';
import { DEFAULT_SETTINGS, type Settings } from '../../model/events';
import type { ChangeInput } from './changes';
import type { RequestDetailsLike } from './headers';
import { Recorder, type RecorderDeps } from './recorder';

/**
 * The recorder with the real writer on fake-indexeddb (ids count up) and the real in-memory
 * private log (ids count down): routing, redaction, correlation and pause.
 */
const digest = digester(new Uint8Array(32).fill(3));

async function setup(over: Partial<RecorderDeps> = {}, settings: Partial<Settings> = {}) {
  const s = { ...DEFAULT_SETTINGS, ...settings };
  const db = openTestDb();
  const writer = await LogWriter.open(db, { getSettings: () => s });
  const memory = new MemoryLog({ getSettings: () => s });
  let now = 1_000;
  const rec = new Recorder({
    logs: Promise.resolve({ disk: writer, memory }),
    describe: (v) => describeValue(digest, v),
    settings: () => s,
    now: () => now,
    tab: async () => ({ url: 'https://shop.test/', incognito: false }),
    isPrivateStore: (id) => id === '1',
    currentDigest: async () => undefined,
    engine: 'chromium',
    windowMs: 100,
    ...over,
  });
  const disk = {
    query: async () => ({ changes: await db.changes.toArray(), observations: await db.observations.toArray() }),
  };
  return { rec, disk, memory, advance: (ms: number) => (now += ms) };
}

const change = (name: string, over: Partial<ChangeInput['cookie']> = {}, removed = false, cause = 'explicit'): ChangeInput => ({
  removed,
  cause,
  cookie: { ...cookieSnapshot({ name, value: 'secret-value-123', domain: 'shop.test' }), ...over },
});

const response = (url: string, over: Partial<RequestDetailsLike> = {}): RequestDetailsLike => ({
  requestId: '1',
  url,
  method: 'GET',
  type: 'main_frame',
  tabId: 7,
  frameId: 0,
  statusCode: 200,
  ...over,
});

describe('Recorder', () => {
  test('each observation is told as recorded, with its id, before the log has written it', async () => {
    const told: Array<{ id: number; tabId: number; registrableDomain: string; url: string }> = [];
    const { rec, disk } = await setup({ observed: (o) => told.push(o) });
    rec.responseReceived(response('https://api.cdn.test/x'), ['a=secret-value-123']);
    await rec.flush();
    expect(told).toEqual([expect.objectContaining({ tabId: 7, registrableDomain: 'cdn.test' })]);
    expect((await disk.query()).observations.map((o) => o.id)).toEqual([told[0]?.id]);
    expect(JSON.stringify(told)).not.toContain('secret-value-123');
  });

  test('incognito changes go to the in-memory log only; others to disk', async () => {
    const { rec, disk, memory } = await setup();
    rec.cookieChanged(change('a'));
    rec.cookieChanged(change('p', { storeId: '1' }));
    await rec.flush();
    expect((await disk.query()).changes.map((c) => c.name)).toEqual(['a']);
    expect(memory.query().changes.map((c) => [c.name, c.incognito])).toEqual([['p', true]]);
  });

  test('values are not kept unless recording them is on', async () => {
    const off = await setup();
    off.rec.cookieChanged(change('a'));
    await off.rec.flush();
    expect(JSON.stringify(await off.disk.query())).not.toContain('secret-value-123');
    expect((await off.disk.query()).changes[0]).toMatchObject({ valueLength: 16, valueDigest: digest('secret-value-123') });

    const on = await setup({}, { recordValues: true });
    on.rec.cookieChanged(change('a'));
    await on.rec.flush();
    expect((await on.disk.query()).changes[0]?.value).toBe('secret-value-123');
  });

  test('a Set-Cookie line and the change it caused are linked both ways', async () => {
    const { rec, disk } = await setup();
    rec.responseReceived(response('https://shop.test/login'), ['sid=abc; Path=/; Secure; HttpOnly']);
    rec.cookieChanged(change('sid'));
    await rec.flush();
    const { changes, observations } = await disk.query();
    const line = observations[0]!.setCookies![0]!;
    expect(line).toMatchObject({ name: 'sid', outcome: 'stored', changeEventId: changes[0]!.id });
    expect(line.line).toBe('sid=; Path=/; Secure; HttpOnly');
    expect(changes[0]).toMatchObject({ linkedObservationId: observations[0]!.id, source: 'http' });
  });

  test('a line no change follows is rejected with the predicted reason once its window ends', async () => {
    const { rec, disk, advance } = await setup();
    rec.responseReceived(response('http://shop.test/'), ['bad=1; SameSite=None']);
    await rec.flush();
    advance(200);
    await rec.expire();
    await rec.flush();
    expect((await disk.query()).observations[0]!.setCookies![0]).toMatchObject({ outcome: 'rejected', reason: 'SameSiteNoneInsecure' });
  });

  test('requests record the cookie names sent and only the Authorization scheme', async () => {
    const { rec, disk } = await setup();
    rec.requestSent(response('https://shop.test/api', { type: 'xmlhttprequest' }), 'a=1; b=2', 'Bearer tok3n');
    await rec.flush();
    const o = (await disk.query()).observations[0]!;
    expect(o).toMatchObject({ kind: 'request', cookieNames: ['a', 'b'], authorization: { scheme: 'Bearer' } });
    expect(JSON.stringify(o)).not.toContain('tok3n');
  });

  test('URL parameter values are stored as length and digest unless values are recorded', async () => {
    const url = 'https://shop.test/app;jsessionid=SESSIONSECRET1/cb?code=oauthsecret2&next=%2Fhome';
    const off = await setup();
    off.rec.requestSent(response(url, { originUrl: 'https://shop.test/?token=magicsecret3' }), 'a=1', undefined);
    off.rec.responseReceived(response(url), ['s=1']);
    await off.rec.flush();
    const stored = JSON.stringify(await off.disk.query());
    for (const secret of ['SESSIONSECRET1', 'oauthsecret2', 'magicsecret3']) expect(stored).not.toContain(secret);
    const o = (await off.disk.query()).observations[0]!;
    expect(o.url).toBe(
      `https://shop.test/app;jsessionid={14:${digest('SESSIONSECRET1')}}/cb?code={12:${digest('oauthsecret2')}}&next={5:${digest('/home')}}`,
    );
    const on = await setup({}, { recordValues: true });
    on.rec.requestSent(response(url), 'a=1', undefined);
    await on.rec.flush();
    expect((await on.disk.query()).observations[0]!.url).toBe(url);
  });

  test('huge headers and URLs are kept bounded, and still redacted', async () => {
    const { rec, disk } = await setup();
    const big = `big=${'v'.repeat(100_000)}; Path=/${'p'.repeat(200_000)}`;
    rec.responseReceived(response(`https://shop.test/${'q'.repeat(50_000)}`), [big]);
    await rec.flush();
    const o = (await disk.query()).observations[0]!;
    expect(o.url.length).toBeLessThan(2_200);
    expect(o.setCookies![0]!.line.length).toBeLessThan(8_300);
    expect(o.setCookies![0]!.line).not.toContain('vvvv');
    expect(o.setCookies![0]).toMatchObject({ name: 'big', outcome: 'pending', reason: 'NameValuePairExceedsMaxSize' });
  });

  test('paused: nothing is recorded', async () => {
    const { rec, disk } = await setup({}, { paused: true });
    rec.cookieChanged(change('a'));
    rec.responseReceived(response('https://shop.test/'), ['a=1']);
    await rec.flush();
    expect(await disk.query()).toEqual({ changes: [], observations: [] });
  });

  test("headers of tabs not covered by header capture are not recorded, and their changes' source stays unknown", async () => {
    const { rec, disk } = await setup({ captures: (tabId) => tabId === 7 });
    rec.requestSent(response('https://other.test/', { tabId: 8 }), 'x=1', undefined);
    rec.responseReceived(response('https://other.test/', { tabId: 8 }), ['o=1']);
    rec.cookieChanged(change('o', { domain: 'other.test' }));
    rec.requestSent(response('https://shop.test/', { tabId: 7 }), undefined, undefined);
    rec.cookieChanged(change('js', { domain: 'shop.test' }));
    await rec.flush();
    const { changes, observations } = await disk.query();
    expect(observations).toEqual([]);
    // No Set-Cookie line was looked at on other.test: an HTTP write there is not a script write.
    expect(changes.map((c) => [c.name, c.source])).toEqual([
      ['o', 'unknown'],
      ['js', 'script'],
    ]);
  });

  test("with headerCapture 'all', an unclaimed change is a script write on any site", async () => {
    const { rec, disk } = await setup({}, { headerCapture: 'all' });
    rec.cookieChanged(change('js', { domain: 'never-requested.test' }));
    rec.cookieChanged(change('gone', { domain: 'never-requested.test' }, true, 'expired'));
    await rec.flush();
    expect((await disk.query()).changes.map((c) => [c.name, c.source])).toEqual([
      ['js', 'script'],
      ['gone', 'unknown'],
    ]);
  });
});
