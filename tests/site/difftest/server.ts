/**
 * The differential tester's server: an http and an https listener on 127.0.0.1 that answer
 * `?set=KEY` with the Set-Cookie lines registered under KEY, written as raw bytes (Node's
 * setHeader refuses controls and non-Latin-1), and `?echo=KEY` by recording the Cookie header it
 * received. Anything else (a late /favicon.ico of the previous case) gets a 404 without cookies.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { siteCertificate } from '../cert';

export interface DiffServer {
  httpPort: number;
  httpsPort: number;
  /** Registers byte-string lines for `?set=KEY`; resolves with the time the response went out. */
  expectSet(key: string, lines: string[]): Promise<number>;
  /** Resolves with the Cookie header (byte string, "" when absent) of the `?echo=KEY` request. */
  expectEcho(key: string): Promise<string>;
  close(): Promise<void>;
}

interface Waiter<T> {
  resolve(v: T): void;
}

function writeRaw(socket: Socket, status: number, headers: string[]): void {
  const body = status === 200 ? 'ok' : 'not found';
  const head = [
    `HTTP/1.1 ${status} ${status === 200 ? 'OK' : 'Not Found'}`,
    'Content-Type: text/plain',
    'Cache-Control: no-store',
    `Content-Length: ${body.length}`,
    'Connection: close',
    ...headers,
  ];
  socket.end(Buffer.from(`${head.join('\r\n')}\r\n\r\n${body}`, 'latin1'));
}

export async function startDiffServer(): Promise<DiffServer> {
  const cert = await siteCertificate();
  const sets = new Map<string, { lines: string[]; waiter: Waiter<number> }>();
  const echoes = new Map<string, Waiter<string>>();
  const handle = (req: IncomingMessage) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const setKey = url.searchParams.get('set');
    const echoKey = url.searchParams.get('echo');
    const set = setKey === null ? undefined : sets.get(setKey);
    if (set && setKey !== null) {
      sets.delete(setKey);
      const time = Date.now();
      writeRaw(
        req.socket,
        200,
        set.lines.map((l) => `Set-Cookie: ${l}`),
      );
      set.waiter.resolve(time);
      return;
    }
    const echo = echoKey === null ? undefined : echoes.get(echoKey);
    if (echo && echoKey !== null) {
      echoes.delete(echoKey);
      // Node reads header bytes as Latin-1: this is the byte string the browser sent.
      const cookies: string[] = [];
      for (let i = 0; i < req.rawHeaders.length; i += 2)
        if (req.rawHeaders[i]?.toLowerCase() === 'cookie') cookies.push(req.rawHeaders[i + 1] ?? '');
      writeRaw(req.socket, 200, []);
      echo.resolve(cookies.join('; '));
      return;
    }
    writeRaw(req.socket, 404, []);
  };
  const http = createHttpServer(handle);
  const https = createHttpsServer({ cert: cert.cert, key: cert.key }, handle);
  const listen = (s: Server) =>
    new Promise<number>((resolve, reject) => {
      s.once('error', reject);
      s.listen(0, '127.0.0.1', () => resolve((s.address() as AddressInfo).port));
    });
  const stop = (s: Server) =>
    new Promise<void>((resolve) => {
      s.close(() => resolve());
      s.closeAllConnections();
    });
  const [httpPort, httpsPort] = [await listen(http), await listen(https)];
  return {
    httpPort,
    httpsPort,
    expectSet(key, lines) {
      return new Promise((resolve) => sets.set(key, { lines, waiter: { resolve } }));
    },
    expectEcho(key) {
      return new Promise((resolve) => echoes.set(key, { resolve }));
    },
    async close() {
      await Promise.all([stop(http), stop(https)]);
    },
  };
}
