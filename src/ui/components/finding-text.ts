/**
 * A finding's one-liner in the UI language. The catalogue's templates are English with
 * `{placeholders}`; each locale has the same template under `ui_finding_<id>` and we fill the
 * placeholders from the finding's details and subject, as the catalogue intends. Falls back to
 * the English message when a locale lacks the template. Placeholders the analysis gives codes for
 * (kinds of data, durations, units, times) are worded and formatted for the locale (finding-vars.ts).
 */
import type { DetailValue, Finding, FindingId } from '../../model/finding';
import { localVar, type Translate } from './finding-vars';

export function findingKey(id: FindingId): string {
  return `ui_finding_${id.replace(/-/g, '_')}`;
}

function subjectValue(f: Finding, name: string): DetailValue | undefined {
  const s = f.subject;
  if (name === 'name' && s.kind !== 'domain') return s.name;
  if (name === 'domain' && s.kind !== 'header') return s.domain;
  if (name === 'url' && s.kind === 'header') return s.url;
  if (name === 'path' && s.kind === 'cookie') return s.path;
  return undefined;
}

/** The locale the messages are in (`ui_locale`), which Intl formats numbers and dates for. */
function localeOf(translate: Translate): string {
  const locale = translate('ui_locale');
  return locale === '' || locale === 'ui_locale' ? 'en' : locale;
}

export function findingText(f: Finding, translate: Translate, timeZone?: string): string {
  const key = findingKey(f.id);
  const template = translate(key);
  if (template === '' || template === key) return f.message;
  const locale = localeOf(translate);
  const details = f.details ?? {};
  let missing = false;
  const text = template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const local = localVar(name, details, translate, locale, timeZone);
    if (local !== undefined) return local;
    const v = details[name] ?? subjectValue(f, name);
    if (v === undefined || v === null) {
      missing = true;
      return '';
    }
    return String(v);
  });
  return missing ? f.message : text;
}
