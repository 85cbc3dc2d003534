/**
 * A finding's one-liner in the UI language. The catalogue's templates are English with
 * `{placeholders}`; each locale has the same template under `ui_finding_<id>` and we fill the
 * placeholders from the finding's details and subject, as the catalogue intends. Falls back to
 * the English message when a locale lacks the template.
 */
import type { DetailValue, Finding, FindingId } from '../../model/finding';

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

export function findingText(f: Finding, translate: (key: string) => string): string {
  const key = findingKey(f.id);
  const template = translate(key);
  if (template === '' || template === key) return f.message;
  let missing = false;
  const text = template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const v = f.details?.[name] ?? subjectValue(f, name);
    if (v === undefined || v === null) {
      missing = true;
      return '';
    }
    return String(v);
  });
  return missing ? f.message : text;
}
