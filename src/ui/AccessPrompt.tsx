import { useEffect, useState } from 'preact/hooks';
import { t } from '../platform/i18n';
import { hasHostAccess, onHostAccessChanged, requestHostAccess } from '../platform/permissions';

/**
 * Shows a clear "grant access" prompt when host access is withheld (Firefox MV3 lets users do
 * that) instead of letting the page look empty. Renders nothing when access is granted.
 */
export function AccessPrompt() {
  const [granted, setGranted] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    const check = (): void => void hasHostAccess().then(setGranted);
    check();
    return onHostAccessChanged(check);
  }, []);
  if (granted !== false) return null;
  return (
    <div class="notice" role="alert" data-testid="access-prompt">
      <p>{t('accessMissing')}</p>
      <button class="primary" type="button" onClick={() => void requestHostAccess().then(setGranted)}>
        {t('accessGrant')}
      </button>
    </div>
  );
}
