import { useEffect, useState } from 'preact/hooks';
import { resolveTarget, type Target } from './target';

export function useTarget(): Target | undefined {
  const [target, setTarget] = useState<Target | undefined>(undefined);
  useEffect(() => {
    void resolveTarget().then(setTarget);
  }, []);
  return target;
}
