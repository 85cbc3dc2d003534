/**
 * Cookies whose purpose the extension should name (issue 16): analytics and marketing tags as real
 * sites set them, a consent banner's answer, a language preference, a framework session, and a
 * cookie holding an e-mail address. The tracker's cookies live on the third-party host (localhost);
 * /purposes embeds a beacon from there (which sets a cookie, so the extension sees the tab talk to
 * that third party: it logs only requests and responses that carry cookies).
 */
import type { RouteSpec } from '../types';
import { BASE, cookie, DAY, rejected, stored } from './helpers';

const DB = 'open-cookie-database' as const;
/** The e-mail address the `contact` cookie holds: it must never appear in what the extension shows or saves. */
export const PURPOSE_EMAIL = 'jane.doe@example.com';

export const purposeRoutes: RouteSpec[] = [
  {
    path: '/purposes',
    scenario: 'purposes',
    title: 'Cookie purposes',
    group: 'Purposes and personal data',
    summary:
      'Google Analytics, Google Ads, TikTok and Meta Pixel cookies, a consent answer, a language preference, a Laravel session and a cookie holding an e-mail address; a beacon from the tracker host.',
    notes: ['Open /purposes/tracker on the third-party host first: its cookies then belong to a third party this page talks to.'],
    cookies: () => [
      cookie('purposes/ga', '_ga', `_ga=GA1.1.1234567890.1700000000; Max-Age=${400 * DAY}; ${BASE}`, {
        browsers: stored({ expires: 400 * DAY }),
        purpose: { category: 'analytics', source: DB, platform: 'Google Analytics' },
      }),
      cookie('purposes/ga-stream', '_ga_PURPOSES1', `_ga_PURPOSES1=GS1.1.1700000000.1.0.1700000000.0.0.0; Max-Age=${400 * DAY}; ${BASE}`, {
        browsers: stored({ expires: 400 * DAY }),
        purpose: { category: 'analytics', source: DB, platform: 'Google Analytics' },
        note: 'Matched by prefix: the database lists `_ga_` as a wildcard entry.',
      }),
      cookie('purposes/gcl', '_gcl_au', `_gcl_au=1.1.1234567890.1700000000; Max-Age=${90 * DAY}; ${BASE}`, {
        browsers: stored({ expires: 90 * DAY }),
        purpose: { category: 'marketing', source: DB, platform: 'Google' },
      }),
      cookie('purposes/ttp', '_ttp', `_ttp=2aBcDeFgHiJkLmNoPqRsTuVwXyZ; Max-Age=${390 * DAY}; ${BASE}`, {
        browsers: stored({ expires: 390 * DAY }),
        purpose: { category: 'marketing', source: DB, platform: 'TikTok' },
      }),
      cookie('purposes/fbp', '_fbp', `_fbp=fb.1.1700000000000.1234567890; Max-Age=${90 * DAY}; ${BASE}`, {
        browsers: stored({ expires: 90 * DAY }),
        purpose: { category: 'marketing', source: DB, platform: 'Facebook' },
        note: "The Meta Pixel's cookie in the site's own jar: the database ties `_fbp` to facebook.com (3rd party), and its tag sets it on any site.",
      }),
      cookie(
        'purposes/consent',
        'CookieConsent',
        `CookieConsent={stamp:%27-1%27%2Cnecessary:true%2Cmarketing:false}; Max-Age=${365 * DAY}; ${BASE}`,
        {
          browsers: stored({ expires: 365 * DAY }),
          purpose: { category: 'necessary', source: 'rule', rule: 'consent' },
        },
      ),
      cookie('purposes/lang', 'lang', `lang=ko; Max-Age=${365 * DAY}; ${BASE}`, {
        browsers: stored({ expires: 365 * DAY }),
        purpose: { category: 'personalization', source: 'rule', rule: 'preference' },
      }),
      cookie('purposes/session', 'laravel_session', `laravel_session=k3J9xQ2mZp7LwR4vT8bN1cY6aB5dE0fG; ${BASE}`, {
        browsers: stored({ expires: 'session' }),
        findings: ['session-id-default-name'],
        purpose: { category: 'necessary', source: 'rule', rule: 'session identifier' },
      }),
      cookie('purposes/contact', 'contact', `contact=${encodeURIComponent(PURPOSE_EMAIL)}; Path=/; SameSite=Lax`, {
        browsers: stored({ expires: 'session', httpOnly: false, secure: false }),
        findings: ['missing-httponly', 'missing-secure', 'personal-data-in-cookie'],
        purpose: { category: 'unknown', source: 'unknown' },
        note: 'A member e-mail address in a cookie: the seed notes warn against exactly this.',
      }),
    ],
  },
  {
    path: '/purposes/tracker',
    scenario: 'purposes-tracker',
    title: 'Tracker cookies',
    group: 'Purposes and personal data',
    summary: 'On the third-party host: LinkedIn and Matomo cookies, as a tracker sets them when visited.',
    party: 'third-party',
    cookies: () => [
      cookie('purposes-tracker/li', 'li_sugr', `li_sugr=3d5b8a2c-1f2e-4d3c-9b8a-7c6d5e4f3a2b; Max-Age=${90 * DAY}; ${BASE}`, {
        browsers: stored({ expires: 90 * DAY }),
        purpose: { category: 'marketing', source: DB, platform: 'LinkedIn' },
      }),
      cookie('purposes-tracker/pk', '_pk_id.1.1fff', `_pk_id.1.1fff=3a2b1c0d9e8f7a6b.1700000000.; Max-Age=${393 * DAY}; ${BASE}`, {
        browsers: stored({ expires: 393 * DAY }),
        purpose: { category: 'analytics', source: DB, platform: 'Piwik' },
      }),
    ],
  },
  {
    path: '/purposes/beacon',
    scenario: 'purposes-beacon',
    title: 'Tracker beacon',
    group: 'Purposes and personal data',
    summary: 'A 1×1 GIF from the tracker host that refreshes its visit cookie, as a tracking pixel does.',
    party: 'third-party',
    hidden: true,
    notes: ['Outcomes are for the beacon embedded in /purposes (top-level site 127.0.0.1).'],
    cookies: () => [
      cookie('purposes-beacon/pk-ses', '_pk_ses.1.1fff', `_pk_ses.1.1fff=1; Path=/; Max-Age=1800; SameSite=None; Secure`, {
        browsers: {
          chromium: rejected('UserPreferences', 'A fresh Chromium profile blocks third-party cookies.'),
          firefox: stored(
            { sameSite: 'none', secure: true, partitioned: true, expires: 1800 },
            'Stored in the partition of the top-level site.',
          ),
        },
        findings: ['third-party', 'missing-httponly', 'rejected'],
        purpose: { category: 'analytics', source: DB, platform: 'Piwik' },
      }),
    ],
  },
];
