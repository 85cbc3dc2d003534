import { BROWSER, browser } from './browser';

export interface BrowserInfo {
  name: 'Chromium' | 'Chrome' | 'Firefox' | string;
  version: string;
}

/**
 * Firefox answers `runtime.getBrowserInfo()`; Chromium has no such API, so its version comes from
 * the user-agent client hints (or the UA string where hints are absent).
 */
export async function getBrowserInfo(): Promise<BrowserInfo> {
  if (BROWSER === 'firefox' && typeof browser.runtime.getBrowserInfo === 'function') {
    const info = await browser.runtime.getBrowserInfo();
    return { name: info.name, version: info.version };
  }
  const nav = globalThis.navigator as Navigator & {
    userAgentData?: { brands?: Array<{ brand: string; version: string }> };
  };
  const brands = nav.userAgentData?.brands ?? [];
  const brand = brands.find((b) => /Chrom/.test(b.brand));
  if (brand) return { name: brand.brand, version: brand.version };
  const m = /(Chrom(?:e|ium))\/([\d.]+)/.exec(nav.userAgent);
  return { name: m?.[1] ?? 'Chromium', version: m?.[2] ?? 'unknown' };
}
