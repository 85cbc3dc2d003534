import { expect, test } from 'vitest';
import { Ordered } from './ordered';

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

test('nothing is applied before ready; then everything in arrival order', async () => {
  let open!: () => void;
  const o = new Ordered(new Promise<void>((r) => (open = r)));
  const seen: number[] = [];
  o.add(1, (v) => seen.push(v));
  o.add(Promise.resolve(2), (v) => seen.push(v));
  await tick();
  expect(seen).toEqual([]);
  open();
  await o.idle();
  expect(seen).toEqual([1, 2]);
});

test('a slow preparation holds later ready items behind it', async () => {
  const o = new Ordered(Promise.resolve());
  await o.idle();
  const seen: string[] = [];
  let release!: (v: string) => void;
  o.add(new Promise<string>((r) => (release = r)), (v) => seen.push(v));
  o.add('b', (v) => seen.push(v));
  await tick();
  expect(seen).toEqual([]);
  release('a');
  await o.idle();
  expect(seen).toEqual(['a', 'b']);
});

test('ready items are applied synchronously when nothing waits', async () => {
  const o = new Ordered(Promise.resolve());
  await o.idle();
  const seen: number[] = [];
  o.add(7, (v) => seen.push(v));
  expect(seen).toEqual([7]);
});

test('failures are counted and skipped; exclusive work blocks newer items', async () => {
  const o = new Ordered(Promise.resolve());
  await o.idle();
  o.add(Promise.reject(new Error('lookup failed')), () => undefined);
  o.add(1, () => {
    throw new Error('apply failed');
  });
  const seen: string[] = [];
  let finish!: () => void;
  const ex = o.exclusive(() => new Promise<void>((r) => (finish = () => r())));
  o.add('after', (v) => seen.push(v));
  await tick();
  expect(seen).toEqual([]);
  finish();
  await ex;
  await o.idle();
  expect(seen).toEqual(['after']);
  expect(o.errors).toBe(2);
});
