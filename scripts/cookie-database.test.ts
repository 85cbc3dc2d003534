import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { buildDatabase, databaseModule, descriptionsModule, parseCsv, parseDomains, setByTagOnAnySite } from './cookie-database-build';
import { CSV_PATH, DATABASE_MODULE, DESCRIPTIONS_MODULE } from './cookie-database';

describe('the generated cookie lookup', () => {
  test('is exactly what the vendored CSV gives (run `npm run data:cookies` after changing either)', () => {
    const db = buildDatabase(readFileSync(CSV_PATH, 'utf8'));
    expect(readFileSync(DATABASE_MODULE, 'utf8')).toBe(databaseModule(db));
    expect(readFileSync(DESCRIPTIONS_MODULE, 'utf8')).toBe(descriptionsModule(db));
    expect(db.skipped).toBe(0);
  });

  test('maps the database categories onto ours and leaves unknown ones out', () => {
    const csv = [
      'ID,Platform,Category,Cookie / Data Key name,Domain,Description,Retention period,Data Controller,User Privacy & GDPR Rights Portals,Wildcard match',
      '1,P,Functional,a,,d,,,https://p.example/privacy,0',
      '2,P,Security,b,,d,,,,0',
      '3,Q,Personalization,c,,"said ""hi"", twice",,,,0',
      '4,Q,Marketing,d_,x.com (3rd party),d,,,,1',
      '5,Q,Weird,e,,d,,,,0',
    ].join('\r\n');
    const db = buildDatabase(csv);
    expect(db.entries.map((e) => [e[0], e[1], e[3], e[5]])).toEqual([
      ['a', 'n', '', 0],
      ['b', 'n', '', 0],
      ['c', 'p', '', 0],
      ['d_', 'm', 'x.com', 1],
    ]);
    expect(db.descriptions[2]).toBe('said "hi", twice');
    expect(db.references[db.entries[0]?.[4] ?? 0]).toBe('https://p.example/privacy');
    expect(db.skipped).toBe(1);
  });

  test('a CSV without the expected columns is refused with the columns it has', () => {
    expect(() => buildDatabase('a,b\n1,2\n')).toThrow(/column "Platform" missing; found: a, b/);
  });

  test('parseCsv keeps newlines inside quotes', () => {
    expect(parseCsv('a,"b\nc"\n1,2')).toEqual([
      ['a', 'b\nc'],
      ['1', '2'],
    ]);
  });

  test.each([
    ['facebook.com (3rd party)', ['facebook.com']],
    ['.bing.com (3rd party) or .microsoft.com (3rd party)', ['bing.com', 'microsoft.com']],
    ['ads-[account].adhese.com', ['adhese.com']],
    ['.amplitude.com.', ['amplitude.com']],
    ['.commander1.com\u200b', ['commander1.com']],
    ['Inspectlet.com (3rd party)', ['inspectlet.com']],
    ['', []],
  ])('parseDomains(%j)', (field, domains) => {
    expect(parseDomains(field)).toEqual(domains);
  });
});

describe('setByTagOnAnySite: a third party tag writes the name into the embedding site', () => {
  test.each([
    ['_fbp', 'facebook.com (3rd party)', false, 1, true],
    ['__insp_uid', 'Inspectlet.com (3rd party)', false, 1, true],
    ['_fbp', 'facebook.com', false, 1, false],
    ['fr', 'facebook.com (3rd party)', false, 1, false],
    ['_u', 'bing.com (3rd party)', false, 1, false],
    ['_fbp', 'facebook.com (3rd party)', false, 2, false],
    ['_gac_', 'x.com (3rd party)', true, 1, false],
    ['__Secure-ROLLOUT_TOKEN', 'youtube.com (3rd party)', false, 1, false],
    ['_ga', '', false, 1, false],
  ])('%s, Domain %j, wildcard %s, %i entries of that name → %s', (name, domain, wildcard, entries, want) => {
    expect(setByTagOnAnySite(name, domain, wildcard, entries)).toBe(want);
  });

  test('the vendored database marks the Meta Pixel cookies and none of Facebook generic names', () => {
    const db = buildDatabase(readFileSync(CSV_PATH, 'utf8'));
    const marked = new Set(db.entries.filter((e) => e[6] === 1).map((e) => e[0]));
    expect([...marked]).toEqual(expect.arrayContaining(['_fbp', '_fbc', '_uetsid', '_uetvid']));
    for (const generic of ['fr', 'lu', 'xs', 'c_user', 'datr', 'token', 'uid', 'lang', '_u']) expect(marked.has(generic)).toBe(false);
  });
});
