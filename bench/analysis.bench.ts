/**
 * Can the popup afford the analysis? Its target is a ratio to the floor popup (docs/BENCHMARKS.md),
 * so classification, findings and limits over 3,000 cookies should take a small fraction of the floor's time. A plain script, not a test:
 *   npx tsx bench/analysis.bench.ts [runs]
 *   npx tsx bench/analysis.bench.ts cold   (first run only, e.g. with node --cpu-prof)
 * 3,000 cookies over 300 registrable domains (one at the Chromium limit), a realistic mix of
 * session IDs, JWTs, analytics and Domain cookies, plus 300 observations. Deterministic input.
 */
import { analyze, computeFindings } from '../src/analysis/findings';
import { classifyCookies } from '../src/analysis/classify';
import { domainUsage, nextEvictions } from '../src/analysis/limits';
import { cookieFromSnapshot, type CookieInfo, type CookieSnapshot } from '../src/model/cookie';
import { CHROMIUM_PROFILE } from '../src/model/limits';
import type { FindingObservation } from '../src/model/observation';

const NOW = Date.UTC(2026, 0, 1);
const COOKIES = 3000;
const DOMAINS = 300;

// Small deterministic PRNG (mulberry32) so every run measures the same input.
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(42);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const hex = (n: number): string => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
const b64 = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
const S = NOW / 1000;

const NAMES = [
  'PHPSESSID',
  'JSESSIONID',
  'sessionid',
  '_ga',
  '_gid',
  'consent',
  'lang',
  'theme',
  'auth_token',
  '__Host-id',
  'AWSALB',
  'pref',
];
const SUFFIXES = ['com', 'co.uk', 'github.io', 'de', 'org'];

function value(name: string): string {
  if (name === 'auth_token')
    return `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: hex(8), iat: S - 60, exp: S + 86_400 * 30 })}.${hex(43)}`;
  if (name === '_ga') return `GA1.2.${Math.floor(rand() * 1e9)}.${Math.floor(S)}`;
  if (['lang', 'theme', 'consent', 'pref'].includes(name)) return pick(['en', 'dark', 'yes', '1']);
  return hex(32);
}

function makeCookies(): CookieInfo[] {
  const out: CookieInfo[] = [];
  for (let i = 0; i < COOKIES; i++) {
    // Domain 0 sits at the Chromium limit (180); the rest share what is left.
    const d = i < 180 ? 0 : 1 + ((i - 180) % (DOMAINS - 1));
    const site = `site${d}.${SUFFIXES[d % SUFFIXES.length]}`;
    const base = pick(NAMES);
    const name = i < 180 || out.some((c) => c.name === base && c.domain.endsWith(site)) ? `${base}_${i}` : base;
    const domainCookie = rand() < 0.3;
    const snap: CookieSnapshot = {
      name,
      value: value(base),
      domain: domainCookie ? `.${site}` : `${pick(['www', 'app', 'api'])}.${site}`,
      hostOnly: !domainCookie,
      path: '/',
      secure: rand() < 0.7,
      httpOnly: rand() < 0.5,
      sameSite: pick(['no_restriction', 'lax', 'strict', 'unspecified'] as const),
      session: rand() < 0.4,
      expirationDate: S + Math.floor(rand() * 500) * 86_400,
      storeId: '0',
    };
    out.push(cookieFromSnapshot(snap, { createdAt: NOW - Math.floor(rand() * 1e9) }));
  }
  return out;
}

function makeObservations(cookies: CookieInfo[]): FindingObservation[] {
  const out: FindingObservation[] = [];
  for (let i = 0; i < 300; i++) {
    const c = pick(cookies);
    if (i % 2 === 0) {
      out.push({
        kind: 'cookie-sent',
        url: `${pick(['http', 'https'])}://${c.domain}/p${i}`,
        time: NOW,
        cookieNames: [c.name, '_ga'],
        topLevelSite: 'https://site1.co.uk',
      });
    } else {
      out.push({
        kind: 'set-cookie',
        url: `https://${c.domain}/x/y`,
        time: NOW,
        line: `${c.name}=${c.value}; Path=/; Max-Age=${pick([3600, 99_999_999])}; SameSite=${pick(['Lax', 'None', 'bogus'])}`,
        lineIndex: 0,
        outcome: i % 7 === 0 ? { accepted: false, reason: 'EXCLUDE_SAMESITE_NONE_INSECURE' } : { accepted: true },
      });
    }
  }
  return out;
}

