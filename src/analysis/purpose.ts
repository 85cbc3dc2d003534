/**
 * What a cookie is for (issue 16). Our own rules first where they know better than a name list —
 * a first-party session ID is the site's session management whatever else uses that name; CSRF
 * and consent cookies are necessary; language/theme-like names are preferences — then the Open
 * Cookie Database, then `unknown`. Every answer says where it came from.
 */
import type { CookiePurpose, PurposeCategory } from '../model/purpose';
import type { Party } from './classify';
import { lookUpCookie, type DatabaseMatch } from './cookie-database/lookup';
import type { CategoryCode } from './cookie-database/types';
import { detectSessionId, nameWords, type SessionIdMatch } from './session-id';

export { databaseSize, lookUpCookie } from './cookie-database/lookup';

const CATEGORY: Record<CategoryCode, PurposeCategory> = {
  n: 'necessary',
  p: 'personalization',
  a: 'analytics',
  m: 'marketing',
};

export interface PurposeInput {
  name: string;
  /** Lower-case, without a leading dot. */
  domain: string;
  /** Omit when it is not known (redacted): the name alone then decides. */
  value?: string;
}

export interface PurposeContext {
  party: Party;
  /** The classification's session-ID verdict, when already computed (saves detecting it again). */
  sessionId?: SessionIdMatch | null;
}

const rule = (category: PurposeCategory, name: string): CookiePurpose => ({ category, source: 'rule', rule: name });

/** Names a consent banner stores its answer under (TCF, CMPs, hand-rolled banners). */
function isConsent(lower: string, words: readonly string[]): boolean {
  return (
    lower.includes('consent') ||
    lower === 'usprivacy' ||
    lower.startsWith('cookielawinfo') ||
    lower === 'cookie_notice_accepted' ||
    words.includes('gdpr') ||
    (words.includes('cookie') && (words.includes('accepted') || words.includes('preferences') || words.includes('policy')))
  );
}

/** Words of a name that hold a user's preference rather than an identity. */
const PREFERENCE_WORDS = new Set([
  'lang',
  'language',
  'locale',
  'theme',
  'currency',
  'timezone',
  'tz',
  'darkmode',
  'colorscheme',
  'colourscheme',
  'fontsize',
  'region',
  'country',
]);

function isPreference(words: readonly string[]): boolean {
  if (words.some((w) => PREFERENCE_WORDS.has(w))) return true;
  const joined = words.join('');
  return joined === 'darkmode' || joined === 'colorscheme' || joined === 'colormode' || joined === 'prefersdark';
}

function isCsrf(session: SessionIdMatch | null, lower: string, words: readonly string[]): boolean {
  if (session?.why.startsWith('CSRF')) return true;
  return words.some((w) => /^(csrf|xsrf)/.test(w)) || lower.includes('antiforgery') || lower.includes('requestverificationtoken');
}

function fromDatabase(m: DatabaseMatch): CookiePurpose {
  const p: CookiePurpose = { category: CATEGORY[m.category], source: 'open-cookie-database' };
  if (m.platform !== undefined) p.platform = m.platform;
  if (m.reference !== undefined) p.reference = m.reference;
  return p;
}

/**
 * The purpose of one cookie. The database's description is left out here (it is large and most
 * callers do not show it); `withDescription` adds it.
 */
export function purposeOf(c: PurposeInput, ctx: PurposeContext): CookiePurpose {
  const lower = c.name.toLowerCase();
  const words = nameWords(c.name);
  if (isConsent(lower, words)) return rule('necessary', 'consent');
  const session = ctx.sessionId !== undefined ? ctx.sessionId : detectSessionId(c.name, c.value);
  if (isCsrf(session, lower, words)) return rule('necessary', 'CSRF token');
  // A framework's session cookie on the site itself is its login or cart, not someone's tracker.
  const ownSession = session?.isSessionId === true && ctx.party !== 'third';
  if (ownSession && session.confidence === 'known') return rule('necessary', 'session identifier');
  if (isPreference(words)) return rule('personalization', 'preference');
  const match = lookUpCookie(c.name, c.domain);
  if (match) return fromDatabase(match);
  // A name that only looks like a session (no framework default) loses to the database above.
  if (ownSession) return rule('necessary', 'session identifier');
  return { category: 'unknown', source: 'unknown' };
}

/** `purposeOf` plus the database's description of the entry, for pages that show it. */
export function describedPurposeOf(c: PurposeInput, ctx: PurposeContext, describe: (index: number) => string | undefined): CookiePurpose {
  const p = purposeOf(c, ctx);
  if (p.source !== 'open-cookie-database') return p;
  const m = lookUpCookie(c.name, c.domain);
  const description = m ? describe(m.index) : undefined;
  return description === undefined ? p : { ...p, description };
}
