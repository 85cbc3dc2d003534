import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The script files one entry of a built extension loads before its first line runs: the entry and
 * every chunk it imports statically, transitively (paths relative to `dist`). Dynamic imports are
 * left out: they load later, if at all.
 */
export function staticScriptGraph(dist: string, entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(resolve(dist, file), 'utf8');
    for (const m of text.matchAll(/(?:^|[;\s}])(?:import|from)\s*["']((?:\.\.?\/|\/)[^"']+\.js)["']/g)) {
      const spec = m[1]!;
      queue.push(spec.startsWith('/') ? spec.slice(1) : resolve('/', dirname(file), spec).slice(1));
    }
  }
  return [...seen];
}

/** The module scripts an HTML page of the build names (`<script type="module" src>`). */
export function pageScripts(dist: string, html: string): string[] {
  const text = readFileSync(resolve(dist, html), 'utf8');
  return [...text.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) =>
    m[1]!.startsWith('/') ? m[1]!.slice(1) : resolve('/', dirname(html), m[1]!).slice(1),
  );
}

/** The background's scripts: the service worker (Chromium) or the background scripts (Firefox). */
export function workerScripts(dist: string): string[] {
  const manifest = JSON.parse(readFileSync(resolve(dist, 'manifest.json'), 'utf8')) as {
    background: { service_worker?: string; scripts?: string[] };
  };
  const { service_worker: sw, scripts = [] } = manifest.background;
  return staticScriptGraph(dist, sw ? [sw] : scripts);
}

export function sizes(dist: string, files: readonly string[]): { file: string; bytes: number; gzip: number }[] {
  return files.map((file) => {
    const buf = readFileSync(resolve(dist, file));
    return { file, bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
  });
}
