/**
 * Request URLs carry secrets (session IDs, OAuth codes, reset tokens, API keys). Unless the user
 * records values, the URLs of an observation are stored with every parameter value replaced by its
 * length and keyed digest (analysis/url-secrets.ts): names stay readable, values stay matchable.
 */
import { redactUrl, type Describe } from '../../analysis/url-secrets';
import type { NewHeaderObservation } from '../../model/events';

export function protectUrls(obs: NewHeaderObservation, recordValues: boolean, describe: Describe): NewHeaderObservation {
  if (recordValues) return obs;
  obs.url = redactUrl(obs.url, describe);
  if (obs.initiator !== undefined) obs.initiator = redactUrl(obs.initiator, describe);
  return obs;
}
