/**
 * Shared by the ratio benchmarks: options, medians, timeouts, the result table and browsers with a
 * floor extension, ours or nothing loaded.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { BROWSERS } from '../scripts/browser/browsers';
import { CHROMIUM_ARGS, CHROMIUM_PATH, launchChromium } from '../scripts/browser/chromium';
import { FIREFOX_PATH, launchFirefox } from '../scripts/browser/firefox';
import type { BrowserName, ExtensionBrowser } from '../scripts/browser/types';
import { buildFloor, type FloorName } from './floors/build';

export interface BenchOptions {
  browsers: BrowserName[];
  /** Alternating rounds (each round measures every variant once). */
  rounds: number;
}

/** One line of the final table. `ours`/`floor` are in `unit`; a row without target is informative. */
export interface Row {
  bench: string;
  case: string;
  browser: BrowserName;
  ours: number;
  floor: number;
  unit: string;
  target?: number;
  note?: string;
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1)))] ?? NaN;
};

let lastStep = 'starting';
/** The step a bench began last (what the watchdog names when it fires). */
export const currentStep = (): string => lastStep;

/** `promise`, or a rejection naming `what` after `ms`: no browser call may hang a bench. */
export function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  lastStep = what;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** `page.waitForFunction` whose failure names what was awaited. */
export async function waitInPage(
  page: Page,
  fn: string | (() => unknown),
  what: string,
  timeoutMs: number,
  polling = 50,
): Promise<unknown> {
  try {
    return await (await page.waitForFunction(fn, { timeout: timeoutMs, polling })).jsonValue();
  } catch (err) {
    throw new Error(`waiting for ${what}: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`);
  }
}

/** Ratio column and verdict of a row. */
export function verdict(row: Row): { ratio: number; mark: string } {
  const ratio = row.ours / row.floor;
  if (row.target === undefined) return { ratio, mark: row.note ? '·' : '' };
  // A case with a target that produced no number (ours never finished) has missed it.
  if (!Number.isFinite(ratio)) return { ratio, mark: '✗' };
  return { ratio, mark: ratio <= row.target ? '✓' : '✗' };
}

export function table(rows: Row[]): string {
  const head = ['bench', 'case', 'browser', 'ours', 'floor', 'ratio', 'target', ''];
  const body = rows.map((r) => {
    const { ratio, mark } = verdict(r);
    const n = (x: number): string => (Number.isFinite(x) ? `${x.toFixed(x < 10 ? 2 : 0)} ${r.unit}` : '—');
    return [
      r.bench,
      r.case,
      r.browser,
      n(r.ours),
      n(r.floor),
      Number.isFinite(ratio) ? `${ratio.toFixed(3)}×` : '—',
      r.target === undefined ? '—' : `≤ ${r.target}×`,
      mark + (r.note ? `  ${r.note}` : ''),
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

export type Variant = { kind: 'none' } | { kind: 'floor'; floor: FloorName } | { kind: 'ours' };

/** A plain browser handle: ours/floors through the harness, `none` launched with the same flags. */
export interface Launched {
  browser: Browser;
  ext?: ExtensionBrowser;
  close(): Promise<void>;
}

const LAUNCH_MS = 60_000;

export async function launchVariant(name: BrowserName, variant: Variant): Promise<Launched> {
  if (variant.kind === 'none') return within(LAUNCH_MS, `${name} without an extension`, launchPlain(name));
  const dir = variant.kind === 'ours' ? BROWSERS[name].dist : buildFloor(variant.floor, name);
  const what = variant.kind === 'ours' ? 'ours' : `floor ${variant.floor}`;
  const ext = await within(LAUNCH_MS, `${name} with ${what}`, name === 'chromium' ? launchChromium(dir) : launchFirefox(dir));
  const page = await ext.newPage();
  const browser = page.page.browser();
  await page.page.close();
  return { browser, ext, close: () => ext.close() };
}

/** The same browser launched the way the harness launches it (flags, prefs), minus the extension. */
async function launchPlain(name: BrowserName): Promise<Launched> {
  if (name === 'firefox') {
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      acceptInsecureCerts: true,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: { 'browser.shell.checkDefaultBrowser': false, 'datareporting.policy.dataSubmissionEnabled': false },
    });
    return { browser, close: () => browser.close().catch(() => undefined) };
  }
  const profile = mkdtempSync(join(tmpdir(), 'cm-plain-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    pipe: true,
    userDataDir: profile,
    args: [...CHROMIUM_ARGS, '--ignore-certificate-errors'],
  });
  return {
    browser,
    close: async () => {
      await browser.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
