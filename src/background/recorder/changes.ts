/** Turns a `cookies.onChanged` notification into the recorded change event. Pure. */
import { registrableDomain } from '../../analysis/domain';
import { type ChangeCause, cookieKey, type NewCookieChange, partitionKeyString, type SameSite } from '../../model/events';

/** The shape both browsers' `cookies.onChanged` deliver (`changeInfo`). */
export interface ChangeInput {
  removed: boolean;
  cause: string;
  cookie: {
    name: string;
    value: string;
    domain: string;
    hostOnly: boolean;
    path: string;
    secure: boolean;
    httpOnly: boolean;
    sameSite?: string | undefined;
    session: boolean;
    expirationDate?: number | undefined;
    storeId: string;
    partitionKey?: { topLevelSite?: string | undefined; hasCrossSiteAncestor?: boolean | undefined } | null | undefined;
    firstPartyDomain?: string | undefined;
  };
}

const CAUSES: ReadonlySet<string> = new Set<ChangeCause>(['explicit', 'overwrite', 'expired', 'expired_overwrite', 'evicted']);
const SAME_SITES: ReadonlySet<string> = new Set<SameSite>(['no_restriction', 'lax', 'strict', 'unspecified']);

export function buildChange(
  input: ChangeInput,
  ctx: { time: number; incognito: boolean; valueLength: number; valueDigest: string },
): NewCookieChange {
  const c = input.cookie;
  const partitionKey = partitionKeyString(
    c.partitionKey?.topLevelSite
      ? {
          topLevelSite: c.partitionKey.topLevelSite,
          ...(c.partitionKey.hasCrossSiteAncestor ? { hasCrossSiteAncestor: true } : {}),
        }
      : undefined,
  );
  const firstPartyDomain = c.firstPartyDomain ? c.firstPartyDomain : undefined;
  const record: NewCookieChange = {
    time: ctx.time,
    storeId: c.storeId,
    incognito: ctx.incognito,
    cause: (CAUSES.has(input.cause) ? input.cause : 'explicit') as ChangeCause,
    removed: input.removed,
    name: c.name,
    domain: c.domain,
    hostOnly: c.hostOnly,
    path: c.path,
    secure: c.secure,
    httpOnly: c.httpOnly,
    sameSite: (c.sameSite && SAME_SITES.has(c.sameSite) ? c.sameSite : 'unspecified') as SameSite,
    session: c.session,
    registrableDomain: registrableDomain(c.domain),
    cookieKey: cookieKey({
      name: c.name,
      domain: c.domain,
      path: c.path,
      storeId: c.storeId,
      ...(partitionKey ? { partitionKey } : {}),
      ...(firstPartyDomain ? { firstPartyDomain } : {}),
    }),
    valueLength: ctx.valueLength,
    valueDigest: ctx.valueDigest,
    // The writer strips it unless the user turned value recording on.
    value: c.value,
    source: 'unknown',
  };
  if (c.expirationDate !== undefined) record.expirationDate = c.expirationDate;
  if (partitionKey) record.partitionKey = partitionKey;
  if (firstPartyDomain) record.firstPartyDomain = firstPartyDomain;
  return record;
}
