/**
 * A minimal HTTP(S) client for the site's own tests: always connects to 127.0.0.1 (so localhost and
 * *.cookie-demo.localhost work without DNS), sends the URL's host in Host/SNI, verifies https
 * against the site's certificate, and returns Set-Cookie lines exactly as sent (UTF-8 decoded).
 */
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';

export interface ClientOptions {
  method?: string;
  cookie?: string;
  body?: string;
  headers?: Record<string, string>;
  /** PEM trust anchor for https. */
  ca?: string;
  /** Needed for responses with control characters in headers. */
  insecureParser?: boolean;
}

export interface ClientResponse {
  status: number;
  headers: IncomingHttpHeaders;
  setCookie: string[];
  body: Buffer;
  text: string;
}

export function fetchRaw(url: string, opts: ClientOptions = {}): Promise<ClientResponse> {
  const u = new URL(url);
  const https = u.protocol === 'https:';
  const headers: Record<string, string> = { Host: u.host, Connection: 'close', ...opts.headers };
  if (opts.cookie !== undefined) headers.Cookie = opts.cookie;
  if (opts.body !== undefined) {
    headers['Content-Type'] ??= 'application/x-www-form-urlencoded';
    headers['Content-Length'] = String(Buffer.byteLength(opts.body));
  }
  const common = {
    host: '127.0.0.1',
    port: Number(u.port),
    path: u.pathname + u.search,
    method: opts.method ?? 'GET',
    headers,
    insecureHTTPParser: opts.insecureParser ?? false,
    agent: false as const,
    maxHeaderSize: 1 << 20,
  };
  return new Promise((resolve, reject) => {
    const onResponse = (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const setCookie: string[] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          if (res.rawHeaders[i]?.toLowerCase() === 'set-cookie') {
            setCookie.push(Buffer.from(res.rawHeaders[i + 1] ?? '', 'latin1').toString('utf8'));
          }
        }
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, setCookie, body, text: body.toString('utf8') });
      });
    };
    const req = https
      ? httpsRequest({ ...common, ca: opts.ca, ...(isIP(u.hostname) ? {} : { servername: u.hostname }) }, onResponse)
      : httpRequest(common, onResponse);
    // Node's parser keeps 2,000 raw header entries (about 1,000 headers) by default; /flood sends more.
    req.maxHeadersCount = 0;
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** `name=value` pairs from Set-Cookie lines, as a Cookie header (for following a flow by hand). */
export function cookieHeaderFrom(lines: string[]): string {
  return lines.map((l) => l.split(';')[0]?.trim() ?? '').join('; ');
}
