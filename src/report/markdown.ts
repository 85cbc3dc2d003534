/** Markdown rendering for the CLI: readable in a terminal, diffable, pasteable into an issue. */
import { SEVERITIES } from '../model/finding';
import { escapeMarkdown as m, safeHref } from './escape';
import { SEVERITY_MARK, scopeText, subjectText, valuesNotice } from './html';
import { PURPOSE_SOURCE_NOTE, purposeSourceText, purposeTables } from './purposes-text';
import { SESSION_COLUMNS, sessionCells } from './session-rows';
import type { AuditReport, ReportCookie } from './types';

/** A link only to an http(s) URL; anything else (javascript:, data:) is shown as text. */
function link(label: string, url: string): string {
  const href = safeHref(url);
  return href ? `[${m(label)}](<${href.replace(/[<>\s]/g, encodeURIComponent)}>)` : `${m(label)}: ${m(url)}`;
}

function table(head: readonly string[], rows: ReadonlyArray<readonly unknown[]>): string[] {
  return [`| ${head.map(m).join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.map(m).join(' | ')} |`)];
}

function cookieRows(list: readonly ReportCookie[], withValues: boolean): string[] {
  if (list.length === 0) return ['None.'];
  return table(
    [
      'Name',
      'Domain',
      'Path',
      'Secure',
      'HttpOnly',
      'SameSite',
      'Expires',
      'Size',
      withValues ? 'Value' : 'Value (length, digest)',
      'Purpose',
      'Findings',
    ],
    list.map((c) => [
      c.name,
      c.hostOnly ? c.domain : `.${c.domain}`,
      c.path,
      c.secure ? 'yes' : 'no',
      c.httpOnly ? 'yes' : 'no',
      c.sameSite,
      c.expires ?? 'session',
      c.size,
      withValues ? (c.value ?? '') : `${c.valueLength} B, ${c.valueDigest}`,
      `${c.purpose.category} — ${purposeSourceText(c)}`,
      c.findings.join(' '),
    ]),
  );
}

export function toMarkdown(r: AuditReport): string {
  const s = r.summary;
  const out: string[] = [
    `# Cookie audit report — ${valuesNotice(r.valuesIncluded)}`,
    '',
    `Generated ${m(r.generatedAt)} · scope ${m(scopeText(r))} · ${m(`${r.browser.name} ${r.browser.version}`)} · ${m(`${r.generator.name} ${r.generator.version}`)} · limit profile ${m(r.limitProfile.label)}`,
    '',
    '## Summary',
    '',
    ...table(
      ['Cookies', 'Session', 'Persistent', 'Third-party', 'Session IDs', 'Rejected', ...SEVERITIES.map((x) => `Findings ${x}`)],
      [[s.cookies, s.session, s.persistent, s.thirdParty, s.sessionIds, s.rejected, ...SEVERITIES.map((x) => s.findings[x])]],
    ),
    '',
    '## Findings',
    '',
  ];
  if (r.findings.length === 0) out.push('No findings.');
  for (const f of r.findings) {
    out.push(
      `- ${SEVERITY_MARK[f.severity]} **${f.severity}** \`${f.id}\` ${m(f.message)} — ${m(subjectText(f))} (${link(f.reference.label, f.reference.url)})`,
    );
  }
  const p = purposeTables(r);
  out.push('', '## Purposes', '', ...table(['Purpose', 'Cookies'], p.counts));
  out.push(
    '',
    '### Platforms',
    '',
    ...(p.platforms.length === 0 ? ['None matched.'] : table(['Platform', 'Purposes', 'Cookies', 'Third-party'], p.platforms)),
  );
  out.push(
    '',
    '### Third parties',
    '',
    ...(p.thirdParties.length === 0 ? ['None.'] : table(['Registrable domain', 'Cookies', 'Purposes', 'Platforms'], p.thirdParties)),
  );
  out.push('', m(PURPOSE_SOURCE_NOTE));
  out.push('', '## Sessions', '');
  out.push(
    ...(r.sessions.length === 0 ? ['No session seen in the log for this scope.'] : table(SESSION_COLUMNS, r.sessions.map(sessionCells))),
  );
  out.push('', '## Per-domain counts', '');
  out.push(
    ...table(
      ['Domain', 'Partition', 'Cookies', 'Limit', 'Bytes', 'Status'],
      r.domains.map((d) => [d.domain, d.partition ?? '', d.count, d.limits.count, d.bytes, d.status]),
    ),
  );
  out.push(
    '',
    '## Session cookies',
    '',
    ...cookieRows(
      r.cookies.filter((c) => c.session),
      r.valuesIncluded,
    ),
  );
  out.push(
    '',
    '## Persistent cookies',
    '',
    ...cookieRows(
      r.cookies.filter((c) => !c.session),
      r.valuesIncluded,
    ),
  );
  out.push('', '## Rejected Set-Cookie lines', '');
  out.push(
    ...(r.rejected.length === 0
      ? ['None recorded.']
      : table(
          ['Time', 'URL', 'Cookie', 'Reason', 'Line'],
          r.rejected.map((x) => [x.time, x.url, x.cookieName, x.reason, x.line]),
        )),
  );
  if (r.events !== undefined) {
    out.push('', '## Change log', '');
    out.push(
      ...(r.events.length === 0
        ? ['No changes recorded.']
        : table(
            ['Time', 'Change', 'Cause', 'Name', 'Domain', 'Path'],
            r.events.map((x) => [x.time, x.removed ? 'removed' : 'set', x.cause, x.name, x.domain, x.path]),
          )),
    );
  }
  return out.join('\n') + '\n';
}
