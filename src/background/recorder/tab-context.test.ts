import { expect, test } from 'vitest';
import type { RequestDetailsLike } from './headers';
import { TabContext } from './tab-context';

const req = (url: string, over: Partial<RequestDetailsLike> = {}): RequestDetailsLike => ({
  requestId: '1',
  url,
  method: 'GET',
  type: 'xmlhttprequest',
  tabId: 3,
  frameId: 0,
  ...over,
});

test('sites whose headers were looked at are known by registrable domain, whatever the host', () => {
  const tabs = new TabContext(async () => ({}));
  tabs.noteHeaderSite('https://www.shop.example.co.uk/a');
  tabs.noteHeaderSite('https://www.shop.example.co.uk/b');
  expect(tabs.headersSeenFor('example.co.uk')).toBe(true);
  expect(tabs.headersSeenFor('other.test')).toBe(false);
  tabs.noteHeaderSite('not a url');
  expect(tabs.headersSeenFor('')).toBe(false);
});

test("a tab's top-level URL comes from its main-frame request; its incognito flag is looked up once", async () => {
  let lookups = 0;
  const tabs = new TabContext(async () => {
    lookups++;
    return { url: 'https://a.test/', incognito: false };
  });
  expect(tabs.noteTopLevel(req('https://a.test/', { type: 'main_frame' }))).toBe('https://a.test/');
  const sub = req('https://cdn.test/x.js');
  const known = tabs.noteTopLevel(sub);
  expect(known).toBe('https://a.test/');
  expect(await tabs.info(sub, known)).toEqual({ url: 'https://a.test/', incognito: false });
  expect(tabs.info(sub, known)).toEqual({ incognito: false });
  expect(lookups).toBe(1);
  expect(tabs.info(req('https://a.test/', { tabId: -1 }), undefined)).toEqual({});
});
