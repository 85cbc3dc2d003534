/** Shape of the generated lookup (scripts/cookie-database-build.ts writes it). */

/** n necessary, p personalization, a analytics, m marketing. */
export type CategoryCode = 'n' | 'p' | 'a' | 'm';

/**
 * [name, category, platform index, domains (space-separated, '' = any), reference index, wildcard (prefix) match,
 * 1 when a third party's tag may set it on any site (scripts/cookie-database-build.ts `setByTagOnAnySite`)]
 */
export type DatabaseEntry =
  [string, CategoryCode, number, string, number, 0 | 1] | [string, CategoryCode, number, string, number, 0 | 1, 1];

export interface CookieDatabaseData {
  /** Index 0 is '' (no platform named). */
  platforms: string[];
  /** Privacy portals of the data controllers; index 0 is '' (none). */
  references: string[];
  entries: DatabaseEntry[];
}
