/**
 * Golden files: every renderer on the fixed fixture, with and without values. The files under
 * __snapshots__/ are reviewed by eye; update them with `vitest -u` only after reading the diff.
 */
import { describe, expect, test } from 'vitest';
import { buildReport } from './build';
import { toCsv } from './csv';
import { FIXTURE_SECRETS, fixtureInput } from './fixtures/input';
import { toHtml } from './html';
import { toJson } from './json';
import { toMarkdown } from './markdown';
import { toNetscape } from './netscape';
import { toSarif } from './sarif';
import { validateReport, validateSarif } from './validate';

const redacted = buildReport(fixtureInput(false));
const withValues = buildReport(fixtureInput(true));

const RENDERERS = [
  ['json', toJson, 'json'],
  ['html', toHtml, 'html'],
  ['csv', toCsv, 'csv'],
  ['sarif', toSarif, 'sarif.json'],
  ['md', toMarkdown, 'md'],
] as const;

describe.each([
  ['redacted', redacted],
  ['with-values', withValues],
])('%s report', (label, report) => {
  test.each(RENDERERS)('%s matches its golden file', async (_name, render, ext) => {
    await expect(render(report)).toMatchFileSnapshot(`__snapshots__/${label}.${ext}`);
  });

  test('validates against report.schema.json, also after a JSON round trip', () => {
    const parsed: unknown = JSON.parse(toJson(report));
    const v = validateReport(parsed);
    expect(v.errors).toEqual([]);
    expect(parsed).toEqual(report);
  });

  test('SARIF validates against the SARIF 2.1.0 subset, one result per finding', () => {
    const sarif = JSON.parse(toSarif(report)) as {
      runs: Array<{ results: unknown[]; tool: { driver: { rules: Array<{ id: string; helpUri: string }> } } }>;
    };
    expect(validateSarif(sarif).errors).toEqual([]);
    expect(sarif.runs[0]!.results).toHaveLength(report.findings.length);
    expect(sarif.runs[0]!.tool.driver.rules.every((r) => r.helpUri.startsWith('https://'))).toBe(true);
  });

  test('HTML: every table is named by a caption (screen readers list tables by it)', () => {
    const html = toHtml(report);
    const tables = html.match(/<table[^>]*>(<caption[^>]*>[^<]+<\/caption>)?/g) ?? [];
    expect(tables.length).toBeGreaterThan(5);
    expect(tables.filter((t) => !t.includes('<caption'))).toEqual([]);
  });

  test.each(RENDERERS)('%s says on its first line whether values are included', (_name, render) => {
    const first = render(report).split(/\r?\n/, 1)[0]!;
    const says = /valuesIncluded": true|values INCLUDED/.test(first)
      ? true
      : /valuesIncluded": false|values not included/.test(first)
        ? false
        : undefined;
    expect(says).toBe(report.valuesIncluded);
  });
});

describe('redaction', () => {
  test.each(RENDERERS)('%s without values contains none of the cookie values', (_name, render) => {
    const out = render(redacted);
    for (const secret of FIXTURE_SECRETS) expect(out, secret).not.toContain(secret);
  });

  test('values appear only when included', () => {
    expect(redacted.cookies.every((c) => c.value === undefined)).toBe(true);
    expect(withValues.cookies.every((c) => typeof c.value === 'string')).toBe(true);
    expect(redacted.rejected.map((r) => r.line)).toEqual([
      'ss_none_insecure=[redacted]; Path=/; HttpOnly; SameSite=None',
      '__Host-bad-path=[redacted]; Secure; Path=/x',
    ]);
  });

  test('Netscape export refuses a report without values', () => {
    expect(() => toNetscape(redacted)).toThrow(/values/);
  });

  test('digests do not depend on whether values are included', () => {
    expect(redacted.cookies.map((c) => c.valueDigest)).toEqual(withValues.cookies.map((c) => c.valueDigest));
  });
});

describe('the same input renders the same output', () => {
  test.each(RENDERERS)('%s', (_name, render) => {
    const again = buildReport({ ...fixtureInput(false), cookies: [...fixtureInput(false).cookies].reverse() });
    expect(render(again)).toBe(render(redacted));
  });
});

test('Netscape golden file', async () => {
  await expect(toNetscape(withValues)).toMatchFileSnapshot('__snapshots__/with-values.cookies.txt');
});
