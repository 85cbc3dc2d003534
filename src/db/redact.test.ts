import { expect, test } from 'vitest';
import { splitSetCookiePair } from '../analysis/set-cookie-parse';
import { redactChange, redactObservation, redactSetCookieLine } from './redact';

test.each([
  ['sid=abc; Path=/; HttpOnly', 'sid=; Path=/; HttpOnly', 'sid', 'abc'],
  ['sid=a=b=c', 'sid=', 'sid', 'a=b=c'],
  [' sid = abc ;Secure', ' sid =;Secure', 'sid', 'abc'],
  ['justavalue; Path=/', '; Path=/', '', 'justavalue'],
  ['sid=', 'sid=', 'sid', ''],
  ['', '', '', ''],
])('%j → %j', (line, redacted, name, value) => {
  expect(redactSetCookieLine(line)).toBe(redacted);
  expect(redactSetCookieLine(redacted)).toBe(redacted);
  expect(splitSetCookiePair(line)).toMatchObject({ name, value });
});

test('records lose their values and keep everything else', () => {
  expect(redactChange({ value: 'v', name: 'n' })).toEqual({ name: 'n' });
  const setCookies = [{ line: 'a=1', name: 'a', valueLength: 1, valueDigest: 'd', outcome: 'pending' as const }];
  expect(redactObservation({ setCookies }).setCookies?.[0]).toEqual({ ...setCookies[0], line: 'a=' });
});
