/**
 * The findings catalogue: stable ID → default severity, English template, references.
 * Templates use `{placeholders}` filled from the subject and the finding's details, so a UI can
 * translate by ID and reuse them.
 *
 * Severity policy (default per ID; the only exceptions are listed here and applied by the rules):
 * - high: the cookie hands over a session or lets one be forged — a session ID readable by scripts
 *   or not Secure, an unsigned (`alg: none`) JWT, a session ID actually seen crossing plain HTTP.
 * - medium: a defence is missing or the browser silently drops/changes what the site asked for —
 *   persistent session IDs, None without Secure, prefix violations, oversize cookies, rejected
 *   Set-Cookie lines, a domain over its cookie limit, any cookie seen crossing plain HTTP.
 * - low: hardening an ordinary cookie (ZAP rates 10010/10011/10054 Low), fingerprintable session
 *   names, ignored attributes, long-lived or expired JWTs, a domain nearing its limit.
 * - info: context, not a defect — third-party, Domain-scoped (ZAP 90033 is informational), the
 *   400-day clamp.
 * Exceptions: transport findings (missing-secure, session-id-not-secure, sent-over-http) on
 * loopback hosts are info — the traffic never leaves the machine, but a reviewer still sees it;
 * loosely-scoped is low for a session ID (every subdomain receives the session); jwt-long-lived is
 * medium when the token has no `exp` at all; personal-data-in-cookie is low when the cookie is both
 * HttpOnly and Secure (scripts and plain HTTP cannot reach it).
 */
import type { CatalogueEntry, DetailValue, FindingId, Reference } from '../../model/finding';

const OWASP_SESSION = 'https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html';
const RFC6265BIS = 'https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis';

const ref = (label: string, url: string): Reference => ({ label, url });
const zap = (id: number, title: string): Reference => ref(`ZAP ${id} ${title}`, `https://www.zaproxy.org/docs/alerts/${id}/`);
const owasp = (anchor: string, title: string): Reference => ref(`OWASP Session Management: ${title}`, `${OWASP_SESSION}#${anchor}`);
const bis = (section: string, title: string): Reference => ref(`RFC 6265bis §${section} ${title}`, `${RFC6265BIS}#section-${section}`);

const OWASP_HTTPONLY = owasp('httponly-attribute', 'HttpOnly');
const OWASP_SECURE = owasp('secure-attribute', 'Secure');
const OWASP_SAMESITE = owasp('samesite-attribute', 'SameSite');
const OWASP_EXPIRY = owasp('expire-and-max-age-attributes', 'Expire and Max-Age');
const OWASP_FINGERPRINT = owasp('session-id-name-fingerprinting', 'Session ID name fingerprinting');
const OWASP_DOMAIN = owasp('domain-and-path-attributes', 'Domain and Path');
const RFC6265_CLEARTEXT = ref('RFC 6265 §8.3 Clear Text', 'https://www.rfc-editor.org/rfc/rfc6265#section-8.3');
const RFC6265_LIMITS = ref('RFC 6265 §6.1 Limits', 'https://www.rfc-editor.org/rfc/rfc6265#section-6.1');
const CHROMIUM_LIMITS = ref(
  'Chromium cookie_monster.cc limits',
  'https://source.chromium.org/chromium/chromium/src/+/main:net/cookies/cookie_monster.cc',
);
const CWE = (n: number, title: string): Reference => ref(`CWE-${n} ${title}`, `https://cwe.mitre.org/data/definitions/${n}.html`);
const OWASP_JWT = ref(
  'OWASP JSON Web Token Cheat Sheet',
  'https://cheatsheetseries.owasp.org/cheatsheets/JSON_Web_Token_for_Java_Cheat_Sheet.html',
);

