/** Writes the audit's files: each rendered from the one report, to a temporary name, then renamed. */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setAfter, type CookieRef, type TrackingBeforeConsent } from '../../src/analysis/consent';
import { FORMATS, type AuditReport } from '../../src/report/index';
import type { OutputFormat } from './args';

const FILE_NAMES: Record<OutputFormat, string> = {
  json: 'report.json',
  html: 'report.html',
  csv: 'report.csv',
  sarif: 'report.sarif',
  md: 'report.md',
  netscape: 'cookies.txt',
  'storage-state': 'storage-state.json',
  'cookie-editor': 'cookie-editor.json',
};

function writeAtomically(path: string, text: string, mode: number): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text, { mode });
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/**
 * consent.json: the cookies set before any interaction, the banners accepted, what appeared after
 * consent, and the tracking-before-consent findings. Names, domains and paths only: never values.
 */
export function writeConsent(
  phases: { beforeInteraction: CookieRef[]; clicks?: unknown[]; afterConsent?: CookieRef[] },
  findings: readonly TrackingBeforeConsent[],
  outDir: string,
): string {
  const dir = resolve(outDir);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'consent.json');
  const doc = {
    beforeInteraction: phases.beforeInteraction,
    consentClicks: phases.clicks ?? [],
    setAfterConsent: phases.afterConsent ? setAfter(phases.beforeInteraction, phases.afterConsent) : [],
    findings,
  };
  writeAtomically(path, `${JSON.stringify(doc, null, 2)}\n`, 0o644);
  return path;
}

/** An interrupted run leaves at most a `.tmp` file, never a half-written report under the real name. */
export function writeOutputs(report: AuditReport, formats: readonly OutputFormat[], outDir: string): string[] {
  const dir = resolve(outDir);
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const format of formats) {
    const path = join(dir, FILE_NAMES[format]);
    writeAtomically(path, FORMATS[format].render(report), report.valuesIncluded ? 0o600 : 0o644);
    written.push(path);
  }
  return written;
}
