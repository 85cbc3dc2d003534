/**
 * The source archive addons.mozilla.org asks for when the submitted code is bundled: every file
 * git tracks at HEAD, plus BUILD.md with the exact command that reproduces dist/firefox.
 *   npm run package:source   → artifacts/cookie-monitor-source-<version>.zip
 * (https://extensionworkshop.com/documentation/publish/source-code-submission/)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; engines: { node: string } };

export function buildInstructions(version: string, node: string): string {
  return [
    `# Building Cookie & Session Monitor ${version} from this source`,
    '',
    `Requirements: Node.js ${node} with npm 11 (Debian 12 or any Linux/macOS), no other tools.`,
    '',
    '```sh',
    'npm ci',
    'npm run build:firefox   # writes dist/firefox/ — the add-on as submitted',
    '```',
    '',
    'The build is Vite with @crxjs/vite-plugin (vite.config.ts); package-lock.json pins every dependency.',
    'No code is downloaded at build time or at run time.',
    '',
  ].join('\n');
}

function main(): void {
  const out = join(root, 'artifacts');
  mkdirSync(out, { recursive: true });
  const file = join(out, `cookie-monitor-source-${pkg.version}.zip`);
  const extra = mkdtempSync(join(tmpdir(), 'cm-source-'));
  try {
    writeFileSync(join(extra, 'BUILD.md'), buildInstructions(pkg.version, pkg.engines.node));
    const tree = execFileSync('git', ['-C', root, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
    execFileSync('git', ['-C', root, 'archive', '--format=zip', `--output=${file}`, `--add-file=${join(extra, 'BUILD.md')}`, tree]);
    console.log(`wrote ${file} (git HEAD ${tree.slice(0, 12)} + BUILD.md)`);
  } finally {
    rmSync(extra, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
