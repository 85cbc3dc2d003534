/**
 * Inline CSS of the HTML export: the file must stand alone (no external resources), read in light
 * and dark themes, and print cleanly (print-to-PDF is the PDF export).
 */
export const REPORT_CSS = `
:root { color-scheme: light dark; --bg: #fff; --fg: #1b1b1f; --muted: #5d5d66; --border: #d8d8de; --surface: #f4f4f7;
  --high: #b3261e; --medium: #8a5100; --low: #3d5a80; --info: #4a4a52; --warn-bg: #fff4e5; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #1e1f22; --fg: #e6e6ea; --muted: #a3a3ad; --border: #3a3b40; --surface: #2a2b2f;
    --high: #f2b8b5; --medium: #f0c36d; --low: #a8c7fa; --info: #c4c4cc; --warn-bg: #3a2e1a; }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 16px; background: var(--bg); color: var(--fg);
  font: 13px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans KR', sans-serif; }
h1 { font-size: 20px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 24px 0 8px; border-bottom: 1px solid var(--border); padding-bottom: 4px; }
h3 { font-size: 14px; margin: 16px 0 6px; }
.muted { color: var(--muted); }
.values { border: 1px solid var(--border); background: var(--warn-bg); padding: 6px 10px; border-radius: 4px; margin: 8px 0; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 8px 0; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 12px; }
th, td { border: 1px solid var(--border); padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: var(--surface); }
.vh { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
table.summary { width: auto; min-width: 320px; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
code, .mono { font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace; font-size: 12px; overflow-wrap: anywhere; }
.sev { font-weight: 600; white-space: nowrap; }
.sev-high { color: var(--high); } .sev-medium { color: var(--medium); } .sev-low { color: var(--low); } .sev-info { color: var(--info); }
.status-over { color: var(--high); font-weight: 600; } .status-near { color: var(--medium); font-weight: 600; }
ul.findings { list-style: none; padding: 0; margin: 0; }
ul.findings li { border-left: 3px solid var(--border); padding: 2px 8px; margin: 4px 0; }
ul.findings li.sev-high { border-color: var(--high); } ul.findings li.sev-medium { border-color: var(--medium); }
ul.findings li.sev-low { border-color: var(--low); }
ul.findings li span.msg { color: var(--fg); }
a { color: inherit; }
@media print {
  :root { --bg: #fff; --fg: #000; --muted: #444; --border: #999; --surface: #eee; --warn-bg: #fff; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  h2 { break-after: avoid; }
  tr, li { break-inside: avoid; }
  thead { display: table-header-group; }
  a { text-decoration: none; }
  a[href]::after { content: " <" attr(href) ">"; font-size: 8pt; color: var(--muted); overflow-wrap: anywhere; }
}
`;
