import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The floor extensions (bench/floors/<name>/), written to dist-floors/<browser>/<name> with the
 * manifest each browser needs: Chromium a service worker, Firefox background.scripts (an event
 * page; it refuses service_worker alone) and a gecko id so the harness can give it a fixed origin.
 */
export type FloorName = 'onchanged' | 'webrequest' | 'popup';
const root = resolve(import.meta.dirname, '../..');

const PERMISSIONS: Record<FloorName, string[]> = {
  onchanged: ['cookies'],
  webrequest: ['cookies', 'webRequest'],
  popup: ['cookies'],
};

export function buildFloor(name: FloorName, browser: 'chromium' | 'firefox'): string {
  const src = resolve(import.meta.dirname, name);
  const out = resolve(root, 'dist-floors', browser, name);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const f of readdirSync(src)) copyFileSync(resolve(src, f), resolve(out, f));
  const manifest = {
    manifest_version: 3,
    name: `floor-${name}`,
    version: '1.0.0',
    permissions: PERMISSIONS[name],
    host_permissions: ['<all_urls>'],
    background: browser === 'firefox' ? { scripts: ['background.js'] } : { service_worker: 'background.js' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: `floor-${name}@cookie-monitor.dev`, strict_min_version: '140.0' } } }
      : {}),
  };
  writeFileSync(resolve(out, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return out;
}
