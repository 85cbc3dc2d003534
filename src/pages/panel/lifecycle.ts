/**
 * One cookie's lifecycle as steps a reader follows: set (by which response or script), sent (with
 * which request), replaced, deleted, expired, evicted, and Set-Cookie lines the browser refused.
 * Pure: built from `cookieLifecycle`'s changes and observations.
 */
import type { CookieChangeEvent, HeaderObservation } from '../../model/events';
import type { Lifecycle } from '../../db/queries';

export type StepKind = 'set' | 'replaced' | 'sent' | 'deleted' | 'expired' | 'evicted' | 'rejected';

export interface LifecycleStep {
  id: string;
  time: number;
  kind: StepKind;
  /** The response, request or script that caused it (URL), when known. */
  url?: string;
  source?: CookieChangeEvent['source'];
  reason?: string;
  /** Value digest after a set/replace: shows rotation without the value. */
  digest?: string;
}

function removalKind(c: CookieChangeEvent): StepKind {
  if (c.cause === 'evicted') return 'evicted';
  if (c.cause === 'expired') return 'expired';
  return 'deleted';
}

export function lifecycleSteps(lc: Lifecycle, name: string): LifecycleStep[] {
  const obsById = new Map<number, HeaderObservation>();
  for (const o of lc.observations) obsById.set(o.id, o);
  const linkedLines = new Set<number>();
  const steps: Array<LifecycleStep & { seq: number }> = [];
  let alive = false;
  for (const c of lc.changes) {
    // A replacement fires "removed (overwrite)" then "added": the pair is one step.
    if (c.removed && c.cause === 'overwrite') continue;
    const by = c.linkedObservationId === undefined ? undefined : obsById.get(c.linkedObservationId);
    if (c.linkedObservationId !== undefined) linkedLines.add(c.linkedObservationId);
    const step: LifecycleStep & { seq: number } = {
      id: `c${c.id}`,
      time: c.time,
      seq: c.id,
      kind: c.removed ? removalKind(c) : alive ? 'replaced' : 'set',
      source: c.source,
    };
    if (by) step.url = by.url;
    if (!c.removed) step.digest = c.valueDigest;
    alive = !c.removed;
    steps.push(step);
  }
  for (const o of lc.observations) {
    if (o.kind === 'request' && (o.cookieNames ?? []).includes(name)) {
      steps.push({ id: `o${o.id}`, time: o.time, seq: o.id, kind: 'sent', url: o.url });
    } else if (o.kind === 'response' && !linkedLines.has(o.id)) {
      for (const s of o.setCookies ?? []) {
        if (s.name !== name || s.outcome !== 'rejected') continue;
        const step: LifecycleStep & { seq: number } = { id: `o${o.id}`, time: o.time, seq: o.id, kind: 'rejected', url: o.url };
        if (s.reason !== undefined) step.reason = s.reason;
        steps.push(step);
      }
    }
  }
  steps.sort((a, b) => a.time - b.time || a.seq - b.seq);
  return steps.map(({ seq: _seq, ...s }) => s);
}

/** Steps with consecutive repeats of one kind folded, for a compact summary ("set → sent → replaced"). */
export function stepSummary(steps: readonly LifecycleStep[]): StepKind[] {
  const out: StepKind[] = [];
  for (const s of steps) if (out[out.length - 1] !== s.kind) out.push(s.kind);
  return out;
}
