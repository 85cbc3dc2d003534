import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildReport } from '../../src/report/build';
import { fixtureInput } from '../../src/report/fixtures/input';
import { toJson } from '../../src/report/json';
import type { AuditReport } from '../../src/report/index';
import { main } from './main';

const dir = mkdtempSync(join(tmpdir(), 'cookie-audit-diff-'));
const before = buildReport(fixtureInput(false));
const after = JSON.parse(toJson(before)) as AuditReport;
after.cookies[0]!.secure = !after.cookies[0]!.secure;
const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const a = file('a.json', toJson(before));
const b = file('b.json', JSON.stringify(after));

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('cookie-audit diff', () => {
  test('identical reports: exit 0', async () => {
    const r = await run(['diff', a, a]);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('cookies: 0 added, 0 removed, 0 changed');
  });

  test('a changed attribute: exit 1, for humans and as JSON', async () => {
    const c = after.cookies[0]!;
    const human = await run(['diff', a, b]);
    expect(human.code).toBe(1);
    expect(human.out).toContain(`~ ${c.name} (${c.domain}${c.path}): secure ${String(!c.secure)} → ${String(c.secure)}`);
    const json = await run(['diff', a, b, '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toMatchObject({ cookies: { changed: [{ name: c.name, changes: [{ attribute: 'secure' }] }] } });
  });

  test.each([
    [['diff', a], /two reports/],
    [['diff', a, join(dir, 'missing.json')], /cannot read the report .*missing\.json/],
    [['diff', a, file('bad.json', '{"cookies": []}')], /bad\.json is not a cookie audit report/],
    [['https://a.test/', '--baseline', file('bad2.json', 'nope')], /cannot read the report .*bad2\.json/],
  ])('%j: exit 2 with one clear line', async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});
