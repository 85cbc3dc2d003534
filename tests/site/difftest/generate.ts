/**
 * Generates differential test cases: short sequences of responses whose Set-Cookie lines come from
 * the RFC 6265bis grammar and its edges, as raw bytes. Lines are built as "byte strings" (one
 * char per byte, Latin-1) so controls, DEL and invalid UTF-8 survive to the wire unchanged.
 */
import { type Rng, rng } from './random';

/** A registrable domain under a real public suffix (co.uk), so Domain=co.uk is a public suffix. */
export const SITE = 'cookie-diff.co.uk';
/** Every host a case may use; the drivers map them to 127.0.0.1. */
export const HOSTS = [SITE, `www.${SITE}`, `a.b.${SITE}`];

export type Scheme = 'http' | 'https';

export interface Step {
  scheme: Scheme;
  host: string;
  /** Request path (no query: the server keys responses by query). */
  path: string;
  /** Byte strings (Latin-1), one per Set-Cookie header. */
  lines: string[];
}

export interface DiffCase {
  seed: number;
  index: number;
  steps: Step[];
  /** Where the Cookie header is read back after the last step. */
  echo: { scheme: Scheme; host: string; path: string };
}

const utf8 = (s: string) => Buffer.from(s, 'utf8').toString('latin1');

const PATHS = ['/', '/a', '/a/', '/a/b', '/a/b/c', '/A/b', '/ab', '/a/bc'];

/** One character of a name or value, as a byte string, weighted across the classes that matter. */
function charPicker(r: Rng): string {
  const k = r.int(0, 99);
  if (k < 45) return r.pick(['a', 'b', 'z', 'A', '0', '9', '_', '-', '.', '!', '#', '$', '%', '&', "'", '*', '+', '^', '`', '|', '~']);
  if (k < 55) return r.pick([' ', '\t', '"', ',', '\\', '/', ':', '<', '>', '?', '@', '[', ']', '{', '}', '(', ')']);
  if (k < 62) return '=';
  if (k < 68) return String.fromCharCode(r.pick([0x01, 0x02, 0x08, 0x0b, 0x0c, 0x0e, 0x1f, 0x7f]));
  if (k < 80) return utf8(r.pick(['é', 'ü', '漢', '€', '\u00a0', '😀', '\u200b', 'ß']));
  if (k < 88) return String.fromCharCode(r.pick([0x80, 0xbf, 0xc3, 0xe2, 0xed, 0xf0, 0xfe, 0xff]));
  if (k < 94) return utf8('%') + r.pick(['20', '3B', '00', 'zz']);
  return r.pick(['__Secure-', '__Host-', '__secure-', '__HOST-', '$']);
}
function text(r: Rng, max: number): string {
  const n = r.int(0, max);
  let s = '';
  for (let i = 0; i < n; i++) s += charPicker(r);
  return s;
}

function randomCase(r: Rng, s: string): string {
  let out = '';
  for (const ch of s) out += r.chance(0.5) ? ch.toUpperCase() : ch.toLowerCase();
  return out;
}

const NAMES = ['a', 'b', 'sid', '__Secure-a', '__Host-a', '__secure-b', '__host-B', 'A', ''];

function namePart(r: Rng, names: string[]): string {
  if (r.chance(0.6) && names.length) return r.pick(names);
  if (r.chance(0.5)) return r.pick(NAMES);
  return text(r, 6);
}

