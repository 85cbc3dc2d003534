/**
 * The limit profile of the browser this build runs in: the default a UI compares per-domain
 * usage against. Named from the build (BROWSER), not from the user agent.
 */
import type { LimitProfileId } from '../model/limits';
import { BROWSER } from './browser';

export function runningProfileId(): LimitProfileId {
  return BROWSER === 'firefox' ? 'firefox' : 'chromium';
}
