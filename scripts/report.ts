/**
 * Renders a saved JSON audit report offline:
 *   npm run report -- report.json --format html|csv|sarif|md|netscape|json [--out file]
 * The input is validated against src/report/report.schema.json first, so a hand-edited or
 * foreign file fails with the schema errors instead of rendering half a report.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { FORMATS, type AuditReport, type ReportFormat } from '../src/report/index';
import { neutraliseControls } from '../src/report/escape';
import { validateReport } from '../src/report/validate';

const USAGE = `usage: npm run report -- <report.json> --format ${Object.keys(FORMATS).join('|')} [--out <file>]`;

export function renderSaved(text: string, format: ReportFormat): string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new Error(`not JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const v = validateReport(data);
  if (!v.valid) throw new Error(`not a cookie audit report (schema errors):\n  ${v.errors.slice(0, 20).join('\n  ')}`);
  return FORMATS[format].render(data as AuditReport);
}

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: 'string', short: 'f' }, out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const format = values.format as ReportFormat | undefined;
  if (positionals.length !== 1 || !format || !(format in FORMATS)) {
    console.error(USAGE);
    return 2;
  }
  try {
    const out = renderSaved(readFileSync(positionals[0]!, 'utf8'), format);
    if (values.out) writeFileSync(values.out, out);
    // A terminal obeys escape sequences and bidi overrides a hostile cookie may carry; a file or
    // pipe gets the report byte for byte.
    else process.stdout.write(process.stdout.isTTY ? neutraliseControls(out) : out);
    return 0;
  } catch (err) {
    console.error(`report: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  process.exitCode = main(process.argv.slice(2));
}
