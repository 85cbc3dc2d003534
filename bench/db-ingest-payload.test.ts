import { expect, test } from 'vitest';
import { runIngestBench } from './db-ingest-payload';
import { CookieLogDB } from '../src/db/schema';
import { fakeIdb, openTestDb } from '../src/db/test-helpers';

test('replays a session without losing records', async () => {
  const result = await runIngestBench(new CookieLogDB('bench', fakeIdb()), 300, { burst: 25 });
  expect(result).toMatchObject({ events: 300, dropped: 0, ok: true, prune: { removed: 150 } });
  expect(result.patches).toBeGreaterThan(0);
});

test('refuses to clear the real log', async () => {
  await expect(runIngestBench(openTestDb(), 10)).rejects.toThrow('dedicated');
});
