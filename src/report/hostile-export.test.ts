import { describe, expect, test } from 'vitest';
import { cookieKey, type CookieInfo } from '../model/cookie';
import { buildReport } from './build';
import { valueDigest } from './digest';
import { csvCell } from './escape';
import { fixtureInput } from './fixtures/input';
import { toHtml } from './html';
import { toJson } from './json';
import { toMarkdown } from './markdown';
import type { ReportInput } from './types';

/** What a spreadsheet does with one line: split on `delimiter`, honouring RFC 4180 quotes. */
function spreadsheetFields(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"' && cur === '') quoted = true;
    else if (ch === delimiter) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

const FORMULA = /^[\s\u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]/;

describe('CSV cells never start a formula, whatever delimiter the spreadsheet splits on', () => {
  const hostile = ["a;=cmd|' /C calc'!A0", 'a\t=1+1', 'a,@SUM(1)', 'a|+1', ' =1+1', '\u00a0=HYPERLINK("http://x")', '\uff1d1+1', '-2+3'];
  test.each([',', ';', '\t', '|'])('delimiter %j', (delimiter) => {
    for (const value of hostile) {
      for (const field of spreadsheetFields(csvCell(value), delimiter)) expect(field, `${value} → ${field}`).not.toMatch(FORMULA);
    }
  });
});

// eslint-disable-next-line no-control-regex -- finding control characters is the test
const ESC_AND_BIDI = /[\u001b\u009b\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/;

function hostileInput(): ReportInput {
  const input = fixtureInput(false, false);
  const base = { hostOnly: true, path: '/', storeId: '0', partition: null, firstPartyDomain: '' };
  const evil: CookieInfo = {
    ...base,
    name: 'x\u001b[2J\u001b]8;;javascript:alert(1)\u0007\u202egnp.exe',
    value: 'v',
    domain: 'shop.example',
    secure: true,
    httpOnly: true,
    sameSite: 'lax',
    expires: null,
    source: 'api',
    key: cookieKey({ ...base, name: 'x', domain: 'shop.example' }),
  };
  return { ...input, cookies: [...input.cookies, evil] };
}

describe('control characters', () => {
  test('Markdown (also the terminal output) carries no ESC or bidi override', () => {
    expect(toMarkdown(buildReport(hostileInput()))).not.toMatch(ESC_AND_BIDI);
  });
  test('HTML carries no bidi override', () => {
    expect(toHtml(buildReport(hostileInput()))).not.toMatch(ESC_AND_BIDI);
  });
});

test('Markdown links only http(s) targets and makes no autolink of other schemes', () => {
  const report = buildReport(fixtureInput(false, false));
  const f = report.findings[0]!;
  report.findings = [{ ...f, reference: { ...f.reference, url: 'javascript:alert(1)' } }];
  const md = toMarkdown(report);
  expect(md).not.toMatch(/\]\(\s*<?\s*javascript:/i);
  expect(md).not.toMatch(/<javascript:/i);
});

test('the redacted JSON keeps only the JWT header fields the findings are about', () => {
  const header = btoa(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: 'internal-key-7', jku: 'https://keys.example/x' }))
    .replace(/=+$/, '')
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
  const payload = btoa(JSON.stringify({ sub: 'bob', exp: 1_900_000_000 })).replace(/=+$/, '');
  const input = fixtureInput(false, false);
  const jwt = { ...input.cookies[0]!, name: 'tok', value: `${header}.${payload}.c2ln` };
  jwt.key = cookieKey(jwt);
  const json = toJson(buildReport({ ...input, cookies: [jwt] }));
  expect(json).toContain('HS256');
  expect(json).not.toContain('internal-key-7');
  expect(json).not.toContain('keys.example');
});

test('a report built without a digest key does not use a known (empty) one', () => {
  const input = fixtureInput(false, false);
  const { digestKey: _k, ...context } = input.context;
  const report = buildReport({ ...input, context });
  const c = report.cookies.find((x) => x.name === 'JSESSIONID')!;
  const value = input.cookies.find((x) => x.name === 'JSESSIONID')!.value;
  expect(c.valueDigest).not.toBe(valueDigest(value, ''));
});
