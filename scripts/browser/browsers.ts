import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHROMIUM_PATH, launchChromium } from './chromium';
import { FIREFOX_PATH, launchFirefox } from './firefox';
import type { BrowserName, ExtensionBrowser } from './types';

const root = resolve(import.meta.dirname, '../..');

export const BROWSERS: Record<BrowserName, { path: string; install: string; dist: string }> = {
  chromium: { path: CHROMIUM_PATH, install: 'sudo apt-get install -y chromium', dist: resolve(root, 'dist/chrome') },
  firefox: { path: FIREFOX_PATH, install: 'sudo apt-get install -y firefox-esr', dist: resolve(root, 'dist/firefox') },
};

/**
 * The browsers this run covers: both unless E2E_BROWSERS narrows it (e.g. `E2E_BROWSERS=firefox`).
 * A missing browser or build is an error with instructions, never a silent skip.
 */
export function selectedBrowsers(): BrowserName[] {
  const wanted = (process.env['E2E_BROWSERS'] ?? 'chromium,firefox')
    .split(',')
    .map((s) => s.trim())
    .filter((s): s is BrowserName => s === 'chromium' || s === 'firefox');
  const problems: string[] = [];
  for (const name of wanted) {
    const b = BROWSERS[name];
    if (!existsSync(b.path)) problems.push(`${name} not found at ${b.path}. Install it with: ${b.install}`);
    if (!existsSync(resolve(b.dist, 'manifest.json'))) problems.push(`${b.dist} is missing. Run: npm run build`);
  }
  if (problems.length > 0) throw new Error(`End-to-end tests cannot run:\n  ${problems.join('\n  ')}`);
  return wanted;
}

export interface LaunchOptions {
  /** Firefox only: extra preferences (e.g. private browsing everywhere). */
  firefoxPrefs?: Record<string, unknown>;
  /** Chromium only: allow the extension in incognito windows. */
  allowIncognito?: boolean;
  /** Called with the fresh profile directory before the browser starts (e.g. to break its storage). */
  prepareProfile?: (dir: string) => void;
  /** Accept invalid TLS certificates (the test site's is self-signed). Default true. */
  ignoreHttpsErrors?: boolean;
}

export async function launch(name: BrowserName, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const dir = BROWSERS[name].dist;
  return name === 'chromium'
    ? launchChromium(dir, {
        allowIncognito: options.allowIncognito === true,
        ignoreHttpsErrors: options.ignoreHttpsErrors !== false,
        ...(options.prepareProfile ? { prepareProfile: options.prepareProfile } : {}),
      })
    : launchFirefox(dir, options.firefoxPrefs, options.prepareProfile, options.ignoreHttpsErrors !== false);
}
