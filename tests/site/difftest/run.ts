/**
 * Runs differential cases in one real browser: fresh jar per case, the case's responses, the jar
 * read back, then one request whose Cookie header the server records; the model replays the same
 * lines at the same times. Every browser call has a timeout, so a stuck browser fails a case
 * instead of hanging the run.
 */
import type { CookieEngine } from '../../../src/analysis/set-cookie';
import { chromiumDriver, type Driver, firefoxDriver, type Flow, type JarCookie } from '../browser-check/drivers';
import { compareJars, describeCookie } from './compare';
import { type DiffCase, generateCase, HOSTS } from './generate';
import { caseUrl, decodeBytes, modelJar, type ServedStep } from './model';
import { type DiffServer, startDiffServer } from './server';

export type DiffBrowser = 'chromium' | 'firefox';

export interface CaseOutcome {
  diffs: string[];
  browser: { jar: JarCookie[]; header: string };
  model: { jar: JarCookie[]; header: string };
}

const CALL_TIMEOUT_MS = 15_000;

export async function withTimeout<T>(p: Promise<T>, label: string, ms = CALL_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label}: no answer in ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

let nonce = 0;

export async function runCase(flow: Flow, server: DiffServer, c: DiffCase, engine: CookieEngine): Promise<CaseOutcome> {
  await withTimeout(flow.clearCookies(), 'clearing cookies');
  const served: ServedStep[] = [];
  for (const step of c.steps) {
    const key = `${c.index}-${nonce++}`;
    const url = caseUrl(step.scheme, step.host, step.path, server);
    const sent = server.expectSet(key, step.lines);
    // A response the browser finds malformed may fail the navigation; the server's time tells it was sent.
    await withTimeout(flow.goto(`${url}?set=${key}`), `loading ${url}`).catch(() => undefined);
    served.push({ url, lines: step.lines, time: await withTimeout(sent, `serving ${url}`) });
  }
  const browserJar = await withTimeout(flow.jar(), 'reading the jar');
  const readAt = Date.now();
  const echoUrl = caseUrl(c.echo.scheme, c.echo.host, c.echo.path, server);
  const key = `${c.index}-${nonce++}`;
  const echoed = server.expectEcho(key);
  await withTimeout(flow.goto(`${echoUrl}?echo=${key}`), `loading ${echoUrl}`);
  const header = decodeBytes(await withTimeout(echoed, `echo from ${echoUrl}`));
  const model = modelJar(served, engine, readAt, { url: echoUrl, time: Date.now() });
  return {
    diffs: compareJars(browserJar, model.jar, header, model.header),
    browser: { jar: browserJar, header },
    model,
  };
}

/** Smaller variants of a case: fewer steps, fewer lines, fewer attributes, shorter parts. */
function* smaller(c: DiffCase): Generator<DiffCase> {
  const withSteps = (steps: DiffCase['steps']): DiffCase => ({ ...c, steps });
  for (let i = 0; i < c.steps.length && c.steps.length > 1; i++) yield withSteps(c.steps.filter((_, j) => j !== i));
  for (let i = 0; i < c.steps.length; i++) {
    const step = c.steps[i];
    if (!step) continue;
    const replace = (lines: string[]) => withSteps(c.steps.map((s, j) => (j === i ? { ...s, lines } : s)));
    for (let l = 0; l < step.lines.length && step.lines.length > 1; l++) yield replace(step.lines.filter((_, k) => k !== l));
    for (let l = 0; l < step.lines.length; l++) {
      const line = step.lines[l] ?? '';
      const parts = line.split(';');
      const withLine = (s: string) => replace(step.lines.map((x, k) => (k === l ? s : x)));
      for (let p = parts.length - 1; p >= 1; p--) yield withLine(parts.filter((_, k) => k !== p).join(';'));
      // Halve, then drop single bytes, from the end.
      for (let size = Math.floor(line.length / 2); size >= 1; size = Math.floor(size / 2)) {
        for (let at = line.length - size; at >= 0; at -= size) yield withLine(line.slice(0, at) + line.slice(at + size));
      }
    }
  }
}

