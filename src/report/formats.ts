/** The download formats, their file names and MIME types, in one table for the page and the CLI. */
import { toCsv } from './csv';
import { toHtml } from './html';
import { toCookieEditor, toStorageState } from './import-formats';
import { toJson } from './json';
import { toMarkdown } from './markdown';
import { toNetscape } from './netscape';
import { toSarif } from './sarif';
import type { AuditReport } from './types';

export type ReportFormat = 'json' | 'html' | 'csv' | 'netscape' | 'sarif' | 'md' | 'storage-state' | 'cookie-editor';

export interface FormatSpec {
  render: (r: AuditReport) => string;
  extension: string;
  mime: string;
  /** Only offered when values are included (cookies.txt is useless without them). */
  needsValues: boolean;
}

export const FORMATS: Readonly<Record<ReportFormat, FormatSpec>> = {
  json: { render: toJson, extension: 'json', mime: 'application/json', needsValues: false },
  html: { render: toHtml, extension: 'html', mime: 'text/html', needsValues: false },
  csv: { render: toCsv, extension: 'csv', mime: 'text/csv', needsValues: false },
  netscape: { render: toNetscape, extension: 'txt', mime: 'text/plain', needsValues: true },
  sarif: { render: toSarif, extension: 'sarif', mime: 'application/sarif+json', needsValues: false },
  md: { render: toMarkdown, extension: 'md', mime: 'text/markdown', needsValues: false },
  'storage-state': { render: toStorageState, extension: 'json', mime: 'application/json', needsValues: true },
  'cookie-editor': { render: toCookieEditor, extension: 'json', mime: 'application/json', needsValues: true },
};

/** `cookie-audit-<scope>-<time>[-with-values].<ext>`, safe on every file system. */
export function reportFileName(r: AuditReport, format: ReportFormat): string {
  const scope = r.scope.kind === 'tab' ? `tab${r.scope.tabId}` : r.scope.kind === 'domain' ? r.scope.domain : 'all';
  const stamp = r.generatedAt.replace(/\.\d+Z$/, 'Z').replace(/[:]/g, '-');
  const base = `cookie-audit-${scope}-${stamp}${r.valuesIncluded ? '-with-values' : ''}`.replace(/[^A-Za-z0-9._-]+/g, '_');
  if (format === 'netscape') return `${base}-cookies.txt`;
  if (format === 'storage-state' || format === 'cookie-editor') return `${base}-${format}.json`;
  return `${base}.${FORMATS[format].extension}`;
}
