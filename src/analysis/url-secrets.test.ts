import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { digester } from './digest';
import { readableUrl, redactUrl, urlParams, type Describe } from './url-secrets';

const digest = digester(new Uint8Array(32).fill(7));
const describeValue: Describe = (v) => ({ valueLength: new TextEncoder().encode(v).length, valueDigest: digest(v) });

describe('redactUrl', () => {
  test('replaces query values, path parameters and the fragment; keeps names and the rest', () => {
    const out = redactUrl('https://a.test/app;jsessionid=ABCDEF0123/page?code=s3cret&next=%2Fhome&flag#tok', describeValue);
    expect(out).toBe(
      `https://a.test/app;jsessionid={10:${digest('ABCDEF0123')}}/page?code={6:${digest('s3cret')}}&next={5:${digest('/home')}}&flag#{3:${digest('tok')}}`,
    );
  });

  test.each(['https://a.test/', 'https://a.test/path/only', 'https://user;x@a.test/', 'https://a.test/?empty=', 'not a url'])(
    '%s keeps what holds no value',
    (url) => {
      expect(redactUrl(url, describeValue)).toBe(url);
    },
  );

  test('is idempotent', () => {
    const once = redactUrl('https://a.test/x;sid=1?a=2#3', describeValue);
    expect(redactUrl(once, describeValue)).toBe(once);
  });

  test('a secret value never survives (property)', () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9]{12,40}$/);
    const name = fc.stringMatching(/^[a-z]{1,8}$/);
    fc.assert(
      fc.property(secret, name, fc.constantFrom('query', 'path', 'fragment'), (s, n, where) => {
        const url =
          where === 'query' ? `https://a.test/p?${n}=${s}` : where === 'path' ? `https://a.test/p;${n}=${s}/q` : `https://a.test/p#${s}`;
        const out = redactUrl(url, describeValue);
        return !out.includes(s) && (where === 'fragment' || out.includes(n));
      }),
    );
  });
});

describe('urlParams', () => {
  test('lists redacted and plain parameters by name', () => {
    const url = redactUrl('https://a.test/app;jsessionid=ABC/x?code=1', describeValue);
    expect(urlParams(url)).toEqual([
      { where: 'path', name: 'jsessionid', valueLength: 3, valueDigest: digest('ABC') },
      { where: 'query', name: 'code', valueLength: 1, valueDigest: digest('1') },
    ]);
    expect(urlParams('https://a.test/?PHPSESSID=abc&x')).toEqual([{ where: 'query', name: 'PHPSESSID', value: 'abc' }]);
  });
});

test('readableUrl shows parameter names and hides digested values', () => {
  expect(readableUrl('https://a.test/p;jsessionid={32:0123abcd}?user={5:ab12}&x=&next=%2F#{7:ff}')).toBe(
    'https://a.test/p;jsessionid=…?user=…&x=&next=%2F#…',
  );
  expect(readableUrl('https://a.test/{not}')).toBe('https://a.test/{not}');
});
