/**
 * What a cookie is for, with where that answer came from: the Open Cookie Database, one of our own
 * rules (named), or nothing. The seed notes' "session management" is `necessary`, their "tracking"
 * is `analytics` and `marketing`.
 */

export const PURPOSE_CATEGORIES = ['necessary', 'personalization', 'analytics', 'marketing', 'unknown'] as const;
export type PurposeCategory = (typeof PURPOSE_CATEGORIES)[number];

export const PURPOSE_SOURCES = ['open-cookie-database', 'rule', 'unknown'] as const;
export type PurposeSource = (typeof PURPOSE_SOURCES)[number];

export interface CookiePurpose {
  category: PurposeCategory;
  source: PurposeSource;
  /** Short name of our rule when `source` is `rule` ("session identifier", "consent", …). */
  rule?: string;
  /** The service that sets it ("Google Analytics"), when the database names one. */
  platform?: string;
  /** The database's description of the cookie. */
  description?: string;
  /** The data controller's privacy page, when the database gives one. */
  reference?: string;
}

/** Tracking purposes: the ones a consent banner must ask about. */
export function isTracking(category: PurposeCategory): boolean {
  return category === 'analytics' || category === 'marketing';
}
