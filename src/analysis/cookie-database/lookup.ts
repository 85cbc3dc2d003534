/**
 * The Open Cookie Database as a lookup: exact names (case-sensitive first, then any case) and
 * prefixes for its wildcard entries (`_ga_` → `_ga_XYZ`). An entry that names a domain matches only
 * a cookie of that domain or one of its subdomains: names are not unique (`sessionid` is listed for
 * Instagram), so a generic name on another site says nothing about it — unless the database ties it
 * to a third party and the name is that service's own, written by its tag into any site's jar (`_fbp`
 * of the Meta Pixel; the rule is `setByTagOnAnySite` in scripts/cookie-database-build.ts).
 */
import { DATABASE } from './database.generated';
import type { CategoryCode, DatabaseEntry } from './types';

export interface DatabaseMatch {
  /** Index of the entry (also into the descriptions module). */
  index: number;
  category: CategoryCode;
  platform?: string;
  reference?: string;
  /** The entry's domains, empty when it matches any. */
  domains: readonly string[];
  wildcard: boolean;
}

interface Index {
  exact: Map<string, number[]>;
  folded: Map<string, number[]>;
  /** Wildcard prefixes, longest first so the most specific wins. */
  prefixes: Array<[string, number]>;
  domains: string[][];
  /** Entries whose domain binds only in name: a third party's tag sets them on any site. */
  anySite: Set<number>;
}

let built: Index | undefined;

function push(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (list) list.push(i);
  else map.set(key, [i]);
}

/** Built on first use so that loading the module costs one JSON.parse and nothing more. */
function index(): Index {
  if (built) return built;
  const idx: Index = { exact: new Map(), folded: new Map(), prefixes: [], domains: [], anySite: new Set() };
  DATABASE.entries.forEach((e: DatabaseEntry, i) => {
    idx.domains.push(e[3] === '' ? [] : e[3].split(' '));
    push(idx.exact, e[0], i);
    push(idx.folded, e[0].toLowerCase(), i);
    if (e[5] === 1) idx.prefixes.push([e[0], i]);
    if (e[6] === 1) idx.anySite.add(i);
  });
  idx.prefixes.sort((a, b) => b[0].length - a[0].length);
  return (built = idx);
}

function domainMatches(cookieDomain: string, domains: readonly string[]): boolean {
  if (domains.length === 0) return true;
  return domains.some((d) => cookieDomain === d || cookieDomain.endsWith(`.${d}`));
}

function toMatch(i: number, domains: readonly string[]): DatabaseMatch {
  const e = DATABASE.entries[i] as DatabaseEntry;
  const m: DatabaseMatch = { index: i, category: e[1], domains, wildcard: e[5] === 1 };
  const platform = DATABASE.platforms[e[2]];
  if (platform) m.platform = platform;
  const reference = DATABASE.references[e[4]];
  if (reference) m.reference = reference;
  return m;
}

/**
 * Among candidates, one whose domain matches the cookie's, preferring an entry that names its domain;
 * a tag's cookie on another site comes after both.
 */
function pick(candidates: readonly number[] | undefined, cookieDomain: string, idx: Index): number | undefined {
  if (!candidates) return undefined;
  let anyDomain: number | undefined;
  let byTag: number | undefined;
  for (const i of candidates) {
    const domains = idx.domains[i] as string[];
    if (!domainMatches(cookieDomain, domains)) {
      if (idx.anySite.has(i)) byTag ??= i;
      continue;
    }
    if (domains.length > 0) return i;
    anyDomain ??= i;
  }
  return anyDomain ?? byTag;
}

/** The database's entry for a cookie, or undefined. `domain`: lower-case, no leading dot. */
export function lookUpCookie(name: string, domain: string): DatabaseMatch | undefined {
  const idx = index();
  const d = domain.replace(/^\./, '').toLowerCase();
  let i = pick(idx.exact.get(name), d, idx) ?? pick(idx.folded.get(name.toLowerCase()), d, idx);
  if (i === undefined) {
    for (const [prefix, at] of idx.prefixes) {
      if (name.length > prefix.length && name.startsWith(prefix) && domainMatches(d, idx.domains[at] as string[])) {
        i = at;
        break;
      }
    }
  }
  return i === undefined ? undefined : toMatch(i, idx.domains[i] as string[]);
}

/** How many entries the lookup holds, and how many match by prefix. */
export function databaseSize(): { entries: number; wildcards: number } {
  const idx = index();
  return { entries: DATABASE.entries.length, wildcards: idx.prefixes.length };
}
