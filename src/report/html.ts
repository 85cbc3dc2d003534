/**
 * The HTML export: one self-contained file (inline CSS, no script, no external resource) that reads
 * well on screen and in print. Every dynamic string goes through escapeHtml; links only for http(s).
 */
import { SEVERITIES, type Severity } from '../model/finding';
import { escapeHtml as e, safeHref } from './escape';
import { REPORT_CSS } from './html-style';
import { PURPOSE_SOURCE_NOTE, purposeSourceText, purposeTables } from './purposes-text';
import { isSessionHeaderFinding, SESSION_COLUMNS, sessionCells } from './session-rows';
import type { AuditReport, ReportCookie, ReportFinding } from './types';

/** Severity is shown as a mark and a word, never colour alone. */
export const SEVERITY_MARK: Record<Severity, string> = { high: '▲', medium: '◆', low: '▽', info: 'ℹ' };
const SEVERITY_LABEL: Record<Severity, string> = { high: 'High', medium: 'Medium', low: 'Low', info: 'Info' };

export function valuesNotice(valuesIncluded: boolean): string {
  return valuesIncluded
    ? 'Cookie values INCLUDED: treat this report as a secret.'
    : 'Cookie values not included (redacted): lengths and digests only.';
}

export function scopeText(r: AuditReport): string {
  const s = r.scope;
  if (s.kind === 'tab') return `tab ${s.tabId}${s.url ? ` (${s.url})` : ''}`;
  if (s.kind === 'domain') return `domain ${s.domain}`;
  return 'all cookies';
}

const sev = (s: Severity): string =>
  `<span class="sev sev-${s}"><span aria-hidden="true">${SEVERITY_MARK[s]}</span> ${SEVERITY_LABEL[s]}</span>`;
const yes = (b: boolean | null): string => (b === null ? '?' : b ? 'yes' : 'no');
const td = (v: unknown, cls = ''): string => `<td${cls ? ` class="${cls}"` : ''}>${e(v)}</td>`;
/** Every table is named for table navigation; it repeats the heading, so it is only for screen readers. */
const caption = (text: string): string => `<caption class="vh">${e(text)}</caption>`;
const th = (labels: readonly string[]): string => `<thead><tr>${labels.map((l) => `<th scope="col">${e(l)}</th>`).join('')}</tr></thead>`;

function link(label: string, url: string): string {
  const href = safeHref(url);
  return href ? `<a href="${e(href)}">${e(label)}</a>` : e(`${label} (${url})`);
}

export function subjectText(f: ReportFinding): string {
  if (f.kind === 'cookie') return `${f.cookie.name} — ${f.cookie.domain}${f.cookie.path}`;
  if (f.kind === 'header' && isSessionHeaderFinding(f.id)) return `${f.header.name ?? ''} — ${f.header.url}`;
  if (f.kind === 'header') return `Set-Cookie ${f.header.name ?? ''} — ${f.header.url}`;
  return `${f.domain.domain}${f.domain.partition ? ` (partition ${f.domain.partition})` : ''}`;
}

function summary(r: AuditReport): string {
  const s = r.summary;
  const rows: Array<[string, number | string]> = [
    ['Cookies', s.cookies],
    ['Session cookies', s.session],
    ['Persistent cookies', s.persistent],
    ['Third-party cookies', s.thirdParty],
    ['Session-ID cookies', s.sessionIds],
    ['Rejected Set-Cookie lines', s.rejected],
    ...SEVERITIES.map((x): [string, number] => [`Findings: ${SEVERITY_LABEL[x]}`, s.findings[x]]),
    ['Limit profile', r.limitProfile.label],
  ];
  return `<section id="summary"><h2>Summary</h2><table class="summary">${caption('Summary')}<tbody>${rows
    .map(([k, v]) => `<tr><th scope="row">${e(k)}</th>${td(v, typeof v === 'number' ? 'num' : '')}</tr>`)
    .join('')}</tbody></table></section>`;
}

function findings(r: AuditReport): string {
  if (r.findings.length === 0) return '<section id="findings"><h2>Findings</h2><p>No findings.</p></section>';
  const groups = SEVERITIES.map((s) => {
    const list = r.findings.filter((f) => f.severity === s);
    if (list.length === 0) return '';
    const items = list
      .map(
        (f) =>
          `<li class="sev-${f.severity}">${sev(f.severity)} <code>${e(f.id)}</code> <span class="msg">${e(f.message)}</span>` +
          `<br><span class="muted">${e(subjectText(f))} · ${link(f.reference.label, f.reference.url)}</span></li>`,
      )
      .join('');
    return `<h3>${sev(s)} (${list.length})</h3><ul class="findings">${items}</ul>`;
  });
  return `<section id="findings"><h2>Findings by severity</h2>${groups.join('')}</section>`;
}

