/**
 * Turns the Open Cookie Database CSV into the compact lookup the analysis ships
 * (src/analysis/cookie-database/*.generated.ts). Pure: text in, module text out, so a unit test can
 * prove the committed modules are exactly what the vendored CSV gives.
 */
import type { PurposeCategory } from '../src/model/purpose';

/** The database's categories → ours (issue 16). Anything else is left out rather than guessed. */
export const CATEGORY_MAP: Readonly<Record<string, Exclude<PurposeCategory, 'unknown'>>> = {
  Functional: 'necessary',
  Necessary: 'necessary',
  Security: 'necessary',
  Personalization: 'personalization',
  Analytics: 'analytics',
  Marketing: 'marketing',
};

/** RFC 4180 CSV: quoted fields may hold commas, newlines and doubled quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const endRow = (): void => {
    row.push(field);
    rows.push(row);
    row = [];
    field = '';
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i] as string;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (src[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRow();
    } else field += ch;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows.filter((r) => r.length > 1 || (r[0] ?? '') !== '');
}

/**
 * "facebook.com (3rd party)", ".bing.com (3rd party) or .microsoft.com (3rd party)",
 * "ads-[account].adhese.com", ".amplitude.com." → bare lower-case domains.
 */
export function parseDomains(field: string): string[] {
  const out: string[] = [];
  for (const part of field.replace(/[\u200b\u00a0]/g, ' ').split(/\s+or\s+|[,;/|]|\s+and\s+/)) {
    let d = part
      .replace(/\(3rd party\)/gi, '')
      .trim()
      .toLowerCase();
    // A label standing for the customer's account ("ads-[account].") matches any subdomain.
    const placeholder = d.lastIndexOf(']');
    if (placeholder >= 0) d = d.slice(d.indexOf('.', placeholder) + 1);
    d = d.replace(/^\*?\.+/, '').replace(/\.+$/, '');
    if (/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(d) && !out.includes(d)) out.push(d);
  }
  return out;
}

const CATEGORY_CODE: Record<Exclude<PurposeCategory, 'unknown'>, string> = {
  necessary: 'n',
  personalization: 'p',
  analytics: 'a',
  marketing: 'm',
};

export interface BuiltDatabase {
  /**
   * Entries in CSV order: [name, category code, platform index, domains (space-separated), reference index, wildcard,
   * and 1 when a third party's tag may set it on any site (see `setByTagOnAnySite`)].
   */
  entries: Array<[string, string, number, string, number, 0 | 1] | [string, string, number, string, number, 0 | 1, 1]>;
  platforms: string[];
  references: string[];
  descriptions: string[];
  skipped: number;
}

const COLUMNS = {
  platform: 'Platform',
  category: 'Category',
  name: 'Cookie / Data Key name',
  domain: 'Domain',
  description: 'Description',
  portal: 'User Privacy & GDPR Rights Portals',
  wildcard: 'Wildcard match',
} as const;

/**
 * An entry the database ties to a domain marked "(3rd party)" — a service sites embed — whose fixed name
 * no other entry uses and which carries a leading underscore (not an RFC 6265bis `__Secure-`/`__Host-`
 * prefix), as the names tag scripts write into the embedding site's own jar do (`_fbp`, `_uetsid`,
 * `__insp_uid`): such a name on another site was set there by that service's tag (docs/ANALYSIS.md,
 * Purposes, has the database's own evidence). A generic name (`fr`, `token`, `lang`) keeps matching
 * only its domain, as do short ones (`_u`), shared ones and wildcards.
 */
export function setByTagOnAnySite(name: string, rawDomain: string, wildcard: boolean, sameNameEntries: number): boolean {
  return (
    /\(3rd party\)/i.test(rawDomain) &&
    !wildcard &&
    sameNameEntries === 1 &&
    name.length >= 4 &&
    /^__?[A-Za-z]/.test(name) &&
    !/^__(Secure|Host)-/i.test(name)
  );
}

export function buildDatabase(csv: string): BuiltDatabase {
  const [header, ...rows] = parseCsv(csv);
  if (!header) throw new Error('empty CSV');
  const col = Object.fromEntries(
    Object.entries(COLUMNS).map(([k, title]) => {
      const i = header.indexOf(title);
      if (i < 0) throw new Error(`column "${title}" missing; found: ${header.join(', ')}`);
      return [k, i];
    }),
  ) as Record<keyof typeof COLUMNS, number>;
  const platforms: string[] = [''];
  const references: string[] = [''];
  const index = (list: string[], v: string): number => {
    const i = list.indexOf(v);
    return i >= 0 ? i : list.push(v) - 1;
  };
  const out: BuiltDatabase = { entries: [], platforms, references, descriptions: [], skipped: 0 };
  const sameName = new Map<string, number>();
  for (const r of rows) {
    const key = (r[col.name] ?? '').trim().toLowerCase();
    sameName.set(key, (sameName.get(key) ?? 0) + 1);
  }
  for (const r of rows) {
    const name = (r[col.name] ?? '').trim();
    const category = CATEGORY_MAP[(r[col.category] ?? '').trim()];
    if (name === '' || category === undefined) {
      out.skipped++;
      continue;
    }
    const portal = (r[col.portal] ?? '').trim();
    const wildcard = (r[col.wildcard] ?? '').trim() === '1';
    const entry: BuiltDatabase['entries'][number] = [
      name,
      CATEGORY_CODE[category],
      index(platforms, (r[col.platform] ?? '').trim()),
      parseDomains(r[col.domain] ?? '').join(' '),
      index(references, /^https?:\/\//.test(portal) ? portal : ''),
      wildcard ? 1 : 0,
    ];
    if (setByTagOnAnySite(name, r[col.domain] ?? '', wildcard, sameName.get(name.toLowerCase()) ?? 0)) entry.push(1);
    out.entries.push(entry);
    out.descriptions.push((r[col.description] ?? '').trim());
  }
  return out;
}

const HEADER =
  '// Generated by `npm run data:cookies` from data/open-cookie-database/open-cookie-database.csv\n// (Open Cookie Database, Apache-2.0; see data/open-cookie-database/SOURCE.md). Do not edit.\n';

/** The lookup the analysis loads everywhere it runs; descriptions live in their own module. */
export function databaseModule(db: BuiltDatabase): string {
  const data = { platforms: db.platforms, references: db.references, entries: db.entries };
  // A JSON string parsed once is cheaper to load than the same data as an object literal.
  return `${HEADER}import type { CookieDatabaseData } from './types';\n\nexport const DATABASE: CookieDatabaseData = /* @__PURE__ */ JSON.parse(${JSON.stringify(JSON.stringify(data))});\n`;
}

export function descriptionsModule(db: BuiltDatabase): string {
  return `${HEADER}\n/** One per database entry, in the same order. */\nexport const DESCRIPTIONS: readonly string[] = /* @__PURE__ */ JSON.parse(${JSON.stringify(JSON.stringify(db.descriptions))});\n`;
}
