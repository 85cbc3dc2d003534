/**
 * --accept-consent: finds a consent banner's accept button and clicks it. First the accept buttons of
 * common consent platforms by selector (docs/CLI.md lists them), then, for banners of no known
 * platform, a button whose whole text is a usual "accept" wording. Every frame is searched: several
 * platforms show their banner in an iframe.
 */
import type { Frame, Page } from 'puppeteer-core';
import type { ConsentPurpose, CookieRef } from '../../src/analysis/consent';
import { registrableDomain } from '../../src/analysis/domain';
import { purposeOf } from '../../src/analysis/purpose';

export const CONSENT_PLATFORMS: ReadonlyArray<{ name: string; selectors: readonly string[] }> = [
  { name: 'OneTrust', selectors: ['#onetrust-accept-btn-handler', '#accept-recommended-btn-handler'] },
  { name: 'Cookiebot', selectors: ['#CybotCookiebotDialogBodyLevelButtonLevelOptinAllowAll', '#CybotCookiebotDialogBodyButtonAccept'] },
  { name: 'Didomi', selectors: ['#didomi-notice-agree-button'] },
  { name: 'Quantcast Choice', selectors: ['.qc-cmp2-summary-buttons button[mode="primary"]'] },
  { name: 'TrustArc', selectors: ['#truste-consent-button'] },
  { name: 'Usercentrics', selectors: ['[data-testid="uc-accept-all-button"]'] },
  { name: 'Sourcepoint', selectors: ['button.sp_choice_type_11'] },
  { name: 'Google Funding Choices', selectors: ['.fc-cta-consent'] },
  { name: 'Osano', selectors: ['.osano-cm-accept-all'] },
  { name: 'CookieYes', selectors: ['.cky-btn-accept'] },
  { name: 'Complianz', selectors: ['.cmplz-accept'] },
  { name: 'Iubenda', selectors: ['.iubenda-cs-accept-btn'] },
  { name: 'Borlabs Cookie', selectors: ['a._brlbs-btn-accept-all'] },
  { name: 'Klaro', selectors: ['.cm-btn-accept-all'] },
  { name: 'Cookie Consent by Osano (open source)', selectors: ['.cc-allow'] },
];

/** Whole button texts (case and spacing ignored) that accept every cookie. */
export const ACCEPT_TEXTS: readonly string[] = [
  'accept all',
  'accept all cookies',
  'accept cookies',
  'allow all',
  'allow all cookies',
  'allow cookies',
  'i accept',
  'i agree',
  'agree',
  'accept',
  'agree and close',
  'accept and close',
  'alle akzeptieren',
  'akzeptieren',
  'tout accepter',
  'accepter',
  'aceptar todo',
  'aceptar',
  'accetta tutti',
  'accetta',
  'alles accepteren',
  '모두 허용',
  '모두 동의',
  '동의',
  '同意する',
  'すべて受け入れる',
];

export interface ConsentClick {
  /** The platform whose selector matched, or `text: "<wording>"`. */
  by: string;
  frameUrl: string;
}

async function clickIn(frame: Frame): Promise<string | null> {
  for (const p of CONSENT_PLATFORMS) {
    for (const sel of p.selectors) {
      const hit = await frame
        .$eval(sel, (el) => {
          const box = (el as HTMLElement).getBoundingClientRect();
          if (box.width === 0 || box.height === 0) return false;
          (el as HTMLElement).click();
          return true;
        })
        .catch(() => false);
      if (hit) return p.name;
    }
  }
  const text = await frame
    .evaluate((texts: readonly string[]) => {
      const norm = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();
      for (const el of Array.from(
        document.querySelectorAll<HTMLElement>('button, a, [role="button"], input[type="button"], input[type="submit"]'),
      )) {
        const label = norm(el instanceof HTMLInputElement ? el.value : (el.textContent ?? ''));
        const box = el.getBoundingClientRect();
        if (box.width > 0 && box.height > 0 && texts.includes(label)) {
          el.click();
          return label;
        }
      }
      return null;
    }, ACCEPT_TEXTS)
    .catch(() => null);
  return text === null ? null : `text: "${text}"`;
}

/** Clicks the first accept button found in the page or its frames; null when there is none. */
export async function acceptConsent(page: Page): Promise<ConsentClick | null> {
  for (const frame of page.frames()) {
    const by = await clickIn(frame);
    if (by) return { by, frameUrl: frame.url() };
  }
  return null;
}

/**
 * trackingBeforeConsent's lookup: the extension's own classification (its rules, then the Open
 * Cookie Database). `sites`: registrable domains of the audited pages; a cookie of any other site
 * is third-party (a third party's cookie with a session-like name is not the site's session).
 */
export function consentPurpose(sites: ReadonlySet<string>): (c: CookieRef) => ConsentPurpose {
  return (c) => {
    const domain = c.domain.replace(/^\./, '').toLowerCase();
    const party = sites.size === 0 ? 'unknown' : sites.has(registrableDomain(domain)) ? 'first' : 'third';
    return purposeOf({ name: c.name, domain }, { party }).category;
  };
}
