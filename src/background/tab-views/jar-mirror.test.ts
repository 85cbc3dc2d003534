import { expect, test } from 'vitest';
import { cookie } from './test-helpers';
import { JarMirror } from './jar-mirror';
import type { CookieSnapshot } from '../../model/cookie';

/** A jar read that resolves when the test says, with what the browser held when it started. */
function browserJar(initial: CookieSnapshot[]) {
  const b = { jar: [...initial], reads: [] as Array<() => void> };
  const read = () =>
    new Promise<CookieSnapshot[]>((resolve) => {
      const at = [...b.jar];
      b.reads.push(() => resolve(at));
    });
  return { b, read };
}

const names = (cs: CookieSnapshot[]) => cs.map((c) => `${c.name}=${c.value}`).sort();

test('read once, then kept current from the changes', async () => {
  const { b, read } = browserJar([cookie('a', 'x.test'), cookie('b', 'x.test')]);
  const m = new JarMirror(read);
  const first = m.get();
  b.reads.shift()!();
  expect(names(await first)).toEqual(['a=v', 'b=v']);
  m.changed({ removed: true, cookie: cookie('a', 'x.test') });
  m.changed({ removed: false, cookie: cookie('b', 'x.test', { value: 'new' }) });
  m.changed({ removed: false, cookie: cookie('c', 'x.test') });
  expect(names(await m.get())).toEqual(['b=new', 'c=v']);
  expect(m.readsStarted).toBe(1);
});

test('changes reported while a read runs are replayed on its result, whether it saw them or not', async () => {
  const { b, read } = browserJar([cookie('a', 'x.test')]);
  const m = new JarMirror(read);
  const pending = m.get();
  // The read started before these; the browser applied them after.
  b.jar.push(cookie('late', 'x.test'));
  m.changed({ removed: false, cookie: cookie('late', 'x.test') });
  m.changed({ removed: true, cookie: cookie('a', 'x.test') });
  b.reads.shift()!();
  expect(names(await pending)).toEqual(['late=v']);
  // A read that already saw a change: replaying it changes nothing.
  b.jar = [cookie('late', 'x.test', { value: 'v2' })];
  const again = m.get(true);
  m.changed({ removed: false, cookie: cookie('late', 'x.test', { value: 'v2' }) });
  b.reads.shift()!();
  expect(names(await again)).toEqual(['late=v2']);
  expect(names(await m.get())).toEqual(['late=v2']);
});

test('the same name on another domain, path, store or partition is another cookie', async () => {
  const { b, read } = browserJar([]);
  const m = new JarMirror(read);
  const p = m.get();
  b.reads.shift()!();
  await p;
  const variants = [
    cookie('n', 'x.test'),
    cookie('n', '.x.test', { hostOnly: false }),
    cookie('n', 'x.test', { path: '/a' }),
    cookie('n', 'x.test', { storeId: '1' }),
    cookie('n', 'x.test', { partitionKey: { topLevelSite: 'https://top.test' } }),
  ];
  for (const c of variants) m.changed({ removed: false, cookie: c });
  expect(await m.get()).toHaveLength(5);
  m.changed({ removed: true, cookie: cookie('n', 'x.test', { path: '/a', value: 'whatever' }) });
  expect(await m.get()).toHaveLength(4);
});

test('an unknown change forgets the jar; a read under way is answered but not kept', async () => {
  const { b, read } = browserJar([cookie('a', 'x.test')]);
  const m = new JarMirror(read);
  const pending = m.get();
  m.changed(undefined);
  b.reads.shift()!();
  expect(names(await pending)).toEqual(['a=v']);
  const next = m.get();
  expect(m.readsStarted).toBe(2);
  b.reads.shift()!();
  await next;
});

test('a failed read is not kept; the next asks again', async () => {
  let fail = true;
  const m = new JarMirror(async () => {
    if (fail) throw new Error('no');
    return [cookie('a', 'x.test')];
  });
  await expect(m.get()).rejects.toThrow('no');
  fail = false;
  expect(names(await m.get())).toEqual(['a=v']);
  expect(m.readsStarted).toBe(2);
});

test('a fresh read keeps the objects of cookies it finds unchanged, and takes the new state of the others', async () => {
  const { b, read } = browserJar([cookie('a', 'x.test'), cookie('b', 'x.test'), cookie('c', 'x.test')]);
  const m = new JarMirror(read);
  const first = m.get();
  b.reads.shift()!();
  const [a, bb, c] = [...(await first)].sort((x, y) => (x.name < y.name ? -1 : 1));
  b.jar = [cookie('a', 'x.test'), cookie('b', 'x.test', { value: 'v2' }), cookie('c', 'x.test', { secure: false })];
  const again = m.get(true);
  b.reads.shift()!();
  const byName = new Map((await again).map((x) => [x.name, x]));
  // Equal in every attribute: the very object the mirror held (what per-cookie memos key on).
  expect(byName.get('a')).toBe(a);
  expect(byName.get('b')).not.toBe(bb);
  expect(byName.get('b')?.value).toBe('v2');
  expect(byName.get('c')).not.toBe(c);
  expect(byName.get('c')?.secure).toBe(false);
});
