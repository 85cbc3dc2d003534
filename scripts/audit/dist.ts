/** Builds the extension for the audit when dist/ is missing or older than its sources. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AuditError } from './timeout';

const root = resolve(import.meta.dirname, '../..');
const SOURCES = ['src', 'assets', 'manifest.json', 'vite.config.ts', 'package-lock.json'];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

export function distDir(browser: 'chromium' | 'firefox'): string {
  return resolve(root, 'dist', browser === 'firefox' ? 'firefox' : 'chrome');
}

export function isStale(browser: 'chromium' | 'firefox'): boolean {
  const manifest = join(distDir(browser), 'manifest.json');
  if (!existsSync(manifest)) return true;
  const built = statSync(manifest).mtimeMs;
  return SOURCES.some((s) => newest(resolve(root, s)) > built);
}

/** Runs the build with its output on stderr (stdout is the command's own). */
export function ensureBuilt(browser: 'chromium' | 'firefox', log: (line: string) => void): void {
  if (!isStale(browser)) return;
  log(`building the extension for ${browser} (dist/ is missing or older than the sources)…`);
  const script = browser === 'firefox' ? 'build:firefox' : 'build:chrome';
  const r = spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: ['ignore', 2, 2], timeout: 600_000 });
  if (r.status !== 0) throw new AuditError(`the extension build failed (npm run ${script}); see the output above`);
}
