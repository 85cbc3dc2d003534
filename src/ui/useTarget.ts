import { useEffect, useState } from 'preact/hooks';
import { resolveTarget, type Target } from './target';

/** The page's target; `known` when the page resolved it before its first render. */
export function useTarget(known?: Target): Target | undefined {
  const [target, setTarget] = useState<Target | undefined>(known);
  useEffect(() => {
    if (known === undefined) void resolveTarget().then(setTarget);
  }, []);
  return target;
}
