import { expect, test } from 'vitest';
import { LiveThrottle } from './live-throttle';

test('a burst of summaries becomes one change per interval, the newest one', () => {
  const live = new LiveThrottle(2_000);
  expect(live.offer('3 events', 0)).toEqual({ text: '3 events', wait: 0 });
  // Fifty changes within the interval: the region keeps what it said.
  for (let i = 1; i <= 50; i++) expect(live.offer(`${3 + i} events`, i * 10)).toEqual({ text: '3 events', wait: 2_000 - i * 10 });
  // Due: the newest summary, once.
  expect(live.offer('53 events', 2_000)).toEqual({ text: '53 events', wait: 0 });
  expect(live.offer('53 events', 2_001)).toEqual({ text: '53 events', wait: 0 });
});

test('an unchanged summary is never held back', () => {
  const live = new LiveThrottle(2_000);
  live.offer('a', 0);
  expect(live.offer('a', 1)).toEqual({ text: 'a', wait: 0 });
});