interface Timing {
  median: number;
  p95: number;
  /** Median CPU time of this process (user + system): steadier than wall time on a busy machine. */
  cpu: number;
}

function time(fn: () => unknown, runs: number): Timing {
  for (let i = 0; i < 3; i++) fn(); // warm the JIT and tldts
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const at = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? NaN;
  return { median: at(wall, 0.5), p95: at(wall, 0.95), cpu: at(cpu, 0.5) };
}

// `cold` measures only the first run (e.g. under --cpu-prof); a number sets the warm runs.
const coldOnly = process.argv[2] === 'cold';
const runs = coldOnly ? 0 : Number(process.argv[2] ?? 30);
const cookies = makeCookies();
const observations = makeObservations(cookies);
const ctx = { now: NOW, topLevelSite: 'https://www.site1.co.uk' };

// The popup is a fresh page: its first call runs before the JIT has seen any of this code.
const coldCpu = process.cpuUsage();
const coldStart = performance.now();
const lap = (() => {
  let t = coldStart;
  return (): string => {
    const now = performance.now();
    const ms = (now - t).toFixed(1);
    t = now;
    return ms;
  };
})();
const coldAnalysis = analyze({ cookies, observations, now: NOW, profile: CHROMIUM_PROFILE, topLevelSite: ctx.topLevelSite });
const coldFindings = coldAnalysis.findings;
const coldLaps = [`analyze ${lap()}`];
const top = coldAnalysis.usage.domains[0];
if (top) nextEvictions(cookies, CHROMIUM_PROFILE, top, NOW);
coldLaps.push(`nextEvictions ${lap()}`);
const cold = performance.now() - coldStart;
const coldCpuUsage = process.cpuUsage(coldCpu);
const coldCpuMs = (coldCpuUsage.user + coldCpuUsage.system) / 1000;

if (coldOnly) {
  console.log(
    `first run of everything, cold JIT (popup open): ${cold.toFixed(1)} ms wall, ${coldCpuMs.toFixed(1)} ms cpu (${coldLaps.join(', ')})`,
  );
  process.exit(0);
}

const rows: [string, Timing][] = [
  ['classify 3,000 cookies', time(() => classifyCookies(cookies, ctx), runs)],
  [
    'computeFindings (cookies only)',
    time(() => computeFindings({ cookies, now: NOW, profile: CHROMIUM_PROFILE, topLevelSite: ctx.topLevelSite }), runs),
  ],
  [
    'computeFindings (+300 observations)',
    time(() => computeFindings({ cookies, observations, now: NOW, profile: CHROMIUM_PROFILE, topLevelSite: ctx.topLevelSite }), runs),
  ],
  ['domainUsage', time(() => domainUsage(cookies, CHROMIUM_PROFILE), runs)],
  ['nextEvictions (domain at 180)', time(() => nextEvictions(cookies, CHROMIUM_PROFILE, 'site0.com', NOW), runs)],
  [
    'analyze + nextEvictions (popup open)',
    time(() => {
      const a = analyze({ cookies, observations, now: NOW, profile: CHROMIUM_PROFILE, topLevelSite: ctx.topLevelSite });
      if (a.usage.domains[0]) nextEvictions(cookies, CHROMIUM_PROFILE, a.usage.domains[0], NOW);
    }, runs),
  ],
];

const usage = domainUsage(cookies, CHROMIUM_PROFILE);
console.log(
  `${cookies.length} cookies, ${usage.domains.length} domain buckets, ${observations.length} observations, ${coldFindings.length} findings`,
);
console.log(
  `first run of everything, cold JIT (popup open): ${cold.toFixed(1)} ms wall, ${coldCpuMs.toFixed(1)} ms cpu (${coldLaps.join(', ')})`,
);
console.log(`${'step'.padEnd(40)} ${'median'.padStart(9)} ${'p95'.padStart(9)} ${'cpu'.padStart(9)}   (${runs} runs, ms)`);
for (const [label, t] of rows) {
  console.log(`${label.padEnd(40)} ${t.median.toFixed(2).padStart(9)} ${t.p95.toFixed(2).padStart(9)} ${t.cpu.toFixed(2).padStart(9)}`);
}
