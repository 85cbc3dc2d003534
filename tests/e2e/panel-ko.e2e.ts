import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { PURPOSE_EMAIL } from '../site/catalogue';
import { startSite } from '../site/server';
import { selectedBrowsers } from '../../scripts/browser/browsers';
import { launchChromiumIn } from './harness/popup-locale';

const POLL = { polling: 50, timeout: 20_000 } as const;
const ko = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../assets/_locales/ko/messages.json'), 'utf8')) as Record<
  string,
  { message: string }
>;
const en = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../assets/_locales/en/messages.json'), 'utf8')) as Record<
  string,
  { message: string }
>;

/** The DevTools panel in Korean (Chromium: --lang; Firefox needs a language pack this machine lacks). */
describe.runIf(selectedBrowsers().includes('chromium'))('chromium in Korean: DevTools panel', () => {
  test('views, timeline and findings render the ko messages', async () => {
    const site = await startSite();
    const browser = await launchChromiumIn('ko');
    try {
      const tab = await browser.browser.newPage();
      await tab.goto(`${site.http}/`, { waitUntil: 'load' });
      const tabId = await browser.tabIdOf(tab);
      const panel = await browser.browser.newPage();
      await panel.goto(`${browser.origin}/src/pages/panel/index.html?tabId=${tabId}`, { waitUntil: 'load' });
      await panel.waitForFunction(() => document.documentElement.dataset['loaded'] === 'true', POLL);
      // The open panel watches the tab: its headers are recorded from now on.
      await tab.bringToFront();
      await tab.goto(`${site.http}/login-insecure`, { waitUntil: 'load' });
      await tab.goto(`${site.http}/samesite`, { waitUntil: 'load' });
      await panel.bringToFront();
      await panel.waitForSelector('[role=option][data-kind][data-outcome=rejected]', POLL);

      expect(await panel.evaluate(() => document.documentElement.lang)).toBe('ko');
      for (const view of ['timeline', 'cookies', 'sessions', 'limits', 'findings']) {
        const label = await panel.$eval(`[data-testid=tab-${view}]`, (e) => e.firstChild?.textContent ?? '');
        expect(label.trim()).toBe(ko[`panel_view_${view}`]!.message);
      }
      await panel.click('[data-testid=tab-findings]');
      await panel.waitForSelector('[data-finding]', POLL);
      const findings = await panel.$$eval('[data-finding]', (els) => els.map((e) => e.textContent ?? ''));
      expect(findings.length).toBeGreaterThan(0);
      expect(findings.every((text) => /[가-힣]/.test(text))).toBe(true);

      const text = await panel.evaluate(() => document.body.innerText);
      // No message left untranslated, no placeholder left unfilled.
      expect(text).not.toMatch(/__MSG_|\$[A-Z_]+\$/);
      expect(text).not.toContain(en['panel_view_findings']!.message);
    } finally {
      await browser.close();
      await site.close();
    }
  });

  test('personal-data-in-cookie says which data and where in Korean, in the panel and the report page', async () => {
    const site = await startSite();
    const browser = await launchChromiumIn('ko');
    try {
      const tab = await browser.browser.newPage();
      await tab.goto(`${site.http}/purposes`, { waitUntil: 'load' });
      const tabId = await browser.tabIdOf(tab);
      const want = `(${ko['ui_pd_kind_email']!.message})가 ${ko['ui_pd_where_value']!.message}에`;
      const english = [en['ui_pd_kind_email']!.message, en['ui_pd_where_value']!.message];

      const panel = await browser.browser.newPage();
      await panel.goto(`${browser.origin}/src/pages/panel/index.html?tabId=${tabId}`, { waitUntil: 'load' });
      await panel.waitForFunction(() => document.documentElement.dataset['loaded'] === 'true', POLL);
      await panel.click('[data-testid=tab-findings]');
      const inPanel = await panel.waitForSelector('[data-finding="personal-data-in-cookie"]', POLL);
      const panelText = (await inPanel!.evaluate((e) => e.textContent)) ?? '';

      const report = await browser.browser.newPage();
      await report.goto(`${browser.origin}/src/pages/report/index.html?tabId=${tabId}`, { waitUntil: 'load' });
      const inReport = await report.waitForSelector('[data-finding="personal-data-in-cookie"]', POLL);
      const reportText = (await inReport!.evaluate((e) => e.textContent)) ?? '';

      for (const [where, text] of [
        ['panel', panelText],
        ['report', reportText],
      ]) {
        expect({ where, text: text!.includes(want) }).toEqual({ where, text: true });
        expect({ where, english: english.filter((e) => text!.includes(e)) }).toEqual({ where, english: [] });
        expect(text).not.toContain(PURPOSE_EMAIL);
      }
    } finally {
      await browser.close();
      await site.close();
    }
  });
});
