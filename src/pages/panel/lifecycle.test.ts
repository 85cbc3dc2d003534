import { describe, expect, test } from 'vitest';
import { change, line, observation } from '../../ui/timeline/fixtures';
import { lifecycleSteps, stepSummary } from './lifecycle';

describe('lifecycleSteps', () => {
  test('a login flow: set by a response, sent, replaced (overwrite pair folded), deleted', () => {
    const lc = {
      changes: [
        change({ id: 2, time: 10, valueDigest: 'a', linkedObservationId: 1 }),
        change({ id: 5, time: 30, removed: true, cause: 'overwrite' }),
        change({ id: 6, time: 30, valueDigest: 'b', linkedObservationId: 4 }),
        change({ id: 8, time: 50, removed: true, cause: 'expired_overwrite', linkedObservationId: 7 }),
      ],
      observations: [
        observation({ id: 1, time: 10, url: 'https://a.test/login', setCookies: [line({ changeEventId: 2 })] }),
        observation({ id: 3, time: 20, kind: 'request', url: 'https://a.test/login?user=alice', cookieNames: ['sid'] }),
        observation({ id: 4, time: 30, url: 'https://a.test/login?user=alice', setCookies: [line({ changeEventId: 6 })] }),
        observation({ id: 7, time: 50, url: 'https://a.test/logout', setCookies: [line({ changeEventId: 8 })] }),
      ],
    };
    const steps = lifecycleSteps(lc, 'sid');
    expect(steps.map((s) => [s.kind, s.url, s.digest])).toEqual([
      ['set', 'https://a.test/login', 'a'],
      ['sent', 'https://a.test/login?user=alice', undefined],
      ['replaced', 'https://a.test/login?user=alice', 'b'],
      ['deleted', 'https://a.test/logout', undefined],
    ]);
    expect(stepSummary(steps)).toEqual(['set', 'sent', 'replaced', 'deleted']);
  });

  test.each([
    ['expired', change({ id: 2, removed: true, cause: 'expired' }), 'expired'],
    ['evicted', change({ id: 2, removed: true, cause: 'evicted' }), 'evicted'],
    ['deleted by script', change({ id: 2, removed: true, cause: 'explicit', source: 'script' }), 'deleted'],
  ])('ends %s', (_n, end, kind) => {
    const steps = lifecycleSteps({ changes: [change({ id: 1 }), end], observations: [] }, 'sid');
    expect(steps.map((s) => s.kind)).toEqual(['set', kind]);
  });

  test('a refused line naming the cookie is a rejected step with its reason; requests for other names are not steps', () => {
    const steps = lifecycleSteps(
      {
        changes: [],
        observations: [
          observation({ id: 1, setCookies: [line({ outcome: 'rejected', reason: 'SameSiteNoneInsecure' })] }),
          observation({ id: 2, kind: 'request', cookieNames: ['other'] }),
        ],
      },
      'sid',
    );
    expect(steps.map((s) => [s.kind, s.reason])).toEqual([['rejected', 'SameSiteNoneInsecure']]);
  });
});
