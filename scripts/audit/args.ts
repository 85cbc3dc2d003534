/**
 * The audit command's arguments: parsed and checked here, without side effects, so every rule is a
 * table of cases (args.test.ts). Anything wrong is a UsageError: exit code 2 with one clear line.
 */
import { parseArgs } from 'node:util';
import { LIMIT_PROFILES, type LimitProfileId } from '../../src/model/limits';
import type { Severity } from '../../src/model/finding';

export const OUTPUT_FORMATS = ['json', 'html', 'csv', 'sarif', 'md', 'netscape', 'storage-state', 'cookie-editor'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
/** Formats that are the cookies themselves: useless, and refused, without their values. */
export const VALUE_FORMATS: readonly OutputFormat[] = ['netscape', 'storage-state', 'cookie-editor'];

export type FailOn = Exclude<Severity, 'info'> | 'none';
const FAIL_ON: readonly FailOn[] = ['high', 'medium', 'low', 'none'];

export interface AuditOptions {
  urls: string[];
  browser: 'chromium' | 'firefox';
  out: string;
  formats: OutputFormat[];
  failOn: FailOn;
  /** Undefined: the running browser's own profile. */
  profile: LimitProfileId | undefined;
  includeValues: boolean;
  includeHistory: boolean;
  login: string | undefined;
  /** An earlier report: only findings new or worse since then count against --fail-on. */
  baseline: string | undefined;
  /** After the visits without interaction, click each page's consent banner's accept button. */
  acceptConsent: boolean;
  waitMs: number;
  ignoreHttpsErrors: boolean;
  quiet: boolean;
  build: boolean;
}

export type Parsed = { kind: 'help' } | { kind: 'audit'; options: AuditOptions };

export class UsageError extends Error {}

export const USAGE = `usage: cookie-audit <url...> [options]      (npm run audit -- <url...> [options])
       cookie-audit diff <before.json> <after.json> [--json]

Audits each URL with the extension itself, in a headless browser, and writes the report.

  --browser chromium|firefox   browser to run (default chromium)
  --out DIR                    where the files go (default ./cookie-audit/)
  --format LIST                comma-separated: ${OUTPUT_FORMATS.join(',')}
                               (default json,html; netscape, storage-state and cookie-editor need --include-values)
  --fail-on high|medium|low|none   exit 1 when a finding is at or above this severity (default high)
  --profile ID                 limit profile: ${Object.keys(LIMIT_PROFILES).join(', ')} (default: the browser's)
  --include-values             put cookie values in the report (redacted by default)
  --include-history            add the change log to the report
  --login FILE                 a module whose default export \`async (page, { url }) => …\` logs in
                               (an optional \`logout\` export logs out)
  --accept-consent             after visiting without interaction, accept each page's consent banner
                               and record what was set after it (consent.json)
  --baseline FILE              an earlier report.json: fail only on findings new or worse since
  --wait-ms N                  extra settle time after each page (default 0)
  --ignore-https-errors        accept invalid TLS certificates
  --no-build                   use dist/ as it is, even when older than the sources
  --quiet                      no progress and no summary; errors only
  --help                       this text

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or operational error.`;

function checkUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new UsageError(`not a URL: ${raw} (give a full address such as https://example.com/)`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new UsageError(`not an http(s) URL: ${raw}`);
  return u.href;
}

function parseFormats(raw: string | undefined, includeValues: boolean): OutputFormat[] {
  const list = (raw ?? 'json,html')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (list.length === 0) throw new UsageError('--format needs at least one format');
  for (const f of list) {
    if (!(OUTPUT_FORMATS as readonly string[]).includes(f)) {
      throw new UsageError(`unknown format ${f} (one of ${OUTPUT_FORMATS.join(', ')})`);
    }
    if (VALUE_FORMATS.includes(f as OutputFormat) && !includeValues) {
      throw new UsageError(`--format ${f} holds cookie values: add --include-values to write it`);
    }
  }
  return [...new Set(list as OutputFormat[])];
}

export function parseAuditArgs(argv: readonly string[]): Parsed {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        browser: { type: 'string' },
        out: { type: 'string' },
        format: { type: 'string' },
        'fail-on': { type: 'string' },
        profile: { type: 'string' },
        'include-values': { type: 'boolean' },
        'include-history': { type: 'boolean' },
        login: { type: 'string' },
        baseline: { type: 'string' },
        'accept-consent': { type: 'boolean' },
        'wait-ms': { type: 'string' },
        'ignore-https-errors': { type: 'boolean' },
        'no-build': { type: 'boolean' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    // node:util's messages name the option ("Unknown option '--x'"); keep the first line only.
    throw new UsageError(String(err instanceof Error ? err.message : err).split(/\. |\n/)[0]!);
  }
  const v = parsed.values;
  if (v.help) return { kind: 'help' };
  if (parsed.positionals.length === 0) throw new UsageError('no URL given');
  const browser = v.browser ?? 'chromium';
  if (browser !== 'chromium' && browser !== 'firefox') throw new UsageError(`--browser must be chromium or firefox, not ${browser}`);
  const failOn = (v['fail-on'] ?? 'high') as FailOn;
  if (!FAIL_ON.includes(failOn)) throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')}, not ${failOn}`);
  const profile = v.profile;
  if (profile !== undefined && !Object.hasOwn(LIMIT_PROFILES, profile)) {
    throw new UsageError(`unknown --profile ${profile} (one of ${Object.keys(LIMIT_PROFILES).join(', ')})`);
  }
  const waitRaw = v['wait-ms'] ?? '0';
  if (!/^\d+$/.test(waitRaw) || Number(waitRaw) > 600_000)
    throw new UsageError(`--wait-ms must be a whole number of milliseconds up to 600000, not ${waitRaw}`);
  const includeValues = v['include-values'] === true;
  return {
    kind: 'audit',
    options: {
      urls: parsed.positionals.map(checkUrl),
      browser,
      out: v.out ?? 'cookie-audit',
      formats: parseFormats(v.format, includeValues),
      failOn,
      profile: profile as LimitProfileId | undefined,
      includeValues,
      includeHistory: v['include-history'] === true,
      login: v.login,
      baseline: v.baseline,
      acceptConsent: v['accept-consent'] === true,
      waitMs: Number(waitRaw),
      ignoreHttpsErrors: v['ignore-https-errors'] === true,
      quiet: v.quiet === true,
      build: v['no-build'] !== true,
    },
  };
}