function sessionIds(r: AuditReport): string {
  const list = r.cookies.filter((c) => c.sessionId.isSessionId);
  const body =
    list.length === 0
      ? '<p>No session-ID cookies.</p>'
      : `<table>${caption('Session-ID cookies')}${th(['Name', 'Domain', 'Why', 'HttpOnly', 'Secure', 'Session', 'Findings'])}<tbody>${list
          .map(
            (c) =>
              `<tr>${td(c.name, 'mono')}${td(c.domain)}${td(c.sessionId.why ?? '')}${td(yes(c.httpOnly))}${td(yes(c.secure))}${td(yes(c.session))}${td(c.findings.join(' '), 'mono')}</tr>`,
          )
          .join('')}</tbody></table>`;
  return `<section id="session-ids"><h2>Session-ID cookies</h2>${body}</section>`;
}

function purposes(r: AuditReport): string {
  const t = purposeTables(r);
  const table = (name: string, head: readonly string[], rows: ReadonlyArray<readonly unknown[]>, none: string): string =>
    rows.length === 0
      ? `<p>${e(none)}</p>`
      : `<table>${caption(name)}${th(head)}<tbody>${rows.map((row) => `<tr>${row.map((v) => td(v, typeof v === 'number' ? 'num' : '')).join('')}</tr>`).join('')}</tbody></table>`;
  return (
    `<section id="purposes"><h2>Purposes</h2>` +
    table('Cookies per purpose', ['Purpose', 'Cookies'], t.counts, '') +
    `<h3>Platforms</h3>${table('Platforms', ['Platform', 'Purposes', 'Cookies', 'Third-party'], t.platforms, 'No cookie matched a known platform.')}` +
    `<h3>Third parties</h3>${table('Third parties', ['Registrable domain', 'Cookies', 'Purposes', 'Platforms'], t.thirdParties, 'No third-party cookies.')}` +
    `<p class="muted">${e(PURPOSE_SOURCE_NOTE)}</p></section>`
  );
}

function sessions(r: AuditReport): string {
  const body =
    r.sessions.length === 0
      ? '<p>No session seen in the log for this scope.</p>'
      : `<table>${caption('Sessions')}${th(SESSION_COLUMNS)}<tbody>${r.sessions
          .map(
            (s) =>
              `<tr>${sessionCells(s)
                .map((c, i) => td(c, i === 0 || i === 11 ? 'mono' : ''))
                .join('')}</tr>`,
          )
          .join('')}</tbody></table>`;
  return `<section id="sessions"><h2>Sessions</h2>${body}</section>`;
}

/** The audit command's phases: what was set before any interaction, and after consent. */
function consent(r: AuditReport): string {
  const c = r.consent as NonNullable<AuditReport['consent']>;
  const refs = (title: string, list: ReadonlyArray<{ name: string; domain: string; path: string }>): string =>
    `<h3>${e(`${title} (${list.length})`)}</h3>` +
    (list.length === 0
      ? '<p>None.</p>'
      : `<table>${caption(title)}${th(['Name', 'Domain', 'Path'])}<tbody>${list
          .map((x) => `<tr>${td(x.name, 'mono')}${td(x.domain)}${td(x.path, 'mono')}</tr>`)
          .join('')}</tbody></table>`);
  const tracking =
    c.findings.length === 0
      ? '<p>No analytics or marketing cookie was set before any interaction.</p>'
      : `<ul>${c.findings.map((f) => `<li>${sev(f.severity)} ${e(f.message)}</li>`).join('')}</ul>`;
  const banners = c.consentAccepted
    ? `<table>${caption('Consent banners')}${th(['URL', 'Accepted'])}<tbody>${c.clicks
        .map((k) => `<tr>${td(k.url, 'mono')}${td(k.acceptedBy ?? 'no banner found')}</tr>`)
        .join('')}</tbody></table>${refs('Set after consent', c.setAfterConsent)}`
    : '<p>Consent banners were not accepted in this audit (run it with --accept-consent).</p>';
  return `<section id="consent"><h2>Before and after consent</h2>${refs('Set before any interaction', c.beforeInteraction)}<h3>Tracking before consent</h3>${tracking}<h3>Consent banners</h3>${banners}</section>`;
}

function domains(r: AuditReport): string {
  const rows = r.domains
    .map(
      (d) =>
        `<tr>${td(d.domain)}${td(d.partition ?? '')}${td(d.count, 'num')}${td(d.limits.count, 'num')}${td(d.bytes, 'num')}${td(d.limits.bytes ?? '—', 'num')}<td class="status-${e(d.status)}">${e(d.status)}</td></tr>`,
    )
    .join('');
  return `<section id="domains"><h2>Per-domain counts against ${e(r.limitProfile.label)}</h2><table>${caption(`Per-domain counts against ${r.limitProfile.label}`)}${th(
    ['Registrable domain', 'Partition', 'Cookies', 'Limit', 'Bytes', 'Byte limit', 'Status'],
  )}<tbody>${rows}</tbody></table></section>`;
}

