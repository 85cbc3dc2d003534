/**
 * `npm run audit -- <url...> [options]` / `npx cookie-audit <url...> [options]`: audits URLs with the
 * extension itself in a headless browser and writes its report (docs/CLI.md). Progress and errors on
 * stderr; the summary and the paths written on stdout.
 */
import { existsSync } from 'node:fs';
import { setAfter } from '../../src/analysis/consent';
import { withConsent } from '../../src/report/consent';
import { diffReports, newOrWorse } from '../../src/report/diff';
import { BROWSERS } from '../browser/browsers';
import { parseAuditArgs, USAGE, UsageError, type AuditOptions } from './args';
import { ensureBuilt } from './dist';
import { diffLines, readReport, runDiff } from './diff-cli';
import { runAudit, type AuditRun } from './drive';
import { ProgressView, SILENT, type TtyStream } from './progress';
import { consentPurpose } from './consent';
import { registrableDomain } from '../../src/analysis/domain';
import { writeConsent, writeOutputs } from './output';
import { summaryLines } from './summary';
import { AuditError, within } from './timeout';
import { EXIT_ERROR, exitCodeFor, failing } from './verdict';

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  /** stderr when it is a terminal: progress is then a bar redrawn in place. */
  errTty?: TtyStream;
}

const stdio: Io = {
  out: (l) => process.stdout.write(`${l}\n`),
  err: (l) => process.stderr.write(`${l}\n`),
  ...(process.stderr.isTTY ? { errTty: process.stderr } : {}),
};

/** Registrable domains of the audited URLs (unparsable ones are left out). */
function auditedSites(urls: readonly string[]): Set<string> {
  const sites = new Set<string>();
  for (const u of urls) {
    try {
      sites.add(registrableDomain(new URL(u).hostname.toLowerCase()));
    } catch {
      // args.ts already refused URLs it cannot parse; nothing to add.
    }
  }
  return sites;
}

async function audit(o: AuditOptions, io: Io): Promise<number> {
  const b = BROWSERS[o.browser];
  if (!existsSync(b.path)) {
    io.err(`cookie-audit: ${o.browser} not found at ${b.path}. Install it: ${b.install}`);
    return EXIT_ERROR;
  }
  const progress = o.quiet ? SILENT : new ProgressView(io.err, io.errTty);
  // Read before the browser starts: a bad baseline is a usage problem, found in a second.
  const baseline = o.baseline === undefined ? undefined : readReport(o.baseline);
  if (o.build) ensureBuilt(o.browser, (line) => progress.note(line));
  // Each step has its own limit; this one catches a browser that stops answering between them.
  const budget = 180_000 + o.urls.length * (o.acceptConsent ? 240_000 : 120_000) + (o.login ? 300_000 : 0) + o.urls.length * o.waitMs;
  let run: AuditRun;
  try {
    run = await within(budget, 'the audit', runAudit(o, progress));
  } finally {
    // The summary, or the error, starts on a clean line.
    if (progress instanceof ProgressView) progress.finish();
  }
  // The phases go into the report through the report module's own builder, so every format shows them.
  const report = withConsent(run.report, {
    beforeInteraction: run.consent.beforeInteraction,
    accepted:
      run.consent.clicks && run.consent.afterConsent
        ? { clicks: run.consent.clicks.map((c) => ({ url: c.url, by: c.click?.by ?? null })), after: run.consent.afterConsent }
        : undefined,
    purposeOf: consentPurpose(auditedSites(o.urls)),
  });
  const tracking = report.consent?.findings ?? [];
  const written = writeOutputs(report, o.formats, o.out);
  if (o.acceptConsent) written.push(writeConsent(run.consent, tracking, o.out));
  const diff = baseline ? diffReports(baseline, report) : undefined;
  // The baseline is a report, which has no consent phases: against it only the report's findings count.
  const counted = diff ? newOrWorse(diff) : [...report.findings, ...tracking];
  const code = exitCodeFor(counted, o.failOn);
  if (!o.quiet) {
    io.out(`Cookie audit (${report.browser.name} ${report.browser.version}, ${o.urls.length} URL${o.urls.length === 1 ? '' : 's'}):`);
    for (const line of summaryLines(report)) io.out(line);
    io.out(`  set before any interaction: ${run.consent.beforeInteraction.length} cookie(s)`);
    if (run.consent.afterConsent)
      io.out(`  set after consent:          ${setAfter(run.consent.beforeInteraction, run.consent.afterConsent).length} more`);
    for (const f of tracking) io.out(`    [${f.severity}]    ${f.id.padEnd(28)} ${f.cookie.name} (${f.cookie.domain}, ${f.purpose})`);
    for (const m of run.moments) {
      io.out(
        `  ${m.kind}: ${new Date(m.start).toISOString()} → ${m.url} (${((m.end - m.start) / 1000).toFixed(1)} s, marked for the session audit)`,
      );
    }
    if (diff) {
      io.out(`\nsince the baseline ${o.baseline}:`);
      for (const line of diffLines(diff)) io.out(`  ${line}`);
    }
    io.out('\nwritten:');
    for (const p of written) io.out(`  ${p}`);
    const over = failing(counted, o.failOn).length;
    io.out(
      `\n` +
        (over > 0
          ? `${over}${diff ? ' new or worse' : ''} finding(s) at or above --fail-on ${o.failOn}: exit 1`
          : o.failOn === 'none'
            ? '--fail-on none: findings do not fail the run'
            : `nothing at or above --fail-on ${o.failOn}`),
    );
  }
  return code;
}

export async function main(argv: readonly string[], io: Io = stdio): Promise<number> {
  try {
    if (argv[0] === 'diff') return runDiff(argv.slice(1), io.out);
    const parsed = parseAuditArgs(argv);
    if (parsed.kind === 'help') {
      io.out(USAGE);
      return 0;
    }
    return await audit(parsed.options, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`cookie-audit: ${err.message}`);
      io.err('Try: cookie-audit --help');
    } else if (err instanceof AuditError) io.err(`cookie-audit: ${err.message}`);
    else io.err(`cookie-audit: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return EXIT_ERROR;
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  // A hung browser must not keep the process alive once the answer is known.
  void main(process.argv.slice(2)).then((code) => process.exit(code));
}
