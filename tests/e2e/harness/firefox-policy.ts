/**
 * Firefox keeps a temporary add-on out of private windows, and nothing a test can reach through
 * BiDi grants it. An enterprise policy can (`ExtensionSettings` → the add-on id →
 * `private_browsing: true`); Firefox reads it from /etc/firefox/policies/policies.json at start-up,
 * so writing it needs root (as CI and this machine run). Other runs on the same machine may use
 * that file at the same time: entries are merged in, never removed, and the file is replaced
 * atomically.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BROWSERS } from '../../../scripts/browser/browsers';

export const FIREFOX_POLICY_FILE = process.env['FIREFOX_POLICY_FILE'] ?? '/etc/firefox/policies/policies.json';

type Policies = { policies?: { ExtensionSettings?: Record<string, Record<string, unknown>> } & Record<string, unknown> } & Record<
  string,
  unknown
>;

/** `existing` with the add-on allowed in private windows; the same object when it already is. */
export function withPrivateBrowsing(existing: Policies, geckoId: string): Policies {
  if (existing.policies?.ExtensionSettings?.[geckoId]?.['private_browsing'] === true) return existing;
  const policies = existing.policies ?? {};
  const settings = policies.ExtensionSettings ?? {};
  return {
    ...existing,
    policies: { ...policies, ExtensionSettings: { ...settings, [geckoId]: { ...settings[geckoId], private_browsing: true } } },
  };
}

/** The built add-on's id (dist/firefox/manifest.json). */
export function builtGeckoId(): string {
  const manifest = JSON.parse(readFileSync(join(BROWSERS.firefox.dist, 'manifest.json'), 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  };
  return manifest.browser_specific_settings.gecko.id;
}

/** Makes Firefox (started after this) let the add-on into private windows. Idempotent. */
export function allowAddonInPrivateWindows(geckoId = builtGeckoId(), file = FIREFOX_POLICY_FILE): void {
  let existing: Policies = {};
  if (existsSync(file)) {
    const text = readFileSync(file, 'utf8');
    try {
      existing = JSON.parse(text) as Policies;
    } catch (err) {
      // Never overwrite a file someone else wrote and we cannot read.
      throw new Error(`${file} is not valid JSON; fix or remove it by hand: ${String(err)}`);
    }
  }
  const next = withPrivateBrowsing(existing, geckoId);
  if (next === existing) return;
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(next, null, 2)}\n`);
  renameSync(tmp, file);
}
