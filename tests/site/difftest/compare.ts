/** Compares a browser's jar and Cookie header with the model's; returns what differs, in words. */
import type { JarCookie } from '../browser-check/drivers';

/** Both sides cap and round on their own clocks a few ms apart. */
const EXPIRY_SLACK_S = 2;

/**
 * Invalid UTF-8 on the wire: the model sees U+FFFD; Chromium's CDP mangles such a name or value
 * (drops bytes, or the whole value). Those are matched by domain and path only and their text is
 * not compared; the Cookie header, which carries the stored bytes themselves, still is, exactly.
 */
const garbled = (s: string) => s.includes('\uFFFD');
const same = (browser: string, model: string) => browser === model || garbled(model);

const key = (c: JarCookie) => `${JSON.stringify(c.name)} ${c.domain}${c.path}`;
const place = (c: JarCookie) => `${c.domain}${c.path}`;

export function describeCookie(c: JarCookie): string {
  const flags = [c.secure && 'Secure', c.httpOnly && 'HttpOnly', c.partitioned && 'Partitioned'].filter(Boolean).join(' ');
  const exp = c.expires === 'session' ? 'session' : `expires ${Math.round(c.expires)}`;
  return `${key(c)} = ${JSON.stringify(c.value)} SameSite=${c.sameSite} ${exp}${flags ? ' ' + flags : ''}`;
}

function fieldDiffs(b: JarCookie, m: JarCookie): string[] {
  const out: string[] = [];
  if (!same(b.name, m.name)) out.push(`name ${JSON.stringify(b.name)} vs ${JSON.stringify(m.name)}`);
  if (!same(b.value, m.value)) out.push(`value ${JSON.stringify(b.value)} vs ${JSON.stringify(m.value)}`);
  for (const f of ['secure', 'httpOnly', 'sameSite'] as const) if (b[f] !== m[f]) out.push(`${f} ${b[f]} vs ${m[f]}`);
  if (b.partitioned !== undefined && b.partitioned !== m.partitioned) out.push(`partitioned ${b.partitioned} vs ${m.partitioned}`);
  const be = b.expires;
  const me = m.expires;
  if (be === 'session' || me === 'session' ? be !== me : Math.abs(be - me) > EXPIRY_SLACK_S) {
    out.push(`expires ${be === 'session' ? be : Math.round(be)} vs ${me === 'session' ? me : Math.round(me)}`);
  }
  return out;
}

/** Differences, each "browser vs model"; empty when they agree. */
export function compareJars(browser: JarCookie[], model: JarCookie[], browserHeader: string, modelHeader: string): string[] {
  const diffs: string[] = [];
  // A partitioned cookie may share name, domain and path with an unpartitioned one, and Firefox's
  // listing does not say which is which: pair each browser cookie with the model cookie it fits best.
  const left = [...model];
  const unmatched: JarCookie[] = [];
  const take = (m: JarCookie) => left.splice(left.indexOf(m), 1);
  const check = (b: JarCookie, m: JarCookie) => {
    for (const d of fieldDiffs(b, m)) diffs.push(`${key(b)}: ${d}`);
  };
  for (const b of browser) {
    const candidates = left.filter((m) => key(m) === key(b));
    const m = candidates.find((x) => fieldDiffs(b, x).length === 0) ?? candidates[0];
    if (m) {
      take(m);
      check(b, m);
    } else unmatched.push(b);
  }
  for (const b of unmatched) {
    const m = left.find((x) => garbled(x.name) && place(x) === place(b));
    if (m) {
      take(m);
      check(b, m);
    } else diffs.push(`only in browser: ${describeCookie(b)}`);
  }
  for (const m of left) diffs.push(`only in model: ${describeCookie(m)}`);
  if (browserHeader !== modelHeader) diffs.push(`Cookie header ${JSON.stringify(browserHeader)} vs ${JSON.stringify(modelHeader)}`);
  return diffs;
}
