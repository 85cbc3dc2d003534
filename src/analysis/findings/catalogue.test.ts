import { describe, expect, test } from 'vitest';
import { FINDING_IDS, SEVERITIES } from '../../model/finding';
import { CATALOGUE, catalogueEntry, formatMessage } from './catalogue';

describe('catalogue', () => {
  test('has exactly one entry per finding ID', () => {
    expect(Object.keys(CATALOGUE).sort()).toEqual([...FINDING_IDS].sort());
  });

  test.each(FINDING_IDS.map((id) => [id]))('%s is complete', (id) => {
    const e = catalogueEntry(id);
    expect(e.id).toBe(id);
    expect(SEVERITIES).toContain(e.severity);
    expect(e.title).not.toBe('');
    expect(e.template).toMatch(/\.$/);
    expect(e.references.length).toBeGreaterThan(0);
    for (const r of e.references) {
      expect(r.label).not.toBe('');
      expect(r.url).toMatch(/^https:\/\//);
    }
    expect(e.scopes.length).toBeGreaterThan(0);
    if (e.refines) expect(CATALOGUE[e.refines].scopes).toEqual(e.scopes);
  });

  test('session-ID findings are more severe than the generic ones they refine', () => {
    const rank = (s: string): number => SEVERITIES.indexOf(s as (typeof SEVERITIES)[number]);
    for (const e of Object.values(CATALOGUE)) {
      if (e.refines) expect(rank(e.severity)).toBeLessThan(rank(CATALOGUE[e.refines].severity));
    }
  });

  test.each([
    ['Cookie "{name}" on {domain}.', { name: 'a', domain: 'x.test' }, 'Cookie "a" on x.test.'],
    ['{n} of {limit}', { n: 3, limit: 0 }, '3 of 0'],
    ['{missing} stays', {}, '{missing} stays'],
    ['{nil} stays', { nil: null }, '{nil} stays'],
    ['{a}{a}', { a: true }, 'truetrue'],
  ])('formatMessage(%j)', (template, vars, out) => {
    expect(formatMessage(template, vars)).toBe(out);
  });
});
