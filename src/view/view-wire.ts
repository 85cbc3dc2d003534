/**
 * The tab view on the wire between the background and the popup. Imports types only, so the popup
 * bundle does not pull the analysis (and the Public Suffix List) in with it.
 */
import type { CookieClassification } from '../analysis/classify';
import type { Finding } from '../model/finding';
import { firstSortedRows, SECTION_SORT } from './row-order';
import type { CookieFlag, CookieRow, ViewModel } from './view-model';

/** What a row-level finding needs to be shown as a flag's reason: no reference, no duplicate key. */
function slimFinding(f: Finding): Finding {
  const subject =
    f.subject.kind === 'cookie'
      ? { kind: 'cookie' as const, name: f.subject.name, domain: f.subject.domain, path: f.subject.path }
      : f.subject;
  return { id: f.id, severity: f.severity, message: f.message, subject, ...(f.details ? { details: f.details } : {}) } as Finding;
}

/** Findings sent with a tab view; the rest are counted (`bySeverity`) and in the report. */
export const WIRE_FINDINGS = 50;

/**
 * The view model as the background sends it to the popup. Chromium's extension messaging is JSON,
 * which repeats every shared object: the full model of a big profile serialises many times over (rows
 * listed twice, each finding three times with its reference; commit c2bd0b7). Each part goes once here, and
 * `withSections` rebuilds the section lists on the other side.
 */
export function forWire(vm: ViewModel): ViewModel {
  const rows = vm.rows.map(wireRow);
  return { ...vm, rows, session: [], persistent: [], findings: vm.findings.slice(0, WIRE_FINDINGS) };
}

/** Rows remembered across views (analysis/view-memo.ts) are slimmed once. */
const wired = new WeakMap<CookieRow, CookieRow>();

function wireRow(r: CookieRow): CookieRow {
  let w = wired.get(r);
  if (w !== undefined) return w;
  const flagFindings: Partial<Record<CookieFlag, Finding>> = {};
  for (const [flag, f] of Object.entries(r.flagFindings) as Array<[CookieFlag, Finding]>) flagFindings[flag] = slimFinding(f);
  w = {
    ...r,
    // Not rendered by the popup: the inspector and the report recompute it from the cookie.
    classification: undefined as unknown as CookieClassification,
    findings: [],
    flagFindings,
    // The table only marks the row with the top finding's id and severity.
    topFinding: r.topFinding ? ({ id: r.topFinding.id, severity: r.topFinding.severity } as Finding) : null,
  };
  wired.set(r, w);
  return w;
}

/** Restores the session / persistent lists `forWire` leaves out. */
export function withSections(vm: ViewModel): ViewModel {
  return {
    ...vm,
    session: vm.rows.filter((r) => r.section === 'session'),
    persistent: vm.rows.filter((r) => r.section === 'persistent'),
  };
}

/**
 * Rows per section the popup's first answer carries: more than its 600 px show before scrolling,
 * and a small fraction of a big profile's, whose every row would be slow both to pass as JSON and
 * to render (bench:popup).
 */
export const FIRST_ROWS = 20;

/**
 * A wire view with only the first `n` rows of each section, in the order the popup opens them
 * (`SECTION_SORT`), so the first paint shows exactly what it would with every row. Counts, limits
 * and findings stay whole; the rest of the rows follow in a second answer.
 */
export function firstRows(vm: ViewModel, n: number): { view: ViewModel; complete: boolean } {
  let byCount = firstRowsOf.get(vm);
  if (!byCount) firstRowsOf.set(vm, (byCount = new Map()));
  let first = byCount.get(n);
  if (!first) byCount.set(n, (first = computeFirstRows(vm, n)));
  return first;
}

/** Sorting every row takes a few ms for a big profile; the answer and the snapshot share one. */
const firstRowsOf = new WeakMap<ViewModel, Map<number, { view: ViewModel; complete: boolean }>>();

function computeFirstRows(vm: ViewModel, n: number): { view: ViewModel; complete: boolean } {
  const session = vm.rows.filter((r) => r.section === 'session');
  const persistent = vm.rows.filter((r) => r.section === 'persistent');
  if (session.length <= n && persistent.length <= n) return { view: vm, complete: true };
  const rows = [...firstSortedRows(session, SECTION_SORT.session, n), ...firstSortedRows(persistent, SECTION_SORT.persistent, n)];
  return { view: { ...vm, rows }, complete: false };
}
