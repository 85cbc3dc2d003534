/** Writes the audit's files: each rendered from the one report, to a temporary name, then renamed. */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
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

/** An interrupted run leaves at most a `.tmp` file, never a half-written report under the real name. */
export function writeOutputs(report: AuditReport, formats: readonly OutputFormat[], outDir: string): string[] {
  const dir = resolve(outDir);
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const format of formats) {
    const path = join(dir, FILE_NAMES[format]);
    const tmp = `${path}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, FORMATS[format].render(report), { mode: report.valuesIncluded ? 0o600 : 0o644 });
      renameSync(tmp, path);
    } catch (err) {
      rmSync(tmp, { force: true });
      throw err;
    }
    written.push(path);
  }
  return written;
}
