/**
 * Escaping for the text formats. Every string in a report can come from a hostile server (cookie
 * names, values, URLs, Set-Cookie lines), so renderers pass each one through these and nothing else.
 */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/**
 * Characters that change how text around them is shown rather than being shown: C0/C1 controls
 * other than tab, LF and CR (ESC starts terminal escape sequences, CSI is its one-byte form), the
 * bidirectional overrides and isolates (Unicode TR9; "Trojan Source", CVE-2021-42574) and lone
 * surrogates. Every text format replaces them with U+FFFD.
 */
// Matching control characters is the point here.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function neutraliseControls(value: string): string {
  return value.replace(INVISIBLE, '\ufffd');
}

/** Text for HTML element content and quoted attribute values, controls neutralised (see INVISIBLE). */
export function escapeHtml(value: unknown): string {
  return neutraliseControls(String(value ?? '')).replace(/[&<>"'`]/g, (c) => HTML_ESCAPES[c] as string);
}

/** Only http(s) links are rendered as links; anything else (javascript:, data:) stays text. */
export function safeHref(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * Cells a spreadsheet reads as a formula (OWASP "CSV Injection"): = + - @ and their full-width
 * forms, also after leading spaces (some importers trim), and a leading tab / CR / LF.
 */
const FORMULA_START = /^[\s\u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r\n]/;
/**
 * Quoted whenever it holds any delimiter a spreadsheet may split on (Excel uses the locale's list
 * separator, often `;`; tab and `|` are offered by importers): a quoted field is never split, so no
 * piece of it can start a formula.
 */
const NEEDS_QUOTES = /[",;\t|\r\n]|^\s|\s$/;

/** One RFC 4180 field, neutralised against formula injection by a leading single quote. */
export function csvCell(value: unknown): string {
  let s = neutraliseControls(value === null || value === undefined ? '' : String(value));
  if (FORMULA_START.test(s)) s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(cells: readonly unknown[]): string {
  return cells.map(csvCell).join(',');
}

/** Markdown table cell: text, with the characters that would start markup or end the cell escaped. */
export function escapeMarkdown(value: unknown): string {
  return neutraliseControls(String(value ?? ''))
    .replace(/[\r\n]+/g, ' ')
    .replace(/([\\`*_[\]|<>~])/g, '\\$1')
    .replace(/&/g, '&amp;');
}
