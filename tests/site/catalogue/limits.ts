/**
 * Per-host cookie count limits. Both browsers keep at most 180 cookies per host (per registrable
 * domain; an IP address is its own) and, on the 181st, evict the least recently used down to 150.
 * Vars: `n`, `prefix`.
 */
import type { CookieCase, FindingId, Outcome, RenderContext, RouteSpec } from '../types';
import { BASE, cookie, deleted, evicted, rejected, stored, v } from './helpers';

export const PER_HOST_LIMIT = 180;
export const PURGE_TO = 150;
export const MAX_LIMIT_N = 300;
export const DEFAULT_LIMIT_PREFIX = 'lim';

/**
 * Which of the first `n` cookies survive when set in order on a host that had none: the browser
 * evicts the oldest down to PURGE_TO each time the count passes PER_HOST_LIMIT. Verified for 180,
 * 200 (31 evicted, 169 kept) and 300 (124 evicted, 176 kept) in Chromium and Firefox.
 */
export function survivors(n: number): boolean[] {
  const alive: number[] = [];
  const kept = new Array<boolean>(n).fill(true);
  for (let i = 0; i < n; i++) {
    alive.push(i);
    if (alive.length > PER_HOST_LIMIT) for (const gone of alive.splice(0, alive.length - PURGE_TO)) kept[gone] = false;
  }
  return kept;
}

export function limitPrefix(ctx: RenderContext): string {
  const p = v(ctx, 'prefix', DEFAULT_LIMIT_PREFIX);
  return /^[A-Za-z0-9]{1,16}$/.test(p) ? p : DEFAULT_LIMIT_PREFIX;
}

function countFindings(n: number): FindingId[] {
  if (n > PER_HOST_LIMIT) return ['domain-over-limit'];
  if (n > PURGE_TO) return ['domain-near-limit'];
  return [];
}

export function limitsSpec(n: number): RouteSpec {
  return {
    path: `/limits/${n}`,
    scenario: `limits-${n}`,
    title: `${n} cookies on one host`,
    group: 'Limits',
    summary:
      n > PER_HOST_LIMIT
        ? `Sets ${n} cookies in one response; the browser keeps 180 per host and evicts the oldest (cause "evicted").`
        : `Sets ${n} small cookies in one response.`,
    example: n === 200 ? '/limits/200?prefix=x' : `/limits/${n}`,
    notes: [
      'All Set-Cookie lines go in one response: neither browser limits how many it processes per response (verified up to 300).',
      'Outcomes assume the host had no other cookies; other cookies on the host count towards the 180 and may be evicted first.',
      '?prefix=NAME (letters and digits) changes the name prefix; /limits/clear?prefix=NAME deletes them.',
    ],
    routeFindings: () => countFindings(n),
    cookies: (ctx) => {
      const prefix = limitPrefix(ctx);
      const kept = survivors(n);
      const out: CookieCase[] = [];
      for (let i = 0; i < n; i++) {
        const outcome: Outcome = kept[i] ? stored() : evicted();
        out.push(cookie(`limits/${i}`, `${prefix}_${i}`, `${prefix}_${i}=${i}; ${BASE}`, { browsers: outcome }));
      }
      return out;
    },
  };
}

const CLEARED = {
  chromium: deleted(),
  firefox: deleted(
    'For a name it does not hold, Firefox briefly lists an empty cookie expiring in the same second (verified with browser-check.ts).',
  ),
};

/** Lines in the /flood response, and how many at each end set a cookie (the rest are refused). */
export const FLOOD_LINES = 2_000;
export const FLOOD_STORED_EACH_END = 50;

/**
 * One response far past what the recorder keeps of a response: a hostile page's flood. The cookies
 * at the end come after the lines the recorder keeps, so their changes are recorded without them.
 */
export const floodRoute: RouteSpec = {
  path: '/flood',
  scenario: 'flood',
  title: `${FLOOD_LINES} Set-Cookie lines in one response`,
  group: 'Limits',
  summary: `Sets flood_0… in one response of ${FLOOD_LINES} lines: ${FLOOD_STORED_EACH_END} cookies at each end, refused lines (a foreign Domain) between.`,
  hidden: true,
  notes: ['Cookies and their changes stay far below the per-host limit: only the number of lines is hostile.'],
  cookies: () => {
    const out: CookieCase[] = [];
    for (let i = 0; i < FLOOD_LINES; i++) {
      const stores = i < FLOOD_STORED_EACH_END || i >= FLOOD_LINES - FLOOD_STORED_EACH_END;
      out.push(
        stores
          ? cookie(`flood/${i}`, `flood_${i}`, `flood_${i}=${i}; Path=/; SameSite=Lax`, {
              browsers: stored({ secure: false, httpOnly: false }),
            })
          : cookie(`flood/${i}`, `flood_${i}`, `flood_${i}=${i}; Domain=flood.invalid`, {
              browsers: rejected('InvalidDomain'),
              findings: ['rejected'],
            }),
      );
    }
    return out;
  },
};

export const limitRoutes: RouteSpec[] = [
  limitsSpec(20),
  limitsSpec(50),
  limitsSpec(180),
  limitsSpec(200),
  {
    path: '/limits/clear',
    scenario: 'limits-clear',
    title: 'Delete the limit cookies',
    group: 'Limits',
    summary: `Deletes ${MAX_LIMIT_N} limit cookies (Max-Age=0); ?prefix=NAME picks the prefix.`,
    cookies: (ctx) => {
      const prefix = limitPrefix(ctx);
      const out: CookieCase[] = [];
      for (let i = 0; i < MAX_LIMIT_N; i++) {
        out.push(cookie(`limits-clear/${i}`, `${prefix}_${i}`, `${prefix}_${i}=; Max-Age=0; ${BASE}`, { browsers: CLEARED }));
      }
      return out;
    },
  },
  floodRoute,
];
