/** The "Purposes" section of the HTML and Markdown exports: the same rows, two markups. */
import { PURPOSE_CATEGORIES } from '../model/purpose';
import type { AuditReport, ReportCookie } from './types';

export const CATEGORY_LABEL: Record<(typeof PURPOSE_CATEGORIES)[number], string> = {
  necessary: 'Necessary',
  personalization: 'Personalization',
  analytics: 'Analytics',
  marketing: 'Marketing',
  unknown: 'Unknown',
};

/** "Open Cookie Database (Google Analytics)", "rule: session identifier", "unknown". */
export function purposeSourceText(c: ReportCookie): string {
  const p = c.purpose;
  if (p.source === 'rule') return `rule: ${p.rule ?? ''}`;
  if (p.source === 'open-cookie-database') return p.platform ? `Open Cookie Database (${p.platform})` : 'Open Cookie Database';
  return 'unknown';
}

export interface PurposeTables {
  counts: Array<[string, number]>;
  platforms: Array<[string, string, number, string]>;
  thirdParties: Array<[string, number, string, string]>;
}

export function purposeTables(r: AuditReport): PurposeTables {
  const s = r.purposes;
  const cats = (list: readonly string[]): string => list.map((c) => CATEGORY_LABEL[c as keyof typeof CATEGORY_LABEL] ?? c).join(', ');
  return {
    counts: PURPOSE_CATEGORIES.map((c) => [CATEGORY_LABEL[c], s.counts[c]]),
    platforms: s.platforms.map((p) => [p.name, cats(p.categories), p.cookies, p.thirdParty ? 'yes' : 'no']),
    thirdParties: s.thirdParties.map((t) => [t.domain, t.cookies, cats(t.categories), t.platforms.join(', ')]),
  };
}

export const PURPOSE_SOURCE_NOTE =
  "Purposes come from the Open Cookie Database (Apache-2.0, https://github.com/jkwakman/Open-Cookie-Database) and the extension's own rules.";
