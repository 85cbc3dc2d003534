/**
 * Every cookie the panel knows for the tab (in the jar now, or only in the log) to pick for the
 * inspector: a listbox with `aria-activedescendant` (arrows, Page Up/Down, Home, End and typing a
 * name select; Enter moves into the inspector; Escape closes it), like the timeline.
 */
import { t } from '../../platform/i18n';
import { useMemo, useRef, useState } from 'preact/hooks';
import { registrableDomain } from '../../analysis';
import type { PurposeCategory } from '../../model/purpose';
import { listboxTarget, typeAheadMatch } from '../../ui/components/listbox-keys';
import type { KnownCookie } from './cookies';
import { PurposeFilter } from './PurposeFilter';
import { cookiePurpose } from './purposes';

/** Rows moved by Page Up/Down: about a screenful of this list. */
const PAGE = 10;
/** Typed letters within this gap form one name prefix (the APG listbox's type-ahead). */
const TYPE_AHEAD_MS = 700;

export interface CookiesViewProps {
  known: readonly KnownCookie[];
  selectedKey: string | undefined;
  onSelect: (key: string) => void;
  onActivate?: () => void;
  onDismiss?: () => void;
  /** Decides first or third party for the purpose filter. */
  topLevelSite?: string | undefined;
}

const optionId = (i: number): string => `ck-${i}`;

export function CookiesView(props: CookiesViewProps) {
  const typed = useRef({ text: '', at: -Infinity });
  const [purpose, setPurpose] = useState<PurposeCategory | ''>('');
  const { topLevelSite } = props;
  const known = useMemo(() => {
    if (purpose === '') return props.known;
    const party = (k: KnownCookie) =>
      topLevelSite === undefined ? 'unknown' : registrableDomain(k.info.domain) === topLevelSite ? 'first' : 'third';
    return props.known.filter((k) => cookiePurpose(k.info, party(k)) === purpose);
  }, [props.known, purpose, topLevelSite]);
  if (props.known.length === 0) return <p class="muted">{t('panel_cookies_empty')}</p>;
  const filter = <PurposeFilter value={purpose} onChange={setPurpose} testId="cookie-purpose-filter" />;
  if (known.length === 0)
    return (
      <>
        {filter}
        <p class="muted">{t('ui_noMatches')}</p>
      </>
    );
  const selected = known.findIndex((k) => k.info.key === props.selectedKey);
  const select = (i: number): void => {
    props.onSelect((known[i] as KnownCookie).info.key);
    document.getElementById(optionId(i))?.scrollIntoView({ block: 'nearest' });
  };
  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key.length === 1 && e.key !== ' ' && !e.ctrlKey && !e.metaKey && !e.altKey) {
      const prev = typed.current;
      const text = e.timeStamp - prev.at < TYPE_AHEAD_MS ? prev.text + e.key : e.key;
      typed.current = { text, at: e.timeStamp };
      const i = typeAheadMatch(
        known.map((k) => k.info.name),
        text,
        selected,
      );
      if (i !== undefined) select(i);
      e.preventDefault();
      return;
    }
    if (e.key === 'Enter' && selected >= 0) {
      e.preventDefault();
      props.onActivate?.();
      return;
    }
    if (e.key === 'Escape') {
      e.preventDefault();
      props.onDismiss?.();
      return;
    }
    const target = listboxTarget(e.key, selected, known.length, PAGE);
    if (target === undefined) return;
    e.preventDefault();
    select(target);
  };
  return (
    <>
      {filter}
      <ul
        class="cookie-list"
        role="listbox"
        tabIndex={0}
        data-testid="cookie-list"
        aria-label={t('panel_view_cookies')}
        aria-activedescendant={selected >= 0 ? optionId(selected) : undefined}
        onKeyDown={onKeyDown}
      >
        {known.map((k, i) => (
          <li
            key={k.info.key}
            id={optionId(i)}
            role="option"
            aria-selected={i === selected}
            class={i === selected ? 'selected' : undefined}
            data-cookie-name={k.info.name}
            data-present={String(k.present)}
            onClick={() => props.onSelect(k.info.key)}
          >
            <span class="link">{k.info.name}</span>{' '}
            <span class="muted">
              {k.info.hostOnly ? '' : '.'}
              {k.info.domain}
              {k.info.path}
              {k.present ? '' : ` · ${t('panel_gone')}`}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
