/**
 * What evaluating one `Set-Cookie` line produces (src/analysis/set-cookie.ts): the cookie a
 * browser would store, or the stable reason it would not. Imports nothing.
 */

/**
 * Why a browser ignores a `Set-Cookie` line. Stable codes: they are stored and shown, so never
 * rename one; add new ones at the end. Names follow Chromium's `CookieInclusionStatus` where one
 * exists (EXCLUDE_DISALLOWED_CHARACTER → `DisallowedCharacter`, …).
 */
export const SET_COOKIE_REJECT_REASONS = [
  /** The request URL does not parse or has no host. */
  'InvalidUrl',
  /** Not http(s)/ws(s): cookies are not set from other schemes. */
  'NonHttpScheme',
  /** A control character: NUL/CR/LF anywhere, another CTL anywhere, HTAB inside a token. */
  'DisallowedCharacter',
  /** Empty name and empty value (RFC 6265bis §5.7 step 2). */
  'NoCookieContent',
  /** name + value longer than 4096 bytes (RFC 6265bis §5.6 step 5). */
  'NameValuePairExceedsMaxSize',
  /** Domain attribute is a public suffix, does not domain-match the host, or is malformed. */
  'InvalidDomain',
  /** `Secure` set from an origin that is not potentially trustworthy. */
  'SecureOnly',
  /** `HttpOnly` set through a non-HTTP API (document.cookie), RFC 6265bis §5.7 step 15. */
  'HttpOnlyFromNonHttpApi',
  /** `SameSite=None` without `Secure` (RFC 6265bis §5.7 step 19). */
  'SameSiteNoneInsecure',
  /** `__Secure-` / `__Host-` rules broken, or a nameless cookie whose value hides one. */
  'InvalidPrefix',
  /** `Partitioned` (CHIPS) without `Secure`. */
  'PartitionedWithoutSecure',
  /** SameSite=Strict set by a cross-site response that is not a top-level navigation (§5.7 step 18). */
  'SameSiteStrictCrossSite',
  /** SameSite=Lax, same rule. */
  'SameSiteLaxCrossSite',
  /** No valid SameSite, same rule: Chromium treats it as Lax (Firefox does not, by default). */
  'SameSiteUnspecifiedTreatedAsLax',
] as const;

export type SetCookieRejectReason = (typeof SET_COOKIE_REJECT_REASONS)[number];

/** Attributes a browser acts on; only these get per-attribute warnings. */
export const KNOWN_COOKIE_ATTRIBUTES = [
  'expires',
  'max-age',
  'domain',
  'path',
  'secure',
  'httponly',
  'samesite',
  'partitioned',
  'priority',
] as const;

export type KnownCookieAttribute = (typeof KNOWN_COOKIE_ATTRIBUTES)[number];

/** Fixed warning codes; the two families below add the lower-case attribute name. */
export const SET_COOKIE_WARNINGS = [
  /** Expiry was more than 400 days away and was cut to 400 days (RFC 6265bis §5.5). */
  'ExpiryClamped',
  /** `Expires` did not parse as a cookie-date (RFC 6265 §5.1.1) and was ignored. */
  'ExpiresInvalid',
  /** `Max-Age` was not `-?DIGIT+` and was ignored. */
  'MaxAgeInvalid',
  /** `Path` was empty or did not start with `/`; the default path was used. */
  'PathInvalid',
  /** `SameSite` was not Strict/Lax/None; the cookie gets the browser default. */
  'SameSiteInvalid',
  /** `Priority` was not Low/Medium/High (Chromium only); ignored. */
  'PriorityInvalid',
  /** A non-ASCII `Domain` was converted to punycode, as Chromium does (the spec would reject). */
  'DomainNonAscii',
  /** `Domain` named the host itself while being a public suffix or an IP: host-only cookie. */
  'DomainTreatedAsHostOnly',
] as const;

export type SetCookieFixedWarning = (typeof SET_COOKIE_WARNINGS)[number];

/**
 * `AttributeValueExceedsMaxSize:<attr>`: value over 1024 bytes, attribute ignored (§5.6 step 6).
 * `AttributeDuplicated:<attr>`: given more than once; the last one counts (Firefox warns too).
 */
export type SetCookieWarning =
  SetCookieFixedWarning | `AttributeValueExceedsMaxSize:${KnownCookieAttribute}` | `AttributeDuplicated:${KnownCookieAttribute}`;

export type SetCookieSameSite = 'strict' | 'lax' | 'none' | 'unspecified';

/**
 * The cookie a browser would store. Same shape as `EvaluatedCookie` in ./cookie.ts.
 * `domain` is lower-case without a leading dot: the request host for host-only cookies, the
 * `Domain` attribute for domain cookies. The WebExtension cookies API shows domain cookies with a
 * leading dot: `apiDomain = hostOnly ? domain : '.' + domain`.
 */
export interface AcceptedCookie {
  name: string;
  value: string;
  domain: string;
  hostOnly: boolean;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: SetCookieSameSite;
  /** ms since the epoch, after the 400-day clamp; ≤ now means a deletion; null = session. */
  expires: number | null;
  partitioned: boolean;
}

export interface SetCookieAccepted {
  accepted: true;
  cookie: AcceptedCookie;
  warnings: SetCookieWarning[];
  detail: {
    /** Expiry the server asked for before the 400-day clamp (ms); null for a session cookie. */
    requestedExpires: number | null;
    /** Chromium's `Priority` attribute when present and valid. */
    priority?: 'low' | 'medium' | 'high';
  };
}

export interface SetCookieRejected {
  accepted: false;
  reason: SetCookieRejectReason;
  /** Human-readable specifics (which domain, which character…); not stable. */
  detail?: string;
}

export type SetCookieEvaluation = SetCookieAccepted | SetCookieRejected;
