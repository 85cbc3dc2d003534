/**
 * The report's initial options from its query string (`values=1`, `history=1`, `profile=<id>`), so a
 * link — the command-line audit, or a page that opens the report — can ask for them up front.
 */
import { LIMIT_PROFILES, type LimitProfileId } from '../../model/limits';
import type { Options } from './Controls';

export function optionsFromQuery(search: string, defaults: Options): Options {
  const q = new URLSearchParams(search);
  const profile = q.get('profile');
  return {
    includeValues: q.get('values') === '1' ? true : defaults.includeValues,
    includeHistory: q.get('history') === '1' ? true : defaults.includeHistory,
    profile: profile !== null && Object.hasOwn(LIMIT_PROFILES, profile) ? (profile as LimitProfileId) : defaults.profile,
  };
}