function cookieTable(name: string, list: readonly ReportCookie[], withValues: boolean, persistent: boolean): string {
  if (list.length === 0) return '<p>None.</p>';
  const head = [
    'Name',
    'Domain',
    'Path',
    'Secure',
    'HttpOnly',
    'SameSite',
    ...(persistent ? ['Expires'] : []),
    'Size',
    withValues ? 'Value' : 'Value (length, digest)',
    'Purpose',
    'Findings',
  ];
  const rows = list
    .map((c) => {
      const domain = c.hostOnly ? c.domain : `.${c.domain}`;
      const value = withValues ? td(c.value ?? '', 'mono') : td(`${c.valueLength} B, ${c.valueDigest}`, 'mono');
      const third = c.thirdParty ? ' (third-party)' : '';
      return `<tr>${td(c.name, 'mono')}${td(domain + third)}${td(c.path, 'mono')}${td(yes(c.secure))}${td(yes(c.httpOnly))}${td(c.sameSite)}${persistent ? td(c.expires ?? '') : ''}${td(c.size, 'num')}${value}${td(`${c.purpose.category} — ${purposeSourceText(c)}`)}${td(c.findings.join(' '), 'mono')}</tr>`;
    })
    .join('');
  return `<table>${caption(name)}${th(head)}<tbody>${rows}</tbody></table>`;
}

function cookies(r: AuditReport): string {
  const session = r.cookies.filter((c) => c.session);
  const persistent = r.cookies.filter((c) => !c.session);
  return (
    `<section id="cookies"><h2>Cookies</h2>` +
    `<h3>Session cookies (${session.length})</h3>${cookieTable(`Session cookies (${session.length})`, session, r.valuesIncluded, false)}` +
    `<h3>Persistent cookies (${persistent.length})</h3>${cookieTable(`Persistent cookies (${persistent.length})`, persistent, r.valuesIncluded, true)}</section>`
  );
}

function rejected(r: AuditReport): string {
  const body =
    r.rejected.length === 0
      ? '<p>No rejected Set-Cookie lines were recorded.</p>'
      : `<table>${caption('Rejected Set-Cookie lines')}${th(['Time', 'URL', 'Cookie', 'Reason', 'Set-Cookie line'])}<tbody>${r.rejected
          .map((x) => `<tr>${td(x.time)}${td(x.url, 'mono')}${td(x.cookieName, 'mono')}${td(x.reason, 'mono')}${td(x.line, 'mono')}</tr>`)
          .join('')}</tbody></table>`;
  return `<section id="rejected"><h2>Rejected Set-Cookie lines</h2>${body}</section>`;
}

function events(r: AuditReport): string {
  if (r.events === undefined) return '';
  const body =
    r.events.length === 0
      ? '<p>No changes recorded.</p>'
      : `<table>${caption('Change log')}${th(['Time', 'Change', 'Cause', 'Source', 'Name', 'Domain', 'Path', r.valuesIncluded ? 'Value' : 'Value (length, digest)'])}<tbody>${r.events
          .map(
            (x) =>
              `<tr>${td(x.time)}${td(x.removed ? 'removed' : 'set')}${td(x.cause)}${td(x.source)}${td(x.name, 'mono')}${td(x.domain)}${td(x.path, 'mono')}${td(
                r.valuesIncluded && x.value !== undefined ? x.value : `${x.valueLength} B, ${x.valueDigest}`,
                'mono',
              )}</tr>`,
          )
          .join('')}</tbody></table>`;
  return `<section id="events"><h2>Change log</h2>${body}</section>`;
}

export function toHtml(report: AuditReport): string {
  const r = report;
  const meta: Array<[string, string]> = [
    ['Generated', r.generatedAt],
    ['Scope', scopeText(r)],
    ['Top-level site', r.topLevelSite ?? '—'],
    ['Browser', `${r.browser.name} ${r.browser.version}`],
    ['Generator', `${r.generator.name} ${r.generator.version}`],
    ['Report version', String(r.reportVersion)],
  ];
  return [
    `<!-- ${valuesNotice(r.valuesIncluded).replace(/--/g, '—')} -->`,
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // No script may run in a saved report, even if an escaping bug let markup through.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${e(`Cookie audit report — ${scopeText(r)}`)}</title>`,
    `<style>${REPORT_CSS}</style></head><body>`,
    `<header><h1>Cookie audit report</h1>`,
    `<p class="values" data-values-included="${r.valuesIncluded}"><strong>${e(valuesNotice(r.valuesIncluded))}</strong></p>`,
    `<dl class="meta">${meta.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('')}</dl></header>`,
    '<main>',
    summary(r),
    findings(r),
    sessions(r),
    sessionIds(r),
    purposes(r),
    ...(r.consent ? [consent(r)] : []),
    domains(r),
    cookies(r),
    rejected(r),
    events(r),
    '</main></body></html>',
    '',
  ].join('\n');
}
