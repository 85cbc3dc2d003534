import { describe, expect, test } from 'vitest';
import type { Finding } from '../../model/finding';
import { findingKey, findingText } from './finding-text';

const cookieFinding: Finding = {
  id: 'missing-httponly',
  severity: 'low',
  subject: { kind: 'cookie', name: 'sid', domain: 'example.com', path: '/', storeId: '0', key: 'k' },
  message: 'Cookie "sid" can be read by page scripts: it has no HttpOnly attribute.',
  reference: { label: 'ZAP', url: 'https://www.zaproxy.org/docs/alerts/10010/' },
};
const domainFinding: Finding = {
  id: 'domain-over-limit',
  severity: 'medium',
  subject: { kind: 'domain', domain: 'example.com', storeId: '0', partition: null },
  message: 'English',
  reference: { label: 'x', url: 'https://example.com' },
  details: { used: 25, limit: 20, unit: 'cookies', profile: 'RFC 2109' },
};

const ko: Record<string, string> = {
  ui_finding_missing_httponly: '쿠키 "{name}"은(는) 스크립트가 읽을 수 있습니다.',
  ui_finding_domain_over_limit: '{domain}: {used}/{limit} {unit} ({profile})',
  ui_finding_jwt_expired: '{nope}',
};
const translate = (k: string): string => ko[k] ?? k;

describe('findingText', () => {
  test.each([
    { f: cookieFinding, want: '쿠키 "sid"은(는) 스크립트가 읽을 수 있습니다.' },
    { f: domainFinding, want: 'example.com: 25/20 cookies (RFC 2109)' },
    { f: { ...cookieFinding, id: 'jwt-expired' } as Finding, want: cookieFinding.message },
    { f: { ...cookieFinding, id: 'oversize' } as Finding, want: cookieFinding.message },
  ])('$f.id', ({ f, want }) => {
    expect(findingText(f, translate)).toBe(want);
  });

  test('keys are valid message names', () => {
    expect(findingKey('session-id-not-secure')).toBe('ui_finding_session_id_not_secure');
  });
});
