import { describe, expect, test } from 'vitest';
import { buildReport } from './build';
import { diffReports, isEmptyDiff, newOrWorse } from './diff';
import { fixtureInput } from './fixtures/input';
import type { AuditReport, ReportFinding } from './types';

const base = buildReport(fixtureInput(false));
const clone = (r: AuditReport): AuditReport => JSON.parse(JSON.stringify(r)) as AuditReport;

describe('diffReports', () => {
  test('a report against itself, or a rerun on another port and store, has no difference', () => {
    expect(isEmptyDiff(diffReports(base, base))).toBe(true);
    const rerun = clone(base);
    for (const c of rerun.cookies) c.storeId = 'firefox-default';
    for (const f of rerun.findings) if (f.kind === 'header') f.header.url = f.header.url.replace(/^(https?:\/\/[^/:]+)(:\d+)?/, '$1:9');
    expect(isEmptyDiff(diffReports(base, rerun))).toBe(true);
  });

  test('added, removed and changed cookies', () => {
    const after = clone(base);
    const [first, second] = after.cookies;
    after.cookies = after.cookies.filter((c) => c !== second);
    first!.httpOnly = !first!.httpOnly;
    after.cookies.push({ ...first!, name: 'brand-new', httpOnly: true });
    const d = diffReports(base, after);
    expect(d.cookies.added.map((c) => c.name)).toEqual(['brand-new']);
    expect(d.cookies.removed.map((c) => c.name)).toEqual([second!.name]);
    expect(d.cookies.changed).toEqual([
      {
        name: first!.name,
        domain: first!.domain,
        path: first!.path,
        changes: [{ attribute: 'httpOnly', from: !first!.httpOnly, to: first!.httpOnly }],
      },
    ]);
  });

  test('new, gone and worse findings; only new and worse count against a baseline', () => {
    const after = clone(base);
    const gone = after.findings.shift()!;
    const worse = after.findings.find((f) => f.severity !== 'high')!;
    worse.severity = 'high';
    const added: ReportFinding = {
      ...gone,
      id: 'missing-secure',
      kind: 'cookie',
      cookie: { name: 'x', domain: 'new.test', path: '/' },
    } as ReportFinding;
    after.findings.push(added);
    const d = diffReports(base, after);
    expect(d.findings.removed).toEqual([gone]);
    expect(d.findings.added).toEqual([added]);
    expect(d.findings.worse.map((w) => [w.from.severity, w.to.severity])).toEqual([
      [base.findings.find((f) => f.id === worse.id && f.message === worse.message)!.severity, 'high'],
    ]);
    expect(newOrWorse(d)).toEqual([added, worse]);
  });
});
