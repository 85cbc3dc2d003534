/**
 * `npm start [-- --firefox] [--headless] [--no-build]`
 *
 * Builds the extension, starts the bundled demo site and opens a browser with the extension on a
 * fresh profile, pointed at the demo. Without a display (or with --headless) it runs the same
 * browser headless and audits the demo's scenarios with the audit command (scripts/audit/), so the
 * command does something useful on any machine.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { main as auditMain } from './audit/main';
import { CHROMIUM_PATH } from './browser/chromium';
import { FIREFOX_PATH } from './browser/firefox';
import { startSite, type Site } from '../tests/site/server';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    firefox: { type: 'boolean' },
    headless: { type: 'boolean' },
    'no-build': { type: 'boolean' },
    port: { type: 'string' },
    'https-port': { type: 'string' },
  },
});
const browserName = values.firefox ? 'firefox' : 'chromium';
const dist = resolve(root, 'dist', browserName === 'firefox' ? 'firefox' : 'chrome');
const executable = browserName === 'firefox' ? FIREFOX_PATH : CHROMIUM_PATH;

function build(): void {
  const script = browserName === 'firefox' ? 'build:firefox' : 'build:chrome';
  const r = spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** The demo prefers fixed ports (bookmarkable); a busy port falls back to a free one. */
async function startDemo(): Promise<Site> {
  const httpPort = Number(values.port ?? 8080);
  const httpsPort = Number(values['https-port'] ?? 8443);
  try {
    return await startSite({ httpPort, httpsPort });
  } catch {
    return startSite();
  }
}

function headful(site: Site): void {
  const url = `${site.http}/`;
  const profile = mkdtempSync(join(tmpdir(), `cookie-monitor-${browserName}-`));
  let child;
  if (browserName === 'firefox') {
    child = spawn(
      'npx',
      [
        'web-ext',
        'run',
        '--source-dir',
        dist,
        `--firefox=${executable}`,
        '--start-url',
        url,
        '--pref',
        'extensions.originControls.grantByDefault=true',
      ],
      { cwd: root, stdio: 'inherit' },
    );
  } else {
    const args = [
      `--user-data-dir=${profile}`,
      '--no-first-run',
      '--disable-background-networking',
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      '--ignore-certificate-errors',
      url,
    ];
    if (process.getuid?.() === 0) args.unshift('--no-sandbox');
    child = spawn(executable, args, { stdio: 'inherit' });
  }
  console.log(`\n${browserName} is open on ${url} with the extension loaded. Ctrl-C stops everything.`);
  const stop = (): void => {
    child.kill();
    void site.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', () => void site.close().then(() => process.exit(0)));
}

/** Scenarios the headless tour visits, in the order a person exploring the demo might. */
const TOUR = [
  '/login',
  '/login?user=alice',
  '/account',
  '/login-insecure',
  '/session',
  '/persistent/max-age',
  '/persistent/over-400-days',
  '/samesite',
  '/prefixes',
  '/size/near',
  '/size/over',
  '/jwt',
  '/hostile',
  '/third-party',
  '/malformed',
  '/logout',
];

/** The headless tour is an audit of the demo: the same command CI runs (docs/CLI.md). */
async function headless(site: Site): Promise<void> {
  console.log(`No display (or --headless): auditing the demo in headless ${browserName}…`);
  const out = resolve(root, 'cookie-audit');
  try {
    const code = await auditMain([
      ...TOUR.map((p) => site.http + p),
      '--browser',
      browserName,
      '--out',
      out,
      '--fail-on',
      'none',
      '--no-build',
    ]);
    if (code !== 0) process.exitCode = code;
    else
      console.log(
        '\nThe same audit for any site: npm run audit -- <url...> (docs/CLI.md). Load dist/ into a browser (see README) for the popup, the panel and the report page.',
      );
  } finally {
    await site.close();
  }
}

if (!existsSync(executable)) {
  console.error(`${executable} not found. Install it: sudo apt-get install -y ${browserName === 'firefox' ? 'firefox-esr' : 'chromium'}`);
  process.exit(1);
}
if (!values['no-build']) build();
const site = await startDemo();
console.log(`Demo site: ${site.http}/  (https: ${site.https}/, third party: ${site.thirdParty}/)`);
const hasDisplay = Boolean(process.env['DISPLAY'] || process.env['WAYLAND_DISPLAY']);
if (values.headless || !hasDisplay) await headless(site);
else headful(site);
