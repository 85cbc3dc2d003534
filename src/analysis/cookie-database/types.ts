/** Shape of the generated lookup (scripts/cookie-database-build.ts writes it). */

/** n necessary, p personalization, a analytics, m marketing. */
export type CategoryCode = 'n' | 'p' | 'a' | 'm';

/** [name, category, platform index, domains (space-separated, '' = any), reference index, wildcard (prefix) match] */
export type DatabaseEntry = [string, CategoryCode, number, string, number, 0 | 1];

export interface CookieDatabaseData {
  /** Index 0 is '' (no platform named). */
  platforms: string[];
  /** Privacy portals of the data controllers; index 0 is '' (none). */
  references: string[];
  entries: DatabaseEntry[];
}
