/**
 * Finding types. IDs are stable once shipped: reports, SARIF rule ids and UI translations key on
 * them. The catalogue itself (severity, message template, references) lives in
 * src/analysis/findings/catalogue.ts.
 */

export const SEVERITIES = ['high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const FINDING_IDS = [
  'missing-httponly',
  'missing-secure',
  'samesite-missing',
  'samesite-none-insecure',
  'samesite-invalid',
  'session-id-persistent',
  'session-id-script-readable',
  'session-id-not-secure',
  'session-id-default-name',
  'sent-over-http',
  'prefix-violation',
  'expiry-over-400-days',
  'oversize',
  'attribute-oversize',
  'domain-near-limit',
  'domain-over-limit',
  'loosely-scoped',
  'jwt-alg-none',
  'jwt-expired',
  'jwt-long-lived',
  'third-party',
  'rejected',
  'personal-data-in-cookie',
  'session-fixation',
  'session-not-cleared-on-logout',
  'session-id-in-url',
  'authorization-over-http',
  'session-restored',
  'tracking-before-consent',
] as const;
export type FindingId = (typeof FINDING_IDS)[number];

export interface Reference {
  /** Short human label: "ZAP 10010", "RFC 6265bis §4.1.3", "OWASP Session Management". */
  label: string;
  url: string;
}

/** What a finding can be about. */
export type FindingScope = 'cookie' | 'header' | 'domain';

export interface CatalogueEntry {
  id: FindingId;
  /** Default severity; the documented exceptions are in docs/ANALYSIS.md (severity policy). */
  severity: Severity;
  title: string;
  /**
   * English one-liner with `{placeholders}` filled from the subject and the finding's details.
   * The UI may localise by `id` and reuse the same placeholders.
   */
  template: string;
  references: readonly Reference[];
  scopes: readonly FindingScope[];
  /** A session-ID finding replaces the generic one it refines, so a cookie is not reported twice. */
  refines?: FindingId;
}

export interface CookieSubject {
  kind: 'cookie';
  name: string;
  domain: string;
  path: string;
  storeId: string;
  key: string;
}

export interface HeaderSubject {
  kind: 'header';
  url: string;
  /** Cookie name the header line is about, when there is one. */
  name?: string;
  /** Index of the Set-Cookie line within its response. */
  line?: number;
}

export interface DomainSubject {
  kind: 'domain';
  /** Registrable domain (eTLD+1), or the host for IPs and single-label hosts. */
  domain: string;
  storeId: string;
  /** Partition's top-level site, null for unpartitioned cookies. */
  partition: string | null;
}

export type FindingSubject = CookieSubject | HeaderSubject | DomainSubject;

export type DetailValue = string | number | boolean | null;

export interface Finding {
  id: FindingId;
  severity: Severity;
  subject: FindingSubject;
  /** The catalogue template filled in (English). */
  message: string;
  /** Primary reference; the catalogue lists all of them. */
  reference: Reference;
  /** Values the message was built from, plus anything a report wants to show. */
  details?: Record<string, DetailValue>;
}