const entries: CatalogueEntry[] = [
  {
    id: 'missing-httponly',
    severity: 'low',
    title: 'Cookie readable by scripts',
    template: 'Cookie "{name}" can be read by page scripts: it has no HttpOnly attribute.',
    references: [zap(10010, 'Cookie No HttpOnly Flag'), OWASP_HTTPONLY],
    scopes: ['cookie'],
  },
  {
    id: 'missing-secure',
    severity: 'low',
    title: 'Cookie without Secure',
    template: 'Cookie "{name}" may be sent over plain HTTP: it has no Secure attribute.',
    references: [zap(10011, 'Cookie Without Secure Flag'), OWASP_SECURE, RFC6265_CLEARTEXT],
    scopes: ['cookie'],
  },
  {
    id: 'samesite-missing',
    severity: 'low',
    title: 'SameSite attribute missing',
    template:
      'Cookie "{name}" has no SameSite attribute, so cross-site behaviour is up to the browser ({browser} treats it as {sameSiteDefault}).',
    references: [zap(10054, 'Cookie without SameSite Attribute'), bis('5.6.7', 'The SameSite Attribute'), OWASP_SAMESITE],
    scopes: ['cookie'],
  },
  {
    id: 'samesite-none-insecure',
    severity: 'medium',
    title: 'SameSite=None without Secure',
    template:
      'Cookie "{name}" is SameSite=None without Secure: it goes on cross-site requests over any scheme, and browsers that require Secure reject it.',
    references: [bis('5.7', 'Storage Model'), zap(10054, 'Cookie without SameSite Attribute')],
    scopes: ['cookie', 'header'],
  },
  {
    id: 'samesite-invalid',
    severity: 'low',
    title: 'Invalid SameSite value',
    template: 'Set-Cookie "{name}" has SameSite="{value}", which is not Strict, Lax or None; browsers ignore it and apply their default.',
    references: [bis('5.6.7', 'The SameSite Attribute'), zap(10054, 'Cookie without SameSite Attribute')],
    scopes: ['header'],
  },
  {
    id: 'session-id-persistent',
    severity: 'medium',
    title: 'Persistent session ID',
    template: 'Session ID cookie "{name}" is persistent (until {expires}): it survives the browser session.',
    references: [OWASP_EXPIRY],
    scopes: ['cookie'],
  },
  {
    id: 'session-id-script-readable',
    severity: 'high',
    title: 'Session ID readable by scripts',
    template: 'Session ID cookie "{name}" can be read by page scripts (no HttpOnly): one XSS flaw hands over the session.',
    references: [OWASP_HTTPONLY, zap(10010, 'Cookie No HttpOnly Flag')],
    scopes: ['cookie'],
    refines: 'missing-httponly',
  },
  {
    id: 'session-id-not-secure',
    severity: 'high',
    title: 'Session ID without Secure',
    template: 'Session ID cookie "{name}" has no Secure attribute: it can travel over plain HTTP and be captured.',
    references: [OWASP_SECURE, zap(10011, 'Cookie Without Secure Flag')],
    scopes: ['cookie'],
    refines: 'missing-secure',
  },
  {
    id: 'session-id-default-name',
    severity: 'low',
    title: 'Default session cookie name',
    template: 'Session ID cookie "{name}" is the {framework} default name, which tells attackers what runs the site.',
    references: [OWASP_FINGERPRINT],
    scopes: ['cookie'],
  },
  {
    id: 'sent-over-http',
    severity: 'medium',
    title: 'Cookie sent over HTTP',
    template: 'Cookie "{name}" was seen in a Cookie header sent in clear text to {url}.',
    references: [RFC6265_CLEARTEXT, OWASP_SECURE],
    scopes: ['cookie', 'header'],
  },
  {
    id: 'prefix-violation',
    severity: 'medium',
    title: 'Cookie prefix rules broken',
    template: 'Cookie "{name}" breaks the {prefix} prefix rules: {problem}.',
    references: [bis('4.1.3', 'Cookie Name Prefixes')],
    scopes: ['cookie', 'header'],
  },
  {
    id: 'expiry-over-400-days',
    severity: 'info',
    title: 'Expiry beyond 400 days',
    template: 'Cookie "{name}" asks to live {days} days; browsers cap cookie lifetime at 400 days.',
    references: [bis('5.5', 'Cookie Lifetime Limits')],
    scopes: ['cookie', 'header'],
  },
  {
    id: 'oversize',
    severity: 'medium',
    title: 'Cookie too large',
    template: 'Cookie "{name}" is {bytes} bytes ({measure}), over the {limit}-byte limit: browsers drop it.',
    references: [bis('5.6', 'The Set-Cookie Header Field'), RFC6265_LIMITS],
    scopes: ['cookie', 'header'],
  },
  {
    id: 'attribute-oversize',
    severity: 'low',
    title: 'Attribute too large',
    template: 'The {attribute} attribute of cookie "{name}" is {bytes} bytes, over {limit}: browsers ignore it.',
    references: [bis('5.6', 'The Set-Cookie Header Field')],
    scopes: ['cookie', 'header'],
  },
  {
    id: 'domain-near-limit',
    severity: 'low',
    title: 'Domain near its cookie limit',
    template: '{domain} uses {used} of the {limit} {unit} allowed per domain ({profile}).',
    references: [CHROMIUM_LIMITS, RFC6265_LIMITS],
    scopes: ['domain'],
  },
  {
    id: 'domain-over-limit',
    severity: 'medium',
    title: 'Domain over its cookie limit',
    template: '{domain} uses {used} {unit}, over the {limit} allowed per domain ({profile}); browsers evict cookies to make room.',
    references: [CHROMIUM_LIMITS, RFC6265_LIMITS],
    scopes: ['domain'],
  },
  {
    id: 'loosely-scoped',
    severity: 'info',
    title: 'Cookie shared with subdomains',
    template: 'Cookie "{name}" is scoped to {domain} and every subdomain of it (Domain attribute).',
    references: [zap(90033, 'Loosely Scoped Cookie'), OWASP_DOMAIN],
    scopes: ['cookie'],
  },
  {
    id: 'jwt-alg-none',
    severity: 'high',
    title: 'Unsigned JWT',
    template: 'Cookie "{name}" holds a JWT with alg "{alg}": it is unsigned, so anyone can forge one the server might accept.',
    references: [ref('RFC 8725 §3.1 Perform Algorithm Verification', 'https://www.rfc-editor.org/rfc/rfc8725#section-3.1'), OWASP_JWT],
    scopes: ['cookie'],
  },
  {
    id: 'jwt-expired',
    severity: 'low',
    title: 'Expired JWT',
    template: 'Cookie "{name}" holds a JWT that expired at {expiresAt}.',
    references: [ref('RFC 7519 §4.1.4 "exp" Claim', 'https://www.rfc-editor.org/rfc/rfc7519#section-4.1.4')],
    scopes: ['cookie'],
  },
  {
    id: 'jwt-long-lived',
    severity: 'low',
    title: 'Long-lived JWT',
    template: 'Cookie "{name}" holds a JWT valid for {lifetime}; a stolen token stays useful that long.',
    references: [OWASP_JWT, ref('RFC 7519 §4.1.4 "exp" Claim', 'https://www.rfc-editor.org/rfc/rfc7519#section-4.1.4')],
    scopes: ['cookie'],
  },
  {
    id: 'third-party',
    severity: 'info',
    title: 'Third-party cookie',
    template: 'Cookie "{name}" from {domain} is used in a third-party context on {topLevelSite}.',
    references: [ref('MDN: Third-party cookies', 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Cookies#third-party_cookies')],
    scopes: ['cookie', 'header'],
  },
  {
    id: 'rejected',
    severity: 'medium',
    title: 'Set-Cookie rejected',
    template: 'The browser did not store Set-Cookie "{name}" from {url}: {reason}.',
    references: [
      ref(
        'Chrome DevTools Protocol: SetCookieBlockedReason',
        'https://chromedevtools.github.io/devtools-protocol/tot/Network/#type-SetCookieBlockedReason',
      ),
    ],
    scopes: ['header'],
  },
  {
    id: 'personal-data-in-cookie',
    severity: 'medium',
    title: 'Personal data in a cookie',
    template:
      'Cookie "{name}" appears to hold {what} in {where}: it travels with every request to {domain} and stays in the browser\'s cookie store.',
    references: [
      ref('CWE-315 Cleartext Storage of Sensitive Information in a Cookie', 'https://cwe.mitre.org/data/definitions/315.html'),
      ref('CWE-539 Use of Persistent Cookies Containing Sensitive Information', 'https://cwe.mitre.org/data/definitions/539.html'),
    ],
    scopes: ['cookie'],
  },
  {
    id: 'session-fixation',
    severity: 'high',
    title: 'Session ID not renewed at login',
    template:
      'Session "{session}" kept the same ID across the login at {momentUrl}: whoever planted or saw it before the login now holds a logged-in session.',
    references: [
      owasp('renew-the-session-id-after-any-privilege-level-change', 'Renew the session ID after any privilege level change'),
      CWE(384, 'Session Fixation'),
    ],
    scopes: ['cookie'],
  },
  {
    id: 'session-not-cleared-on-logout',
    severity: 'medium',
    title: 'Session cookie survives logout',
    template:
      'Session "{session}" is still in the browser with the same value after the logout at {momentUrl}: the response did not expire it.',
    references: [owasp('manual-session-expiration', 'Manual session expiration')],
    scopes: ['cookie'],
  },
  {
    id: 'session-id-in-url',
    severity: 'high',
    title: 'Session ID in a URL',
    template: 'Session "{session}" travelled in a URL parameter "{param}" ({url}): URLs end up in logs, history and Referer headers.',
    references: [
      CWE(598, 'Use of GET Request Method With Sensitive Query Strings'),
      owasp('session-id-exchange-mechanism', 'Session ID exchange mechanism'),
    ],
    scopes: ['cookie', 'header'],
  },
  {
    id: 'authorization-over-http',
    severity: 'high',
    title: 'Authorization header over plain HTTP',
    template: 'An Authorization header ({scheme}) was sent over plain HTTP to {url}: anyone on the path can read and replay it.',
    references: [
      ref('RFC 7617 §4 Security Considerations', 'https://www.rfc-editor.org/rfc/rfc7617#section-4'),
      ref('RFC 6750 §5.3 Summary of Recommendations', 'https://www.rfc-editor.org/rfc/rfc6750#section-5.3'),
    ],
    scopes: ['header'],
  },
  {
    id: 'session-restored',
    severity: 'low',
    title: 'Session cookie restored after a browser restart',
    template:
      'Session "{session}" has no expiry but was still there after the browser restarted at {at}: session restore kept it, so closing the browser does not end the session.',
    references: [
      ref(
        'MDN Set-Cookie: session cookies and session restore',
        'https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Set-Cookie#expiresdate',
      ),
      owasp('expire-and-max-age-attributes', 'Expire and Max-Age'),
    ],
    scopes: ['cookie'],
  },
  {
    id: 'tracking-before-consent',
    severity: 'low',
    title: 'Tracking cookie set before consent',
    template:
      '{purpose} cookie "{name}" ({domain}) was set before any interaction with the page: check the site has a legal basis for it without consent (the report cannot know).',
    references: [
      ref(
        'EDPB Guidelines 05/2020 on consent',
        'https://www.edpb.europa.eu/our-work-tools/our-documents/guidelines/guidelines-052020-consent-under-regulation-2016679_en',
      ),
      ref('ePrivacy Directive Art. 5(3)', 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32002L0058'),
    ],
    scopes: ['cookie'],
  },
];

export const CATALOGUE: Readonly<Record<FindingId, CatalogueEntry>> = Object.fromEntries(entries.map((e) => [e.id, e])) as Record<
  FindingId,
  CatalogueEntry
>;

export function catalogueEntry(id: FindingId): CatalogueEntry {
  return CATALOGUE[id];
}

/** Fills `{placeholders}`; unknown ones stay visible rather than vanish. */
export function formatMessage(template: string, vars: Readonly<Record<string, DetailValue | undefined>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = vars[key];
    return v === undefined || v === null ? whole : String(v);
  });
}
