/**
 * A finding's placeholders in the UI language. The analysis keeps codes and numbers in a finding's
 * details (`dataKind`, `location`, `lifetimeMs`, `problems`, `unit`, ISO times …) next to the English
 * phrases it fills its own message with; here each placeholder that has codes is worded from the
 * locale's messages and formatted with Intl, so no English fragment lands in a translated sentence.
 */
import type { DetailValue } from '../../model/finding';

export type Translate = (key: string) => string;
type Details = Readonly<Record<string, DetailValue>>;

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

/** The phrase under `key` with `{field}`-like slots filled; undefined when the locale lacks it. */
function phrase(translate: Translate, key: string, slots: Record<string, string> = {}): string | undefined {
  const text = translate(key);
  if (text === '' || text === key) return undefined;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => slots[name] ?? m);
}

const code = (v: DetailValue | undefined): string | undefined =>
  typeof v === 'string' && /^[\w-]+$/.test(v) ? v.replace(/-/g, '_') : undefined;

/** Days, hours or minutes, the unit chosen as the analysis chooses it for its English message. */
export function formatDuration(ms: number, locale: string): string {
  const abs = Math.abs(ms);
  const [n, unit] = abs >= 2 * DAY_MS ? [ms / DAY_MS, 'day'] : abs >= 2 * HOUR_MS ? [ms / HOUR_MS, 'hour'] : [ms / 60_000, 'minute'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(Math.round(n));
}

export function formatTime(iso: string, locale: string, timeZone?: string): string | undefined {
  const ms = Date.parse(iso);
  if (!/^\d{4}-\d\d-\d\dT/.test(iso) || Number.isNaN(ms)) return undefined;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', ...(timeZone ? { timeZone } : {}) }).format(ms);
}

function list(items: string[], locale: string): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}

const TIMES = new Set(['expires', 'expiresAt', 'at']);
const NUMBERS = new Set(['days', 'bytes', 'limit', 'used', 'count']);

/**
 * The placeholder `name` worded for the locale from the codes in `details`, or undefined to keep
 * the detail as it is (a cookie name, a URL, a code the locale has no words for).
 */
export function localVar(name: string, details: Details, translate: Translate, locale: string, timeZone?: string): string | undefined {
  const v = details[name];
  switch (name) {
    case 'what': {
      const kind = code(details['dataKind']);
      return kind ? phrase(translate, `ui_pd_kind_${kind}`) : undefined;
    }
    case 'where': {
      const where = code(details['location']);
      return where ? phrase(translate, `ui_pd_where_${where}`, { field: String(details['field'] ?? '') }) : undefined;
    }
    case 'lifetime': {
      if (details['noExp'] === true) return phrase(translate, 'ui_jwt_no_exp');
      const ms = details['lifetimeMs'];
      return typeof ms === 'number' && Number.isFinite(ms) ? formatDuration(ms, locale) : undefined;
    }
    case 'problem': {
      const codes = typeof details['problems'] === 'string' ? details['problems'].split(',') : [];
      const words = codes.map((c) => phrase(translate, `ui_prefix_problem_${code(c) ?? ''}`, { path: String(details['badPath'] ?? '') }));
      return codes.length > 0 && words.every((w) => w !== undefined) ? list(words as string[], locale) : undefined;
    }
    case 'unit': {
      const unit = code(v);
      return unit ? phrase(translate, `ui_unit_${unit}`) : undefined;
    }
    case 'session': {
      const { sessionName, sessionWhere } = details;
      return typeof sessionName === 'string' && typeof sessionWhere === 'string'
        ? phrase(translate, 'ui_session_label', { name: sessionName, where: sessionWhere })
        : undefined;
    }
    case 'momentUrl':
      return details['manual'] === true ? phrase(translate, 'ui_moment_manual') : undefined;
    default:
      if (TIMES.has(name) && typeof v === 'string') return formatTime(v, locale, timeZone);
      if (NUMBERS.has(name) && typeof v === 'number') return new Intl.NumberFormat(locale).format(v);
      return undefined;
  }
}
