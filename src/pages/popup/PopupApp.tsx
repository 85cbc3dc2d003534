import { useEffect, useMemo, useState } from 'preact/hooks';
import { SECTION_SORT } from '../../view/row-order';
import type { LimitProfileId } from '../../model/limits';
import { t } from '../../platform/i18n';
import { AccessPrompt } from '../../ui/AccessPrompt';
import { CookieTable, filterRows, LiveSummary, SearchBox } from '../../ui/components';
import { markLoaded } from '../../ui/mount';
import type { Target } from '../../ui/target';
import { useTarget } from '../../ui/useTarget';
import { FindingsSection } from './FindingsSection';
import { PopupHeader } from './Header';
import { SessionsSection } from './SessionsSection';
import { LimitsSection } from './LimitsSection';
import { useHostAccess } from './useHostAccess';
import { usePopupData, type PopupState } from './usePopupData';

/**
 * Rows rendered per section before "show all": 50 rows already overflow the popup's 600 px height.
 * The first paint has fewer still (view-wire.ts `FIRST_ROWS`): the background's first answer
 * carries only those, the rest of the page follows with the rest of the rows.
 */
const POPUP_PAGE_SIZE = 50;

/** Every state has a page heading: without a site to name, the extension's own. */
function Notice(props: { kind: string; text: string }) {
  return (
    <>
      <header class="popup-header">
        <h1>{t('extName')}</h1>
      </header>
      <div class="notice" role="status" data-state={props.kind}>
        <p>{props.text}</p>
      </div>
    </>
  );
}

/**
 * Data-loaded once the background's first answer (whatever it is) has been painted: what tests
 * wait on. `data-complete` says whether every row is in too (the first answer of a big profile has
 * the first rows of each section only). `data-first-paint` says what the first paint with data
 * showed (always "answer" now that no snapshot is painted), and the `popup-first-paint` mark
 * when: what the bench measures.
 */
function useLoadedSignal(state: PopupState): void {
  const shown = state.status !== 'loading';
  const done = shown;
  const complete = done && !(state.status === 'ready' && !state.tab.complete);
  useEffect(() => {
    if (!shown) return;
    document.documentElement.dataset['firstPaint'] = 'answer';
    performance.mark('popup-first-paint');
  }, [shown]);
  useEffect(() => {
    if (!done) return;
    markLoaded();
    performance.mark('popup-loaded');
  }, [done]);
  useEffect(() => {
    if (!done) return;
    document.documentElement.dataset['complete'] = String(complete);
    if (complete) performance.mark('popup-complete');
  }, [done, complete]);
  useEffect(() => {
    if (state.status === 'ready') document.documentElement.dataset['generation'] = String(state.generation);
  }, [state]);
}

/** The two cookie sections, in the order they are shown. */
const SECTIONS = ['session', 'persistent'] as const;

/**
 * The popup opens with the cookie search focused (the first thing a keyboard user does with a
 * list this long), unless focus is already somewhere: it never takes focus away from the user.
 */
function useFirstFocus(): void {
  useEffect(() => {
    if (document.activeElement && document.activeElement !== document.body) return;
    document.querySelector<HTMLElement>('.popup-main [data-testid=search]')?.focus();
  }, []);
}

function Ready(props: { state: Extract<PopupState, { status: 'ready' }>; tabId: number; onProfile: (id: LimitProfileId) => void }) {
  const { tab } = props.state;
  const scope = tab;
  // Expiries are shown relative to when the view is shown, not to its analysis clock: the
  // background may analyse with a clock up to a minute old (analysis/view-memo.ts), which a cookie
  // set a moment ago and living a minute would show wrongly.
  const shownAt = useMemo(() => Date.now(), [tab]);
  const vm = tab.view;
  useFirstFocus();
  // Until the rest of the rows is in, each section holds its first rows only: totals come from the
  // counts, and "no matches" waits for every row.
  const complete = tab.complete;
  const [query, setQuery] = useState('');
  const session = useMemo(() => filterRows(vm.session, query), [vm, query]);
  const persistent = useMemo(() => filterRows(vm.persistent, query), [vm, query]);
  // Dates and numbers in the language the messages came in (the browser may pick a message locale
  // other than getUILanguage(), e.g. Chromium started with --lang).
  const locale = t('ui_locale');
  if (!scope.inspectable) {
    // Browsers hide the URL of pages extensions may not read, so only a missing tab is "no tab".
    return !scope.tabExists ? <Notice kind="no-tab" text={t('popup_noTab')} /> : <Notice kind="restricted" text={t('popup_restricted')} />;
  }
  return (
    <>
      <PopupHeader vm={vm} />
      <main class="popup-main" data-state={vm.counts.all === 0 ? 'empty' : 'cookies'}>
        {/* Each pushed view is read out as one throttled summary, not one change per cookie. */}
        <LiveSummary message={t('popup_liveSummary', [String(vm.counts.all), String(vm.findings.length)])} />
        {vm.counts.all === 0 ? (
          <Notice kind="empty" text={t('popup_empty')} />
        ) : (
          <>
            <SearchBox value={query} onInput={setQuery} label={t('ui_search')} placeholder={t('ui_searchPlaceholder')} />
            {complete && query !== '' && session.length + persistent.length === 0 ? <p class="muted">{t('ui_noMatches')}</p> : null}
            {SECTIONS.map((section) => {
              const rows = section === 'session' ? session : persistent;
              const exact = complete || query !== '';
              return (
                <section key={section} class="popup-section popup-cookies" data-testid={`${section}-section`} aria-busy={!complete}>
                  <CookieTable
                    rows={rows}
                    total={exact ? undefined : vm.counts[section]}
                    caption={t(`popup_${section}Section`, String(exact ? rows.length : vm.counts[section]))}
                    section={section}
                    now={shownAt}
                    locale={locale}
                    pageSize={POPUP_PAGE_SIZE}
                    initialSort={SECTION_SORT[section]}
                  />
                  <p class="muted popup-hint">{t(`popup_${section}Hint`)}</p>
                </section>
              );
            })}
          </>
        )}
        <SessionsSection sessions={tab.sessions} />
        <LimitsSection vm={vm} profileId={tab.profileId} onProfile={props.onProfile} />
        <FindingsSection vm={vm} tabId={props.tabId} />
      </main>
    </>
  );
}

/** `target`: the tab main.tsx resolved before the first render (and asked the background about). */
export function PopupApp(props: { target?: Target }) {
  const target = useTarget(props.target);
  const access = useHostAccess();
  // Loading does not wait for the access check (first paint); granting access re-runs it, since
  // the tab's URL and cookies only then become readable.
  const [profile, setProfile] = useState<LimitProfileId | undefined>(undefined);
  const state = usePopupData(target, access === false ? 'denied' : 'granted', profile);
  useLoadedSignal(state);
  if (access === false)
    return (
      <>
        <header class="popup-header">
          <h1>{t('extName')}</h1>
        </header>
        <AccessPrompt />
      </>
    );
  switch (state.status) {
    case 'loading':
      return (
        <>
          <header class="popup-header">
            <h1>{t('extName')}</h1>
          </header>
          <p class="muted popup-loading">{t('popup_loading')}</p>
        </>
      );
    case 'no-tab':
      return <Notice kind="no-tab" text={t('popup_noTab')} />;
    case 'error':
      return <Notice kind="error" text={t('popup_error', state.message)} />;
    case 'ready':
      return <Ready state={state} tabId={target?.tabId ?? -1} onProfile={setProfile} />;
  }
}
