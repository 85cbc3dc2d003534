/**
 * The front door tells the truth: every command, repository path and extension page that the README
 * and the docs give exists, and every command-line tool answers `--help`. Written over all the files
 * (not a list of known mentions) so a rewritten README is checked the same way.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const docs = [
  ...readdirSync(root).filter((f) => f.endsWith('.md')),
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const text = new Map(docs.map((f) => [f, readFileSync(join(root, f), 'utf8')]));

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  bin?: Record<string, string>;
};

/** Top-level folders of the repository whose files the docs may name (build output is not among them). */
const SOURCE_DIRS = ['src', 'scripts', 'tests', 'docs', 'bench', 'bin', 'assets', 'store', 'data'];

function backticked(md: string): string[] {
  return [...md.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!.trim());
}

function mentions(pattern: RegExp): { file: string; found: string }[] {
  return [...text].flatMap(([file, md]) => [...md.matchAll(pattern)].map((m) => ({ file, found: m[1]! })));
}

/** Every HTML page of the extension: the built Chrome tree when present, else what the build is told to emit. */
function extensionPages(): Set<string> {
  const dist = join(root, 'dist', 'chrome');
  if (existsSync(join(dist, 'manifest.json'))) {
    const pages = new Set<string>();
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const full = join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (name.endsWith('.html')) pages.add(relative(dist, full));
      }
    };
    walk(dist);
    return pages;
  }
  const manifest = readFileSync(join(root, 'manifest.json'), 'utf8');
  const vite = readFileSync(join(root, 'vite.config.ts'), 'utf8');
  const declared = [...`${manifest}\n${vite}`.matchAll(/['"](src\/pages\/[\w/-]+\.html)['"]/g)].map((m) => m[1]!);
  const shortPaths = readdirSync(join(root, 'assets')).filter((f) => f.endsWith('.html'));
  return new Set([...declared, ...shortPaths]);
}

describe('commands named in the docs exist', () => {
  const runs = mentions(/npm run ([\w:.-]+)/g);
  test.each(runs.map((r) => [r.found, r.file]))('npm run %s (%s)', (script) => {
    expect(Object.keys(pkg.scripts)).toContain(script);
  });

  test.each(mentions(/npm (start|test)\b/g).map((r) => [r.found, r.file]))('npm %s (%s)', (script) => {
    expect(Object.keys(pkg.scripts)).toContain(script);
  });

  test.each(mentions(/npx ([\w@][\w@/.-]*)/g).map((r) => [r.found, r.file]))('npx %s (%s)', (bin) => {
    const ours = Object.keys(pkg.bin ?? {}).includes(bin);
    expect(ours || existsSync(join(root, 'node_modules', '.bin', bin)), `${bin} is neither our bin nor an installed one`).toBe(true);
  });
});

describe('repository paths named in the docs exist', () => {
  const paths = [...text].flatMap(([file, md]) => {
    const named = backticked(md)
      .map((s) => s.replace(/[?#].*$/, ''))
      .filter((s) => /^[\w.@-]+(\/[\w.@-]+)*\/?$/.test(s) && SOURCE_DIRS.includes(s.split('/')[0]!) && s.includes('/'));
    const linked = [...md.matchAll(/\]\(([^)\s]+)\)/g)]
      .map((m) => m[1]!)
      .filter((l) => !/^(\w+:|#)/.test(l))
      .map((l) => relative(root, resolve(root, dirname(file), l.replace(/#.*$/, ''))));
    return [...named, ...linked].map((p) => [p, file] as const);
  });

  test('the docs name some paths (the extraction works)', () => {
    expect(paths.length).toBeGreaterThan(10);
  });

  test.each(paths)('%s (%s)', (path) => {
    expect(existsSync(join(root, path)), `${path} does not exist`).toBe(true);
  });
});

describe('extension pages named in the docs are built', () => {
  const pages = extensionPages();
  const named = [...text].flatMap(([file, md]) =>
    backticked(md)
      .flatMap((s) =>
        [...s.matchAll(/(^|-extension:\/\/[^/\s]+\/|\s)((?:src\/pages\/[\w/-]+\/)?[\w-]+\.html)(?=[?#\s]|$)/g)].map((m) => ({
          inExtension: m[1]!.startsWith('-extension:'),
          path: m[2]!,
        })),
      )
      // A bare name is a page when it sits in an extension URL or carries a page's name; others are web pages.
      .filter(
        ({ inExtension, path }) =>
          inExtension || path.startsWith('src/pages/') || /^(popup|panel|report|options|devtools)\.html$/.test(path),
      )
      .map(({ path }) => [path, file] as const),
  );

  test.each(named)('%s (%s)', (page) => {
    expect([...pages]).toContain(page);
  });

  test('the short paths reach the report, panel and options pages', () => {
    for (const p of ['report.html', 'panel.html', 'options.html']) expect([...pages]).toContain(p);
  });
});

describe('each command-line tool answers --help', () => {
  const clis = ['audit', 'report', 'bench', 'diff:browsers'];
  test.each(clis)(
    'npm run %s -- --help exits 0',
    (script) => {
      const r = spawnSync('npm', ['run', '--silent', script, '--', '--help'], { cwd: root, encoding: 'utf8', timeout: 90_000 });
      expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
      expect(`${r.stdout}${r.stderr}`).toMatch(/usage|--/i);
    },
    120_000,
  );
});
