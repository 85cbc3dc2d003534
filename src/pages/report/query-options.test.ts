import { describe, expect, test } from 'vitest';
import { optionsFromQuery } from './query-options';

const defaults = { includeValues: false, includeHistory: false, profile: 'chromium' } as const;

describe('optionsFromQuery', () => {
  test.each([
    ['', defaults],
    ['?tabId=3&values=1', { ...defaults, includeValues: true }],
    ['?history=1&profile=rfc2109', { ...defaults, includeHistory: true, profile: 'rfc2109' }],
    ['?values=yes&profile=bogus', defaults],
    ['?profile=__proto__', defaults],
  ])('%s', (search, want) => {
    expect(optionsFromQuery(search, defaults)).toEqual(want);
  });
});
