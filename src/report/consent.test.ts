import { describe, expect, test } from 'vitest';
import { buildReport } from './build';
import { reportConsent, withConsent } from './consent';
import { fixtureInput } from './fixtures/input';
import { toHtml } from './html';
import { validateReport } from './validate';

const ga = { name: '_ga', domain: 'shop.example', path: '/' };
const sid = { name: 'sid', domain: 'shop.example', path: '/' };
const purposeOf = (c: { name: string }) => (c.name === '_ga' ? ('analytics' as const) : ('necessary' as const));

describe('reportConsent', () => {
  test('without --accept-consent: only the first phase, and its findings', () => {
    expect(reportConsent({ beforeInteraction: [ga, sid], purposeOf })).toEqual({
      consentAccepted: false,
      beforeInteraction: [ga, sid],
      clicks: [],
      setAfterConsent: [],
      findings: [expect.objectContaining({ id: 'tracking-before-consent', severity: 'low', cookie: ga, purpose: 'analytics' })],
    });
  });

  test('with it: the banners and only the cookies new after consent; fields beyond name, domain and path are dropped', () => {
    const withValue = { ...sid, value: 's3cr3t' } as typeof sid;
    const c = reportConsent({
      beforeInteraction: [withValue],
      accepted: { clicks: [{ url: 'https://shop.example/', by: null }], after: [withValue, ga] },
      purposeOf,
    });
    expect(c).toMatchObject({ consentAccepted: true, clicks: [{ url: 'https://shop.example/', acceptedBy: null }], setAfterConsent: [ga] });
    expect(c.findings).toEqual([]);
    expect(JSON.stringify(c)).not.toContain('s3cr3t');
  });
});

describe('the consent section in the report', () => {
  const plain = buildReport({ ...fixtureInput(false), consent: undefined });

  test('absent without phases: a report as before, no section', () => {
    expect(plain.consent).toBeUndefined();
    expect(toHtml(plain)).not.toContain('id="consent"');
  });

  test('the page report plus the phases equals the report built with them, and validates', () => {
    const input = { beforeInteraction: [ga], purposeOf };
    const added = withConsent(plain, input);
    expect(added).toEqual(buildReport({ ...fixtureInput(false), consent: input }));
    expect(validateReport(added).errors).toEqual([]);
    expect(toHtml(added)).toContain('<section id="consent">');
  });
});