function pair(r: Rng, names: string[]): string {
  const k = r.int(0, 99);
  const sp = () => r.pick(['', '', '', ' ', '\t', '  ']);
  if (k < 4) return text(r, 5); // no "="
  if (k < 8) {
    // Around the 4096-byte name+value limit.
    const name = r.pick(['a', '', 'big']);
    const total = 4096 + r.int(-2, 2);
    const fill = r.chance(0.3) ? utf8('é') : 'x';
    let value = '';
    while (value.length + fill.length <= total - name.length) value += fill;
    return `${name}=${value}`;
  }
  const name = namePart(r, names);
  const value = r.chance(0.5) ? r.pick(['1', '2', '', 'v', '"q"', 'a=b', '=', ' x ']) : text(r, 8);
  return `${sp()}${name}${sp()}=${sp()}${value}${sp()}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function date(r: Rng, now: number): string {
  const k = r.int(0, 99);
  if (k < 8)
    return r.pick([
      '',
      'not a date',
      '0',
      'Thu, 31 Feb 2030 00:00:00 GMT',
      '31 Dec 9999 23:59:59',
      'Jan 1 1600 00:00:00',
      'Jan 1 1601 00:00:00',
      'Jan 1 10000 00:00:00',
      '1 Jan 69 0:0:0',
      '1 Jan 70 0:0:0',
      'Jan 1 2030 24:00:00',
      'Jan 1 2030 23:60:00',
      '2030-01-01T00:00:00Z',
      'Jan 32 2030 00:00:00',
    ]);
  const offsets = [-86_400, -1, 0, 60, 3600, 86_400 * 30, 86_400 * 399, 86_400 * 400, 86_400 * 401, 86_400 * 3650];
  const d = new Date(now + r.pick(offsets) * 1000 + r.int(0, 59) * 1000);
  const [Y, M, D, h, m, s, w] = [
    d.getUTCFullYear(),
    d.getUTCMonth(),
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCDay(),
  ];
  const hms = `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}`;
  switch (r.int(0, 6)) {
    case 0:
      return `${DAYS[w]}, ${pad(D, 2)} ${MONTHS[M]} ${Y} ${hms} GMT`;
    case 1:
      return `${DAYS[w]}day, ${pad(D, 2)}-${MONTHS[M]}-${pad(Y % 100, 2)} ${hms} GMT`;
    case 2:
      return `${DAYS[w]} ${MONTHS[M]} ${String(D).padStart(2, ' ')} ${hms} ${Y}`;
    case 3:
      return `${D}-${randomCase(r, MONTHS[M] ?? 'Jan')}-${Y} ${h}:${m}:${s}`;
    case 4:
      return `${Y} ${MONTHS[M]} ${D} ${hms}`;
    case 5:
      return `${pad(D, 2)} ${MONTHS[M]}uary ${Y} ${hms} +0200`;
    default:
      return `${DAYS[w]}, ${D} ${MONTHS[M]} ${Y % 100} ${hms} GMT`;
  }
}

function domainValue(r: Rng, host: string): string {
  const parent = host.split('.').slice(1).join('.');
  return r.pick([
    host,
    host,
    SITE,
    SITE,
    `.${SITE}`,
    `${SITE}.`,
    `..${SITE}`,
    SITE.toUpperCase(),
    parent,
    `.${host}`,
    'co.uk',
    '.co.uk',
    'uk',
    'other-site.com',
    '127.0.0.1',
    'localhost',
    '',
    '.',
    `www.${SITE}`,
    `x.${host}`,
    'xn--bcher-kva.co.uk',
    utf8('bücher.co.uk'),
    `%63ookie-diff.co.uk`,
    `${SITE}:443`,
    ` ${SITE} `,
    `${'a'.repeat(1020)}.${SITE}`,
  ]);
}

function attribute(r: Rng, host: string, now: number): string {
  const name = (n: string) => (r.chance(0.3) ? randomCase(r, n) : n);
  const eq = () => r.pick(['=', '=', '=', ' = ', '= ', ' =', '\t=\t']);
  const k = r.int(0, 13);
  switch (k) {
    case 0:
      return `${name('Domain')}${eq()}${domainValue(r, host)}`;
    case 1: {
      const paths = [...PATHS, '', 'a', 'a/b', '/a b', utf8('/é'), '/%61', '/a?x', `/${'p'.repeat(r.int(1018, 1026))}`];
      return `${name('Path')}${eq()}${r.pick(paths)}`;
    }
    case 2:
      return `${name('Expires')}${eq()}${date(r, now)}`;
    case 3:
      return `${name('Max-Age')}${eq()}${r.pick(['0', '-1', '-0', '00', '+3600', '3600', '60', '1e3', '1.5', '0x10', ' 60', '+', '-', '', '99999999999999999999', '-99999999999999999999', '34560000', '34560001', '9223372036854775807', '9223372036854775808', '++1', '+-1', utf8('٣'), '3600s'])}`;
    case 4:
      return `${name('SameSite')}${r.chance(0.8) ? eq() + r.pick(['Strict', 'Lax', 'None', 'strict', 'LAX', 'none', 'bogus', '', 'None ', 'Lax;']) : ''}`;
    case 5:
    case 6:
      return `${name('Secure')}${r.chance(0.1) ? '=false' : ''}`;
    case 7:
      return `${name('HttpOnly')}${r.chance(0.1) ? '=0' : ''}`;
    case 8:
      return `${name('Partitioned')}${r.chance(0.1) ? '=1' : ''}`;
    case 9:
      return `${name('Priority')}${eq()}${r.pick(['Low', 'Medium', 'High', 'high', 'bogus', ''])}`;
    case 10:
      return r.pick([
        'Version=1',
        'Comment=x',
        'Foo',
        'Secure2',
        'Max-Agee=5',
        '',
        ' ',
        'Domain',
        'Path',
        '=',
        'SameParty',
        `${'x'.repeat(r.int(1020, 1030))}=1`,
      ]);
    case 11:
      return `${name(r.pick(['Path', 'Domain', 'Max-Age', 'SameSite']))}${eq()}${'v'.repeat(r.int(1022, 1026))}`;
    case 12:
      return text(r, 6);
    default:
      return `${name('Path')}=/`;
  }
}

function line(r: Rng, host: string, now: number, names: string[]): string {
  let s = pair(r, names);
  const n = r.int(0, 5);
  for (let i = 0; i < n; i++) s += r.pick([';', '; ', ' ; ', ';\t', ';;']) + attribute(r, host, now);
  if (r.chance(0.05)) s += ';';
  if (r.chance(0.05)) s = ` ${s}`;
  return s;
}

export function generateCase(seed: number, index: number, now: number): DiffCase {
  const r = rng(seed, index);
  const local = r.chance(0.2);
  const origin = (): { scheme: Scheme; host: string } =>
    local
      ? { scheme: r.chance(0.7) ? 'http' : 'https', host: 'localhost' }
      : { scheme: r.chance(0.5) ? 'http' : 'https', host: r.pick(HOSTS) };
  const names: string[] = [];
  for (let i = r.int(1, 2); i > 0; i--) names.push(namePart(r, []));
  const steps: Step[] = [];
  for (let i = r.chance(0.7) ? 1 : r.int(2, 3); i > 0; i--) {
    const o = origin();
    const lines: string[] = [];
    for (let j = r.chance(0.5) ? 1 : r.int(2, 4); j > 0; j--) lines.push(line(r, o.host, now, names));
    steps.push({ ...o, path: r.pick(PATHS), lines });
  }
  return { seed, index, steps, echo: { ...origin(), path: r.pick(PATHS) } };
}
