/** A cookie's history from the log, live: set, sent, replaced, deleted / expired / evicted. */
import { useEffect, useState } from 'preact/hooks';
import { cookieLifecycle, liveQuery, type Lifecycle } from '../../db/queries';
import type { CookieLogDB } from '../../db/schema';
import { t } from '../../platform/i18n';
import { clockTime } from './format';
import { lifecycleSteps } from './lifecycle';

const STEP_ICON: Record<string, string> = {
  set: '✚',
  replaced: '↻',
  sent: '→',
  deleted: '✖',
  expired: '⌛',
  evicted: '⏏',
  rejected: '⛔',
};

/**
 * Where a cookie's history is read: the on-disk log (live), or, for a private tab, a function
 * asking the background's memory log (read once per cookie shown).
 */
export type LifecycleSource = { db: CookieLogDB } | { read: (cookieKey: string, site: string) => Promise<Lifecycle> };

export function LifecycleList(props: { source: LifecycleSource; cookieKey: string; name: string; site: string }) {
  const [lc, setLc] = useState<Lifecycle | undefined>(undefined);
  useEffect(() => {
    setLc(undefined);
    const { source } = props;
    if ('read' in source) {
      let live = true;
      source.read(props.cookieKey, props.site).then(
        (v) => live && setLc(v),
        (err: unknown) => console.warn('panel: lifecycle query failed', err),
      );
      return () => {
        live = false;
      };
    }
    const sub = liveQuery(() => cookieLifecycle(source.db, props.cookieKey, { registrableDomain: props.site })).subscribe({
      next: setLc,
      error: (err: unknown) => console.warn('panel: lifecycle query failed', err),
    });
    return () => sub.unsubscribe();
  }, [props.source, props.cookieKey, props.site]);
  if (!lc) return <p class="muted">{t('panel_loading')}</p>;
  const steps = lifecycleSteps(lc, props.name);
  if (steps.length === 0)
    return (
      <p class="muted" data-testid="lifecycle-empty">
        {t('panel_lifecycle_empty')}
      </p>
    );
  return (
    <ol class="lifecycle" data-testid="lifecycle" data-steps={steps.map((s) => s.kind).join(' ')}>
      {steps.map((s) => (
        <li key={s.id} data-step={s.kind}>
          <span class="t-time">{clockTime(s.time)}</span>{' '}
          <strong>
            <span aria-hidden="true">{STEP_ICON[s.kind]} </span>
            {t(`panel_step_${s.kind}`)}
          </strong>
          {s.source === 'script' ? ` ${t('panel_by_script')}` : ''}
          {s.url ? ` — ${s.url}` : ''}
          {s.reason ? ` (${s.reason})` : ''}
          {s.digest ? <span class="muted"> {t('panel_digest', s.digest)}</span> : null}
        </li>
      ))}
    </ol>
  );
}