/** Delta debugging: keep taking the first smaller variant that still disagrees. */
export async function shrink(
  flow: Flow,
  server: DiffServer,
  c: DiffCase,
  engine: CookieEngine,
  budget = 60,
): Promise<{ c: DiffCase; outcome: CaseOutcome }> {
  let best = c;
  let outcome = await runCase(flow, server, c, engine);
  let tries = 0;
  let progress = true;
  while (progress && tries < budget) {
    progress = false;
    for (const candidate of smaller(best)) {
      if (++tries > budget) break;
      const o = await runCase(flow, server, candidate, engine).catch(() => undefined);
      if (o && o.diffs.length) {
        best = candidate;
        outcome = o;
        progress = true;
        break;
      }
    }
  }
  return { c: best, outcome };
}

const show = (bytes: string) => JSON.stringify(bytes).replace(/[\u0080-\u00ff]/g, (ch) => `\\x${ch.charCodeAt(0).toString(16)}`);

export function report(browser: DiffBrowser, c: DiffCase, o: CaseOutcome): string {
  const lines = [`DISAGREEMENT ${browser} seed ${c.seed} case ${c.index}`];
  for (const s of c.steps) {
    lines.push(`  ${s.scheme}://${s.host}${s.path}`);
    for (const l of s.lines) lines.push(`    Set-Cookie: ${show(l)}`);
  }
  lines.push(`  then Cookie header of ${c.echo.scheme}://${c.echo.host}${c.echo.path}`);
  for (const d of o.diffs) lines.push(`  ≠ ${d}`);
  lines.push(
    `  ${browser}: ${o.browser.jar.map(describeCookie).join(' | ') || '(empty jar)'}; Cookie: ${JSON.stringify(o.browser.header)}`,
  );
  lines.push(`  model:   ${o.model.jar.map(describeCookie).join(' | ') || '(empty jar)'}; Cookie: ${JSON.stringify(o.model.header)}`);
  return lines.join('\n');
}

export interface Campaign {
  browser: DiffBrowser;
  seed: number;
  cases: number;
  from?: number;
  /** Replays just these case indexes (of `seed`) instead of a range. */
  only?: number[];
  shrink?: boolean;
  /** Called with each disagreement's report (already shrunk when asked). */
  onDisagreement?: (text: string) => void;
  onProgress?: (done: number, disagreements: number) => void;
}

export interface CampaignResult {
  ran: number;
  disagreements: string[];
  errors: string[];
}

export async function runCampaign(opts: Campaign): Promise<CampaignResult> {
  const server = await startDiffServer();
  const hosts = [...HOSTS];
  let driver: Driver | undefined;
  let flow: Flow | undefined;
  const result: CampaignResult = { ran: 0, disagreements: [], errors: [] };
  const open = async () => {
    driver = await withTimeout(
      opts.browser === 'chromium' ? chromiumDriver({ hosts }) : firefoxDriver({ hosts }),
      `starting ${opts.browser}`,
      60_000,
    );
    flow = await withTimeout(driver.newFlow(), 'opening a page');
  };
  const closeAll = async () => {
    await flow?.close().catch(() => undefined);
    await driver?.close().catch(() => undefined);
    flow = undefined;
    driver = undefined;
  };
  try {
    await open();
    const start = opts.from ?? 0;
    const indexes = opts.only ?? Array.from({ length: opts.cases }, (_, k) => start + k);
    for (const i of indexes) {
      const c = generateCase(opts.seed, i, Date.now());
      try {
        if (!flow) await open();
        const o = await runCase(flow as Flow, server, c, opts.browser);
        if (o.diffs.length) {
          const small = opts.shrink === false ? { c, outcome: o } : await shrink(flow as Flow, server, c, opts.browser);
          const text = report(opts.browser, small.c, small.outcome);
          result.disagreements.push(text);
          opts.onDisagreement?.(text);
        }
      } catch (err) {
        // A stuck or crashed browser: record it, start a fresh one, go on.
        const text = `ERROR ${opts.browser} seed ${opts.seed} case ${i}: ${(err as Error).message.split('\n')[0]}`;
        result.errors.push(text);
        opts.onDisagreement?.(text);
        await closeAll();
      }
      result.ran++;
      opts.onProgress?.(result.ran, result.disagreements.length + result.errors.length);
    }
  } finally {
    await closeAll();
    await server.close();
  }
  return result;
}
