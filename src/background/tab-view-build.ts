/** One tab view from its parts: the tab's URL, the sites in its scope and the cookie jar. */
import { cookiesInDomains } from '../analysis/tab-scope';
import { registrableDomain } from '../analysis/domain';
import { buildViewModel, type TabView } from '../analysis/view-model';
import { forWire } from '../analysis/view-wire';
import type { CookieSnapshot } from '../model/cookie';
import { LIMIT_PROFILES, type LimitProfileId } from '../model/limits';

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

export function buildTabView(args: {
  tabExists: boolean;
  url: string | undefined;
  domains: string[];
  jar: readonly CookieSnapshot[];
  now: number;
  profileId: LimitProfileId;
}): TabView {
  const { url, domains, now, profileId } = args;
  const topLevelSite = siteOfUrl(url);
  const readable = inspectable(url);
  const cookies = readable ? cookiesInDomains(live(args.jar, now), new Set(domains)) : [];
  return {
    tabExists: args.tabExists,
    inspectable: readable,
    topLevelUrl: url,
    topLevelSite,
    domains,
    profileId,
    now,
    view: forWire(buildViewModel({ cookies, topLevelSite, now, profile: LIMIT_PROFILES[profileId] })),
    complete: true,
  };
}
