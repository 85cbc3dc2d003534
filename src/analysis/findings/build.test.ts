import fc from 'fast-check';
import { expect, test } from 'vitest';
import { FINDING_IDS, SEVERITIES, type Finding, type FindingSubject } from '../../model/finding';
import { severityRank, sortAndDedupe, subjectKey } from './build';

/** The order sortAndDedupe promises, written the plain way: a comparator, then the first of each (ID, subject). */
function reference(findings: readonly Finding[]): Finding[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const sorted = [...findings].sort(
    (a, b) =>
      severityRank(a.severity) - severityRank(b.severity) ||
      cmp(a.id, b.id) ||
      cmp(subjectKey(a.subject), subjectKey(b.subject)) ||
      cmp(a.message, b.message) ||
      cmp(JSON.stringify(a.details ?? null), JSON.stringify(b.details ?? null)),
  );
  const seen = new Set<string>();
  return sorted.filter((f) => {
    const k = `${f.id}\u0001${subjectKey(f.subject)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

// A cookie subject's key is its identity (name, domain, path, store): two subjects with the same
// key are the same cookie, so the keys here come with their fields.
const cookieSubjects = ['k1', 'k2', 'k10', 'K1', '\u{1F36A}'].map((key, i) => ({
  kind: 'cookie' as const,
  name: ['a', 'b', 'é'][i % 3]!,
  domain: i % 2 ? 'y.test' : 'x.test',
  path: '/',
  storeId: '0',
  key,
}));

const subject: fc.Arbitrary<FindingSubject> = fc.oneof(
  fc.constantFrom(...cookieSubjects),
  fc.record({
    kind: fc.constant('domain' as const),
    domain: fc.constantFrom('x.test', 'y.test'),
    storeId: fc.constantFrom('0', '1'),
    partition: fc.constantFrom(null, 'https://p.test'),
  }),
  fc.record({
    kind: fc.constant('header' as const),
    url: fc.constantFrom('https://x.test/', 'https://y.test/a'),
    name: fc.constantFrom('a', undefined),
    line: fc.constantFrom(0, 2, 10),
  }),
) as fc.Arbitrary<FindingSubject>;

const finding: fc.Arbitrary<Finding> = fc
  .record({
    id: fc.constantFrom(...FINDING_IDS.slice(0, 6)),
    severity: fc.constantFrom(...SEVERITIES),
    subject,
    message: fc.constantFrom('m', 'n', 'M', ''),
    details: fc.option(fc.record({ used: fc.nat(3) }), { nil: undefined }),
  })
  .map((f) => ({ ...f, reference: { title: 'RFC 6265', url: 'https://www.rfc-editor.org/rfc/rfc6265' } }) as unknown as Finding);

test('sortAndDedupe: the same list as a comparator sort and a first-of-each filter, whatever the input order', () => {
  fc.assert(
    fc.property(fc.array(finding, { maxLength: 40 }), (findings) => {
      expect(sortAndDedupe(findings)).toEqual(reference(findings));
      expect(sortAndDedupe([...findings].reverse())).toEqual(reference(findings));
    }),
    { numRuns: 300 },
  );
});
