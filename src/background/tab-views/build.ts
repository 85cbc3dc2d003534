/** One tab view from its parts: the tab's URL, the sites in its scope and the cookie jar. */
import { cookiesInDomains } from '../../analysis/tab-scope';
import { registrableDomain } from '../../analysis/domain';
import { buildViewModel, type TabView } from '../../view/view-model';
import type { ViewMemo } from '../../view/view-memo';
import { forWire } from '../../view/view-wire';
import type { CookieSnapshot } from '../../model/cookie';
import { LIMIT_PROFILES, type LimitProfileId } from '../../model/limits';

/** Pages whose cookies the extension may read; chrome://, about: and the stores have none to show. */
export function inspectable(url: string | undefined): boolean {
  return url !== undefined && /^https?:/i.test(url);
}

export function siteOfUrl(url: string | undefined): string | undefined {
  try {
    return url ? registrableDomain(new URL(url).hostname) : undefined;
  } catch {
    return undefined;
  }
}

/** Cookies past their expiry at `now`: a jar read earlier may still hold them. */
function live(jar: readonly CookieSnapshot[], now: number): CookieSnapshot[] {
  return jar.filter((c) => c.session || c.expirationDate === undefined || c.expirationDate * 1000 > now);
}

/**
 * The view of one tab. With a `memo`, cookies analysed for an earlier view of the same site and
 * profile are not analysed again, and the view's clock (`now` in it) is the memo's for that
 * context (analysis/view-memo.ts): at most its `maxAgeMs` before the `now` given. Cookies past
 * their expiry at the `now` given are left out either way.
 */
export function buildTabView(args: {
  tabExists: boolean;
  url: string | undefined;
  domains: string[];
  jar: readonly CookieSnapshot[];
  now: number;
  profileId: LimitProfileId;
  memo?: ViewMemo;
}): TabView {
  const { url, domains, profileId, memo } = args;
  const topLevelSite = siteOfUrl(url);
  const readable = inspectable(url);
  const context = memo?.context(`${profileId}\u0000${topLevelSite ?? ''}`, args.now);
  const now = context?.now ?? args.now;
  const info = memo ? (s: CookieSnapshot) => memo.info(s) : undefined;
  const cookies = readable ? cookiesInDomains(live(args.jar, args.now), new Set(domains), info) : [];
  return {
    tabExists: args.tabExists,
    inspectable: readable,
    topLevelUrl: url,
    topLevelSite,
    domains,
    profileId,
    now,
    view: forWire(buildViewModel({ cookies, topLevelSite, now, profile: LIMIT_PROFILES[profileId] }, context?.results)),
    complete: true,
    // The read model adds them (read-model.ts): they come from the log, not the jar.
    sessions: [],
    authMoments: [],
  };
}
