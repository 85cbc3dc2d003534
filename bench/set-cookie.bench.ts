/**
 * How fast is evaluateSetCookie on a realistic mix of Set-Cookie lines? A plain script, not a test:
 *   npx tsx bench/set-cookie.bench.ts [rounds]
 * Each call is timed on its own (process.hrtime.bigint, ~50 ns of the figure is the timer
 * itself); the mix rotates request URLs the way a page load does, so URL parsing is included.
 */
import { evaluateSetCookie } from '../src/analysis/set-cookie';

const jwt =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.' +
  Buffer.from(
    JSON.stringify({ sub: '1234567890', name: 'A. User', roles: ['a', 'b'], iat: 1516239022, exp: 1916239022, pad: 'x'.repeat(400) }),
  ).toString('base64url') +
  '.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

/** [Set-Cookie line, request URL]: sessions, analytics, consent, prefixes, deletions, rejections. */
const MIX: ReadonlyArray<readonly [string, string]> = [
  ['SID=31d4d96e407aad42; Path=/; Secure; HttpOnly', 'https://www.example.com/login'],
  ['lang=en-US; Path=/; Domain=example.com', 'https://www.example.com/login'],
  ['_ga=GA1.2.1234567890.1700000000; expires=Tue, 21 Nov 2028 00:00:00 GMT; path=/; domain=.example.com', 'https://www.example.com/'],
  ['_gid=GA1.2.987654321.1700000000; Max-Age=86400; Path=/; Domain=example.com', 'https://www.example.com/'],
  ['__Host-session=9f86d081884c7d659a2feaa0c55ad015; Path=/; Secure; HttpOnly; SameSite=Lax', 'https://app.example.com/dashboard'],
  ['__Secure-token=' + jwt + '; Path=/; Secure; HttpOnly; SameSite=Strict', 'https://app.example.com/api/session'],
  ['JSESSIONID=ABCDEF0123456789ABCDEF0123456789; Path=/app; HttpOnly', 'http://intranet.example.org/app/index.jsp'],
  ['PHPSESSID=el4ukv0kqbvoirg7nkp4dncpk3; path=/', 'http://shop.example.net/cart.php'],
  ['consent=yes; Max-Age=31536000; Path=/; SameSite=None; Secure', 'https://cdn.example.net/consent.js'],
  ['id=a3fWa; Expires=Thu, 21 Oct 2021 07:28:00 GMT; Secure; HttpOnly', 'https://www.example.com/logout'],
  ['sessionid=; Max-Age=0; Path=/', 'https://www.example.com/logout'],
  ['tracker=1; Domain=co.uk; Path=/', 'https://shop.example.co.uk/'],
  ['theme=dark', 'http://localhost:3000/settings'],
  [
    'csrftoken=Zm9vYmFyYmF6cXV4; expires=Sat, 20 Nov 2027 12:00:00 GMT; Max-Age=31449600; Path=/; SameSite=Lax',
    'https://www.example.com/form',
  ],
  [
    '__cf_bm=abc.def-1700000000-0-AbCdEf; path=/; expires=Sat, 21-Nov-26 00:30:00 GMT; domain=.example.com; HttpOnly; Secure; SameSite=None',
    'https://www.example.com/',
  ],
  ['partitioned_pref=1; Secure; Path=/; SameSite=None; Partitioned', 'https://widget.example.org/embed'],
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const rounds = Number(process.argv[2] ?? 20_000);
const now = new Date('2026-11-21T12:00:00Z');

for (let i = 0; i < 2_000; i++) for (const [h, u] of MIX) evaluateSetCookie(h, u, { now });

const samples = new Float64Array(rounds * MIX.length);
let k = 0;
let accepted = 0;
const wall = process.hrtime.bigint();
for (let r = 0; r < rounds; r++) {
  for (const [h, u] of MIX) {
    const t0 = process.hrtime.bigint();
    const res = evaluateSetCookie(h, u, { now });
    samples[k++] = Number(process.hrtime.bigint() - t0) / 1000;
    if (res.accepted) accepted++;
  }
}
const wallMs = Number(process.hrtime.bigint() - wall) / 1e6;
const sorted = Array.from(samples).sort((a, b) => a - b);
const median = percentile(sorted, 50);
const p95 = percentile(sorted, 95);
const p99 = percentile(sorted, 99);

console.log(
  `evaluateSetCookie: ${samples.length.toLocaleString('en')} calls over ${MIX.length} header kinds (${accepted / rounds}/${MIX.length} accepted)`,
);
console.log(`  median ${median.toFixed(2)} µs   p95 ${p95.toFixed(2)} µs   p99 ${p99.toFixed(2)} µs`);
console.log(`  throughput ${Math.round((samples.length / wallMs) * 1000).toLocaleString('en')} headers/s (including timer overhead)`);
console.log(`  target: median < 10 µs … ${median < 10 ? 'met' : 'NOT met'}`);
