import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { makeFinding } from '../../analysis/findings/build';
import type { CookieSubject, Finding } from '../../model/finding';
import { findingText } from './finding-text';
import { formatDuration, localVar } from './finding-vars';

function messages(lang: string): (key: string) => string {
  const json = JSON.parse(readFileSync(resolve(import.meta.dirname, `../../../assets/_locales/${lang}/messages.json`), 'utf8')) as Record<
    string,
    { message: string }
  >;
  return (key) => json[key]?.message ?? key;
}
const ko = messages('ko');
const en = messages('en');
const subject: CookieSubject = { kind: 'cookie', name: 'profile', domain: 'shop.example', path: '/', storeId: '0', key: 'k' };
const HANGUL_OR_SYMBOLS = /^[^A-Za-z]*$/;

describe('personal-data-in-cookie in Korean', () => {
  test.each([
    { dataKind: 'email', location: 'jwt-claim', field: 'email', what: '이메일 주소', where: 'JWT 클레임 "email"' },
    { dataKind: 'phone', location: 'value', field: undefined, what: '전화번호', where: '값' },
    { dataKind: 'name', location: 'json-field', field: 'full_name', what: '사람 이름', where: 'JSON 필드 "full_name"' },
    { dataKind: 'address', location: 'base64-json-field', field: 'addr', what: '우편 주소', where: 'base64로 인코딩된 JSON 필드 "addr"' },
    { dataKind: 'birthdate', location: 'base64-value', field: undefined, what: '생년월일', where: 'base64로 디코딩한 값' },
  ])('$dataKind in $location', ({ dataKind, location, field, what, where }) => {
    const f = makeFinding('personal-data-in-cookie', subject, { what: 'English', where: 'English', dataKind, location, field });
    const text = findingText(f, ko);
    expect(text).toContain(`(${what})`);
    expect(text).toContain(`${where}에`);
    expect(text).not.toContain('English');
  });

  test('every kind and location the analysis emits has en and ko words', () => {
    for (const t of [en, ko]) {
      for (const kind of ['email', 'phone', 'name', 'address', 'birthdate']) {
        expect(localVar('what', { dataKind: kind }, t, 'ko')).toBeDefined();
      }
      for (const loc of ['value', 'jwt-claim', 'json-field', 'base64-json-field', 'base64-value']) {
        expect(localVar('where', { location: loc, field: 'x' }, t, 'ko')).toBeDefined();
      }
    }
  });

  test('the English UI words it as the analysis does', () => {
    const f = makeFinding('personal-data-in-cookie', subject, {
      what: 'an e-mail address',
      where: 'the JWT claim "email"',
      dataKind: 'email',
      location: 'jwt-claim',
      field: 'email',
    });
    expect(findingText(f, en)).toBe(f.message);
  });
});

describe('numbers, durations and times follow the locale', () => {
  test.each([
    { ms: 30 * 86_400_000, locale: 'en', want: '30 days' },
    { ms: 30 * 86_400_000, locale: 'ko', want: '30일' },
    { ms: 5 * 3_600_000, locale: 'ko', want: '5시간' },
    { ms: 90 * 60_000, locale: 'en', want: '90 minutes' },
  ])('$ms ms in $locale', ({ ms, locale, want }) => {
    expect(formatDuration(ms, locale)).toBe(want);
  });

  test('jwt-long-lived: a lifetime in Korean, and the no-exp case', () => {
    const long = makeFinding('jwt-long-lived', subject, { lifetime: '30 days', lifetimeMs: 30 * 86_400_000 });
    expect(findingText(long, ko)).toContain('30일 동안');
    const never = makeFinding('jwt-long-lived', subject, { lifetime: 'ever (no exp claim)', noExp: true }, 'medium');
    expect(findingText(never, ko)).toContain('무기한(exp 클레임 없음)');
    expect(findingText(never, en)).toBe(never.message);
  });

  test('times are formatted for the locale, not shown as ISO strings', () => {
    const f = makeFinding('jwt-expired', subject, { expiresAt: '2026-03-04T05:06:07.000Z' });
    const text = findingText(f, ko, 'UTC');
    expect(text).not.toContain('2026-03-04T');
    expect(text).toContain('2026. 3. 4.');
    expect(findingText(f, en, 'UTC')).toContain('Mar 4, 2026');
  });

  test('a detail that is not an ISO time is shown as it is', () => {
    expect(localVar('at', { at: 'soon' }, ko, 'ko')).toBeUndefined();
  });

  test('domain limits: unit words and grouped numbers', () => {
    const f: Finding = makeFinding(
      'domain-over-limit',
      { kind: 'domain', domain: 'example.com', storeId: '0', partition: null },
      { used: 5000, limit: 4096, unit: 'bytes', profile: 'RFC 2109' },
    );
    expect(findingText(f, ko)).toBe(
      'example.com은(는) 5,000 바이트을(를) 사용해 도메인당 허용치 4,096을(를) 넘었습니다(RFC 2109). 브라우저가 공간을 만들기 위해 쿠키를 제거합니다.',
    );
  });
});

describe('codes the analysis keeps instead of English', () => {
  test('prefix problems are listed in Korean', () => {
    const f = makeFinding('prefix-violation', subject, {
      prefix: '__Host-',
      problem: 'no Secure attribute, Path "/a" instead of "/"',
      problems: 'no-secure,path',
      badPath: '/a',
    });
    const text = findingText(f, ko);
    expect(text).toContain('Secure 속성 없음');
    expect(text).toContain('Path가 "/"가 아닌 "/a"');
    expect(text).not.toContain('instead of');
  });

  test('a login marked by hand is worded in Korean', () => {
    const f = makeFinding('session-fixation', subject, { session: 's', momentUrl: 'the moment marked by hand', manual: true });
    expect(findingText(f, ko)).toContain('수동으로 표시한 시점');
  });

  test('the Korean phrases themselves carry no English words but the technical ones', () => {
    for (const key of ['ui_pd_kind_email', 'ui_pd_kind_phone', 'ui_unit_cookies', 'ui_moment_manual']) {
      expect(ko(key)).toMatch(HANGUL_OR_SYMBOLS);
    }
  });
});

describe('session labels', () => {
  test('"<name> on <where>" is worded by the locale', () => {
    const f = makeFinding('session-fixation', subject, {
      session: 'JSESSIONID on shop.example/',
      sessionName: 'JSESSIONID',
      sessionWhere: 'shop.example/',
      momentUrl: 'https://shop.example/login',
    });
    expect(findingText(f, ko)).toContain('세션 "shop.example/의 JSESSIONID"');
    expect(findingText(f, en)).toBe(f.message);
  });
});
