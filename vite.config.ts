import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';

/**
 * One manifest (manifest.json), two builds: `vite build --mode chrome` → dist/chrome and
 * `vite build --mode firefox` → dist/firefox. The differences each browser insists on live here:
 * - Chrome runs `background.service_worker` (module); a manifest with only `scripts` loads but
 *   runs no background at all.
 * - Firefox refuses a service-worker-only background ("currently disabled") and needs
 *   `background.scripts`; it also requires `browser_specific_settings.gecko`, which Chrome
 *   reports as an unrecognised key.
 */
type Browser = 'chrome' | 'firefox';

const root = import.meta.dirname;
const base = JSON.parse(readFileSync(resolve(root, 'manifest.json'), 'utf8')) as Record<string, unknown> & {
  background: { service_worker: string; type?: string };
};
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };

export function manifestFor(browser: Browser): Record<string, unknown> {
  const { background, browser_specific_settings, ...rest } = base;
  const common = { ...rest, version: pkg.version };
  if (browser === 'firefox') {
    return {
      ...common,
      background: { scripts: [background.service_worker], type: 'module' },
      browser_specific_settings,
    };
  }
  return { ...common, background };
}

/** Pages reached only at run time (devtools.panels.create, tabs.create) must be Rollup inputs. */
const extraPages: Record<string, string> = {
  panel: resolve(root, 'src/pages/panel/index.html'),
  report: resolve(root, 'src/pages/report/index.html'),
};

/**
 * `CM_BENCH=1` builds a benchmark variant into dist-bench/: the same extension plus a page that
 * drives the real recorder and raw Dexie side by side (bench/page). Never part of a release.
 */
const bench = process.env['CM_BENCH'] === '1';
if (bench) extraPages['bench'] = resolve(root, 'bench/page/index.html');

export default defineConfig(({ mode }) => {
  const browser: Browser = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    root,
    publicDir: resolve(root, 'assets'),
    plugins: [crx({ manifest: manifestFor(browser) as unknown as ManifestV3Export, browser })],
    define: {
      __BROWSER__: JSON.stringify(browser),
      __VERSION__: JSON.stringify(pkg.version),
    },
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    build: {
      outDir: resolve(root, bench ? 'dist-bench' : 'dist', browser),
      emptyOutDir: true,
      target: 'es2022',
      // Source maps would ship our sources; stores accept them, but they double the package.
      sourcemap: false,
      minify: true,
      modulePreload: { polyfill: false },
      rollupOptions: { input: extraPages },
    },
    server: { strictPort: true, port: 5173 },
  };
});
