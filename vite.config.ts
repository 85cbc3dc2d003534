import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig, type Plugin } from 'vite';
import { pageScripts, sizes, staticScriptGraph } from './scripts/bundle-graph';

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

/**
 * The popup's scripts in four files (its entry, `core`, `ui` and the bundler's runtime) instead of
 * eleven. Every chrome-extension:// file is its own request through the browser process, answered
 * one after another: with the default splitting (a chunk per set of pages sharing modules) the
 * popup's first line ran later (bench:popup, page start to `popup-main`). Modules the
 * popup shares with the background go to `core` (the service worker loads it anyway), the rest it
 * shares with other pages to `ui` (never loaded by the worker: no Preact in its start-up); what
 * only the popup uses stays in its entry. The other pages are split as before.
 */
const POPUP_ENTRY = `${resolve(root, 'src/pages/popup')}/`;
const WORKER_ENTRY = resolve(root, 'src/background/index.ts');

function popupChunk(id: string, meta: { getModuleInfo(id: string): { importers: readonly string[] } | null }): string | null {
  let popup = false;
  let worker = false;
  let other = false;
  const seen = new Set<string>();
  const climb = (m: string): void => {
    if (seen.has(m)) return;
    seen.add(m);
    const importers = meta.getModuleInfo(m)?.importers ?? [];
    if (m.startsWith(POPUP_ENTRY)) popup = true;
    else if (m === WORKER_ENTRY) worker = true;
    else if (importers.length === 0) other = true;
    for (const importer of importers) climb(importer);
  };
  climb(id);
  if (!popup || !(worker || other)) return null;
  return worker ? 'core' : 'ui';
}

/** One line after each build: the popup's scripts, gzipped, against its 40 KB budget (issue 5). */
const POPUP_GZIP_BUDGET = 40 * 1024;
function popupSize(outDir: () => string): Plugin {
  return {
    name: 'cookie-monitor:popup-size',
    apply: 'build',
    closeBundle() {
      const dist = outDir();
      const files = sizes(dist, staticScriptGraph(dist, pageScripts(dist, 'src/pages/popup/index.html')));
      const gzip = files.reduce((n, f) => n + f.gzip, 0);
      const verdict = gzip <= POPUP_GZIP_BUDGET ? 'within' : 'OVER';
      this.info(
        `popup JS: ${files.length} files, ${(gzip / 1024).toFixed(1)} KB gzip (${verdict} the ${POPUP_GZIP_BUDGET / 1024} KB budget)`,
      );
    },
  };
}

export default defineConfig(({ mode }) => {
  const browser: Browser = mode === 'firefox' ? 'firefox' : 'chrome';
  const outDir = resolve(root, bench ? 'dist-bench' : 'dist', browser);
  return {
    root,
    publicDir: resolve(root, 'assets'),
    plugins: [crx({ manifest: manifestFor(browser) as unknown as ManifestV3Export, browser }), popupSize(() => outDir)],
    define: {
      __BROWSER__: JSON.stringify(browser),
      __VERSION__: JSON.stringify(pkg.version),
    },
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      // Source maps would ship our sources; stores accept them, but they double the package.
      sourcemap: false,
      minify: true,
      modulePreload: { polyfill: false },
      rollupOptions: { input: extraPages, output: { manualChunks: popupChunk } },
    },
    server: { strictPort: true, port: 5173 },
  };
});
