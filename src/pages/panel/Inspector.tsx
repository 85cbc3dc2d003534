/**
 * The selected cookie: attributes, classification (session/persistent, session ID, JWT decoded),
 * its findings with references, its lifecycle, reveal and copy. The value is hidden until the
 * user reveals it; the reveal lives in this component's state, so selecting another cookie (the
 * component is keyed by cookie) hides it again and nothing is persisted.
 */
import { useState } from 'preact/hooks';
import { classifyCookie, describedPurposeOf, detectJwt, findingsForCookie, registrableDomain } from '../../analysis';
import { databaseDescription } from '../../analysis/cookie-database/descriptions';
import type { Finding } from '../../model/finding';
import type { LimitProfile } from '../../model/limits';
import { t } from '../../platform/i18n';
import { PurposeBadge } from '../../ui/purpose';
import '../../ui/purpose/purpose.css';
import type { KnownCookie } from './cookies';
import { toJson, toSetCookieLine } from './copy';
import { FindingItem } from './FindingItem';
import { dateTime } from './format';
import { LifecycleList, type LifecycleSource } from './Lifecycle';

export interface InspectorProps {
  lifecycle: LifecycleSource;
  cookie: KnownCookie;
  findings: readonly Finding[];
  now: number;
  topLevelSite: string | undefined;
  profile: LimitProfile;
}

function yesNo(b: boolean): string {
  return b ? t('panel_yes') : t('panel_no');
}

async function copyText(text: string, setStatus: (s: string) => void): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    setStatus(t('panel_copied'));
  } catch {
    setStatus(t('panel_copy_failed'));
  }
}

function Jwt({ value, now }: { value: string; now: number }) {
  const jwt = detectJwt(value);
  if (!jwt) return null;
  return (
    <section aria-label={t('panel_jwt')} data-testid="jwt">
      <h3>{t('panel_jwt')}</h3>
      <p>
        {t('panel_jwt_alg', jwt.alg)}
        {jwt.exp !== undefined
          ? ` · ${t('panel_jwt_exp', dateTime(jwt.exp * 1000))}${jwt.exp * 1000 < now ? ` (${t('panel_expired')})` : ''}`
          : ''}
      </p>
      <pre class="mono wrap">{JSON.stringify(jwt.header, null, 2)}</pre>
      {jwt.payload ? <pre class="mono wrap">{JSON.stringify(jwt.payload, null, 2)}</pre> : null}
    </section>
  );
}

export function Inspector(props: InspectorProps) {
  const { cookie, now } = props;
  const c = cookie.info;
  const [revealed, setRevealed] = useState(false);
  const [status, setStatus] = useState('');
  const ctx = { now, profile: props.profile, ...(props.topLevelSite ? { topLevelSite: props.topLevelSite } : {}) };
  const cl = classifyCookie(c, { ...ctx, maxAgeDays: props.profile.maxAgeDays });
  // A cookie that is gone is not in the page's analysis: judge its logged attributes on their own.
  const mine = cookie.present
    ? props.findings.filter((f) => f.subject.kind === 'cookie' && f.subject.key === c.key)
    : findingsForCookie(c, ctx);
  // The panel page loads the database's descriptions: the inspector is where one cookie is read closely.
  const purpose = describedPurposeOf(c, { party: cl.party, sessionId: cl.sessionId }, databaseDescription);
  const rows: Array<[string, string]> = [
    [t('panel_attr_domain'), `${c.hostOnly ? '' : '.'}${c.domain}`],
    [t('panel_attr_path'), c.path],
    [t('panel_attr_expires'), c.expires === null ? t('panel_session') : dateTime(c.expires)],
    [t('panel_attr_secure'), yesNo(c.secure)],
    [t('panel_attr_httponly'), yesNo(c.httpOnly)],
    [t('panel_attr_samesite'), c.sameSite],
    [t('panel_attr_store'), c.storeId],
    [t('panel_party'), t(`panel_party_${cl.party}`)],
    [t('panel_persistence'), t(`panel_${cl.expiry.persistence}`)],
    [
      t('panel_session_id'),
      cl.sessionId?.isSessionId ? `${t('panel_yes')}${cl.sessionId.framework ? ` (${cl.sessionId.framework})` : ''}` : t('panel_no'),
    ],
  ];
  return (
    <section class="inspector" aria-label={t('panel_inspector')} data-testid="inspector" data-cookie-key={c.key} data-cookie-name={c.name}>
      <h2 class="wrap">{c.name}</h2>
      {!cookie.present ? <p class="muted">{t('panel_cookie_gone')}</p> : null}
      <dl class="kv">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
        <div data-testid="purpose">
          <dt>{t('panel_purpose')}</dt>
          <dd>
            <PurposeBadge purpose={purpose} showSource={true} />
            {purpose.description !== undefined ? (
              <p class="muted wrap" data-testid="purpose-description">
                {purpose.description}
              </p>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t('panel_value')}</dt>
          <dd>
            {cookie.present ? (
              revealed ? (
                <code class="mono wrap" data-testid="cookie-value">
                  {c.value}
                </code>
              ) : (
                <span class="muted">{t('panel_value_hidden', String(cl.size.value))}</span>
              )
            ) : (
              <span class="muted">{t('panel_value_unknown')}</span>
            )}{' '}
            {cookie.present ? (
              <button type="button" aria-pressed={revealed} onClick={() => setRevealed(!revealed)} data-testid="reveal">
                {revealed ? t('panel_hide') : t('panel_reveal')}
              </button>
            ) : null}
          </dd>
        </div>
      </dl>
      <div class="actions" role="group" aria-label={t('panel_copy')}>
        <button type="button" onClick={() => void copyText(toSetCookieLine(c, revealed && cookie.present), setStatus)}>
          {t('panel_copy_setcookie')}
        </button>
        <button type="button" onClick={() => void copyText(toJson(c, revealed && cookie.present), setStatus)}>
          {t('panel_copy_json')}
        </button>
        <span role="status" class="muted">
          {status}
        </span>
      </div>
      {cookie.present && revealed ? (
        <Jwt value={c.value} now={now} />
      ) : cookie.present && cl.jwt ? (
        <p class="muted">{t('panel_jwt_reveal')}</p>
      ) : null}
      <h3>{t('panel_findings')}</h3>
      {mine.length === 0 ? (
        <p class="muted">{t('panel_no_findings')}</p>
      ) : (
        <ul class="findings" data-testid="cookie-findings">
          {mine.map((f, i) => (
            <FindingItem key={`${f.id}${i}`} finding={f} />
          ))}
        </ul>
      )}
      <h3>{t('panel_lifecycle')}</h3>
      <LifecycleList source={props.lifecycle} cookieKey={c.key} name={c.name} site={registrableDomain(c.domain)} />
    </section>
  );
}
