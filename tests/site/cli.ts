/**
 * Run the site standalone (the demo): `tsx tests/site/cli.ts [--port 8080] [--https-port 8443]
 * [--host 127.0.0.1] [--verbose]`. Prints the URLs; stops on SIGINT/SIGTERM. With --verbose it
 * prints one line per request with cookie names only, never values.
 */
import { parseArgs } from 'node:util';
import { startSite } from './server';

const { values } = parseArgs({
  options: {
    host: { type: 'string' },
    port: { type: 'string' },
    'https-port': { type: 'string' },
    verbose: { type: 'boolean', short: 'v' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log('Usage: tsx tests/site/cli.ts [--host 127.0.0.1] [--port N] [--https-port N] [--verbose]');
  process.exit(0);
}

function port(value: string | undefined, name: string): number {
  if (value === undefined) return 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    console.error(`invalid --${name}: ${value}`);
    process.exit(2);
  }
  return n;
}

const site = await startSite({
  ...(values.host ? { host: values.host } : {}),
  httpPort: port(values.port, 'port'),
  httpsPort: port(values['https-port'], 'https-port'),
  ...(values.verbose
    ? {
        onRequest: (e) => {
          const sent = e.setCookie.length ? ` set ${e.setCookie.length}` : '';
          console.log(`${e.scheme} ${e.method} ${e.host}${e.url} ${e.status}${sent} cookies: ${e.cookieNames.join(', ') || '-'}`);
        },
      }
    : {}),
});

console.log(`Cookie demo site
  first-party  ${site.http}/   ${site.https}/
  third-party  ${site.thirdParty}/   ${site.thirdPartyHttps}/
  subdomain    ${site.subdomain}/domain/loose
The https certificate is self-signed. Ctrl+C stops.`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void site.close().then(() => process.exit(0));
  });
}
