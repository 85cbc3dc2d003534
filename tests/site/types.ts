/**
 * Types shared by the test/demo site, its catalogue and the tests that read them.
 * Nothing here runs; it only names things.
 */

export type Scheme = 'http' | 'https';
export type Browser = 'chromium' | 'firefox';

/**
 * Why a browser refused a Set-Cookie line. The names are Chromium's DevTools
 * `Network.SetCookieBlockedReason` values, which is what browser-check.ts reads back from Chromium.
 * Firefox reports no machine-readable reason: for Firefox the catalogue uses the Chromium name of the
 * same rule.
 */
export type ReasonCode =
  | 'SecureOnly'
  | 'SameSiteNoneInsecure'
  | 'InvalidDomain'
  | 'InvalidPrefix'
  | 'NameValuePairExceedsMaxSize'
  | 'DisallowedCharacter'
  | 'NoCookieContent'
  // Third-party contexts only (see /third-party):
  | 'UserPreferences'
  | 'SameSiteLax'
  | 'SchemefulSameSiteLax';

/** Finding ids a security reviewer (and the extension) would raise. */
export type FindingId =
  | 'missing-httponly'
  | 'missing-secure'
  | 'samesite-missing'
  | 'samesite-none-insecure'
  | 'samesite-invalid'
  | 'session-id-persistent'
  | 'session-id-script-readable'
  | 'session-id-not-secure'
  | 'session-id-default-name'
  | 'prefix-violation'
  | 'expiry-over-400-days'
  | 'oversize'
  | 'attribute-oversize'
  | 'domain-near-limit'
  | 'domain-over-limit'
  | 'loosely-scoped'
  | 'jwt-alg-none'
  | 'jwt-expired'
  | 'jwt-long-lived'
  | 'third-party'
  | 'rejected'
  | 'sent-over-http'
  | 'personal-data-in-cookie'
  | 'session-fixation'
  | 'session-not-cleared-on-logout'
  | 'session-id-in-url'
  | 'authorization-over-http'
  | 'session-restored';

/** What a cookie is for, as the extension should say (issue 16): category, source, and who or which rule. */
export interface ExpectedPurpose {
  category: 'necessary' | 'personalization' | 'analytics' | 'marketing' | 'unknown';
  source: 'open-cookie-database' | 'rule' | 'unknown';
  platform?: string;
  rule?: string;
}

/** What the browser should hold after the line, as far as the scenario cares (unset = not asserted). */
export interface StoredShape {
  name?: string;
  value?: string;
  /** Host for host-only cookies, `.domain` for domain cookies. */
  domain?: string;
  path?: string;
  secure?: boolean;
  httpOnly?: boolean;
  /** `unspecified` = no (valid) SameSite attribute; Firefox's BiDi calls it `default`. */
  sameSite?: 'unspecified' | 'lax' | 'strict' | 'none';
  /** `session`, or seconds after the response (browsers cap at 400 days = 34 560 000 s). */
  expires?: 'session' | number;
  /** Stored in a partition keyed by the top-level site (CHIPS / Firefox Total Cookie Protection). */
  partitioned?: boolean;
}

export type Outcome =
  | { result: 'stored'; cookie?: StoredShape; note?: string }
  /** Removes a cookie of the same name/domain/path if there is one (expiry in the past or Max-Age<=0). */
  | { result: 'deleted'; note?: string }
  /** Stored, then evicted by the per-host limit (180) within the same response. */
  | { result: 'evicted'; note?: string }
  | { result: 'rejected'; reason: ReasonCode; note?: string };

export interface CookieCase {
  /** Stable id, `<scenario>/<what>`, e.g. `samesite/none-insecure`. */
  id: string;
  /** Cookie name as the browser under test would key it ('' for nameless). */
  name: string;
  /** `header`: a Set-Cookie line; `script`: a string assigned to document.cookie by the page's script. */
  via: 'header' | 'script';
  /** The exact Set-Cookie value (or document.cookie string). */
  line: string;
  /** Outcome with the browser's default settings in a fresh profile. */
  browsers: Record<Browser, Outcome>;
  /** Outcomes seen under other settings, keyed `browser:setting`. */
  alsoVerified?: Record<string, Outcome>;
  /** What a reviewer would raise about this cookie as set in this context. */
  findings: FindingId[];
  /** Its purpose, for the cookies of the purpose scenarios. */
  purpose?: ExpectedPurpose;
  note?: string;
}

/** Inputs a rendering depends on; every log entry records them, so a test can re-render exactly. */
export interface RenderContext {
  scheme: Scheme;
  /** Host name the request was addressed to (no port), lower case. */
  host: string;
  /** Milliseconds since the epoch; the server's clock at the request. */
  now: number;
  /** Route-specific inputs: generated session ids, counters, query parameters. */
  vars: Record<string, string>;
}

/** Which origin a scenario is meant to be opened on. */
export type Party = 'first-party' | 'third-party' | 'subdomain';

export interface RouteSpec {
  /** Exact path (no query). */
  path: string;
  /** Content of `<meta name="scenario">`. */
  scenario: string;
  title: string;
  /** Index section. */
  group: string;
  summary: string;
  /** Link used on the index page (path + query), defaults to path. */
  example?: string;
  /** Where the scenario lives (default first-party). */
  party?: Party;
  /** Not linked from the index (sub-resources, helpers). */
  hidden?: boolean;
  /** Written byte for byte on the socket (control characters Node's http would refuse). */
  raw?: boolean;
  /** Findings about the route as a whole (e.g. per-host cookie count). */
  routeFindings?: (ctx: RenderContext) => FindingId[];
  notes?: string[];
  cookies: (ctx: RenderContext) => CookieCase[];
}

export interface SiteLogEntry {
  /** Server clock (ms) used to render this response: re-render with it to get the same lines. */
  time: number;
  method: string;
  scheme: Scheme;
  /** Path and query as requested. */
  url: string;
  /** Host header as received (with port). */
  host: string;
  /** Names in the Cookie header, in order. */
  cookieNames: string[];
  /** The raw Cookie header (tests only; never printed). */
  cookieHeader: string | null;
  status: number;
  /** Every Set-Cookie line sent, in order, exactly as written. */
  setCookie: string[];
  /** Catalogue path rendered for this response, if any. */
  route?: string;
  /** RenderContext.vars used for this response. */
  vars?: Record<string, string>;
}
