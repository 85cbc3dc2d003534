/**
 * Smoke run of the ingest benchmark payload on fake-indexeddb: checks that `runIngestBench` works
 * end to end and loses nothing. Its timings are NOT a measurement — fake-indexeddb is a pure-JS
 * in-memory store; real numbers come from running `runIngestBench` inside Chrome and Firefox.
 *
 *   npx tsx bench/db-ingest.bench.ts [events=5000]
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { runIngestBench } from './db-ingest-payload';
import { CookieLogDB } from '../src/db/schema';

const n = Number(process.argv[2] ?? 5_000);
const db = new CookieLogDB('cookie-monitor-bench', { indexedDB: new IDBFactory(), IDBKeyRange });
const burst = await runIngestBench(db, n);
const paced = await runIngestBench(db, n, { burst: 20 });
db.close();

console.log(JSON.stringify({ note: 'fake-indexeddb smoke run, timings not meaningful', burst, paced }, null, 2));
if (!burst.ok || !paced.ok) {
  console.error('ingest bench smoke FAILED: records missing or dropped');
  process.exitCode = 1;
}
