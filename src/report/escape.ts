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
 * Text for HTML element content and quoted attribute values. Control characters (other than tab
 * and newline) and lone surrogates become U+FFFD: they are not allowed in HTML text and some
 * viewers mis-render them.
 */
export function escapeHtml(value: unknown): string {
  const s = String(value ?? '');
  return (
    s
      .replace(/[&<>"'`]/g, (c) => HTML_ESCAPES[c] as string)
      // Matching control characters is the point here.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
  );
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
 * Characters that make a spreadsheet read a cell as a formula (OWASP "CSV Injection"): = + - @,
 * and tab / carriage return, which some importers strip before looking at the first character.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One RFC 4180 field, neutralised against formula injection by a leading single quote. */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(cells: readonly unknown[]): string {
  return cells.map(csvCell).join(',');
}

/** Markdown table cell: text, with the characters that would start markup or end the cell escaped. */
export function escapeMarkdown(value: unknown): string {
  return String(value ?? '')
    .replace(/[\r\n]+/g, ' ')
    .replace(/([\\`*_[\]|<>~])/g, '\\$1')
    .replace(/&/g, '&amp;');
}
