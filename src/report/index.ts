/** Public API of the report layer: build once, render to any format. */
export { buildReport } from './build';
export { toJson } from './json';
export { toHtml } from './html';
export { toCsv } from './csv';
export { toNetscape } from './netscape';
export { toSarif } from './sarif';
export { toMarkdown } from './markdown';
export { toStorageState, toCookieEditor } from './import-formats';
export { escapeHtml, csvCell } from './escape';
export { redactSetCookieLine } from './redact';
export * from './types';
export * from './formats';
