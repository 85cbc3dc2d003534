/**
 * The page's one polite live region: screen readers hear the latest summary of what changed, at
 * most once per `everyMs` (see ./live-throttle.ts), never one announcement per event.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { LiveThrottle } from './live-throttle';

export function LiveSummary(props: { message: string; everyMs?: number }) {
  const throttle = useRef<LiveThrottle | undefined>(undefined);
  throttle.current ??= new LiveThrottle(props.everyMs ?? 3_000);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [, rerender] = useState(0);
  useEffect(() => () => clearTimeout(timer.current), []);
  const { text, wait } = throttle.current.offer(props.message, performance.now());
  if (wait > 0 && timer.current === undefined) {
    timer.current = setTimeout(() => {
      timer.current = undefined;
      rerender((n) => n + 1);
    }, wait);
  }
  return (
    <div class="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="live-summary">
      {text}
    </div>
  );
}
