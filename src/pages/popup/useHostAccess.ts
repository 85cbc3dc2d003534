import { useEffect, useState } from 'preact/hooks';
import { hasHostAccess, onHostAccessChanged } from '../../platform/permissions';

/**
 * Whether the extension may read sites (undefined while asking). Without it (Firefox lets users
 * withhold host access) tabs hide their URL and no cookie is readable, so the popup shows the
 * grant prompt rather than a misleading "restricted page" or "no cookies".
 */
export function useHostAccess(): boolean | undefined {
  const [granted, setGranted] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    const check = (): void => void hasHostAccess().then(setGranted);
    check();
    return onHostAccessChanged(check);
  }, []);
  return granted;
}
